/**
 * Where each row goes and what must be written, pure. A row whose id is
 * already in the sheet's id column is updated in place (only if a cell differs); a new
 * id goes below the last used row — rows typed by people without an id
 * included, so they are never overwritten. A later row repeating the id of
 * a document is emptied, so a document never shows twice. Consecutive
 * changed rows are written as one range.
 */
import { columnLetter, quoteSheet } from "../layout/a1";
import { idColumnOf, type SheetSpec } from "../layout/sheet-spec";
import { rawValue, type RawValue } from "../cell";
import type { ValueRangeLike } from "../split-payload";
import type { Row } from "./row-mappers";

export type SheetValues = (string | number | boolean)[][];

export interface SheetPlan {
  title: string;
  writes: ValueRangeLike[];
  /** Grid rows the writes need (header included). */
  rowsNeeded: number;
  updatedRows: number;
  newRows: number;
  /** Rows that repeated a document's id (a pasted copy, a row placed twice): emptied. */
  clearedRows: number;
}

/** Where each id is (in column `idColumn`), and the later rows that repeat an id already seen. */
export function rowIndexById(current: SheetValues, idColumn: number): { byId: Map<string, number>; repeats: number[] } {
  const byId = new Map<string, number>();
  const repeats: number[] = [];
  current.forEach((line, r) => {
    const id = line[idColumn];
    if (r === 0 || typeof id !== "string" || id === "") return;
    if (byId.has(id)) repeats.push(r);
    else byId.set(id, r);
  });
  return { byId, repeats };
}

const cellValues = (row: Row) => row.cells.map((c) => (c === null ? null : rawValue(c)));

/**
 * The row without its trailing cells that would change nothing: a `null`
 * (left as it is anyway) or a "" where the sheet's cell is already empty.
 * A ValueRange row shorter than its range leaves the cells after it as they
 * are, so this only shrinks the payload; a "" over a value is kept, it
 * clears a stale value.
 */
export function trimTrailing(values: (RawValue | null)[], line: SheetValues[number] = []): (RawValue | null)[] {
  let end = values.length;
  while (end > 1 && (values[end - 1] === null || (values[end - 1] === "" && (line[end - 1] ?? "") === ""))) end--;
  return end === values.length ? values : values.slice(0, end);
}

/**
 * `current` laid out in another column order than the layout's, with the
 * same headers (the layout moved its columns, #12): each row with its cells
 * moved under their header, typed rows included; null when the header is
 * already the layout's or is not a reordering of it.
 */
export function reorderedToLayout(spec: SheetSpec, current: SheetValues): SheetValues | null {
  const header = (current[0] ?? []).map((h) => String(h ?? ""));
  const wanted = spec.columns.map((c) => c.header);
  if (wanted.every((h, i) => header[i] === h)) return null;
  const from = wanted.map((h) => header.indexOf(h));
  if (from.some((i) => i < 0) || header.filter((h) => h !== "").length !== wanted.length) return null;
  return [wanted, ...current.slice(1).map((line) => from.map((i) => line[i] ?? ""))];
}

/**
 * The writes that make the sheet hold `desired`. With `whole`, every row
 * of `current` is written too (cells not desired as they are in
 * `current`): the sheet holds another layout and `current` is its rows
 * already reordered (reorderedToLayout).
 */
export function planSheet(spec: SheetSpec, desired: Row[], current: SheetValues, whole = false): SheetPlan {
  const idColumn = idColumnOf(spec);
  const { byId, repeats } = rowIndexById(current, idColumn);
  const placed = new Map<number, (RawValue | null)[]>();
  let updatedRows = 0;
  for (const row of desired) {
    const at = byId.get(row.id);
    if (at === undefined) continue;
    const values = cellValues(row);
    const line = current[at] ?? [];
    if (values.some((v, i) => v !== null && v !== (line[i] ?? ""))) {
      placed.set(at, trimTrailing(values, line));
      updatedRows++;
    }
  }
  let next = Math.max(1, current.length);
  const fresh = desired
    .filter((row) => !byId.has(row.id))
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  // Below the last used row every cell is empty.
  for (const row of fresh) placed.set(next++, trimTrailing(cellValues(row)));
  // Only ids the sync owns: a row a person keyed with some other text is theirs.
  const wanted = new Set(desired.map((row) => row.id));
  const cleared = repeats.filter((r) => wanted.has(current[r][idColumn] as string));
  for (const r of cleared)
    placed.set(
      r,
      spec.columns.map(() => ""),
    );

  if (whole)
    for (let r = 1; r < current.length; r++) {
      const line = current[r] ?? [];
      const mine = placed.get(r);
      placed.set(
        r,
        spec.columns.map((_, i) => {
          const value = mine?.[i] ?? line[i] ?? "";
          // A checkbox read back as a boolean is written back as the text Sheets shows.
          return typeof value === "boolean" ? String(value).toUpperCase() : value;
        }),
      );
    }

  const indexes = [...placed.keys()].sort((a, b) => a - b);
  const writes: ValueRangeLike[] = [];
  const last = columnLetter(spec.columns.length - 1);
  for (let i = 0; i < indexes.length;) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    writes.push({
      range: `${quoteSheet(spec.title)}!A${indexes[i] + 1}:${last}${indexes[j] + 1}`,
      // null = leave the cell as it is (Sheets skips nulls in a ValueRange).
      values: indexes.slice(i, j + 1).map((r) => placed.get(r)!),
    });
    i = j + 1;
  }
  return {
    title: spec.title,
    writes,
    rowsNeeded: next,
    updatedRows,
    newRows: fresh.length,
    clearedRows: cleared.length,
  };
}
