/**
 * Reading cells typed by people, pure: French numbers, dates as date
 * cells or dd/mm/yyyy text. Anything unreadable passes through as typed,
 * to be refused (with its column named) by the route's own validation.
 */
import { serialToDay } from "../cell";
import type { SheetSpec } from "../layout/sheet-spec";

export type TypedCell = string | number | boolean | undefined;

export function typedText(v: TypedCell): string | undefined {
  if (v === undefined || v === null) return undefined;
  const t = String(v).trim();
  return t === "" ? undefined : t;
}

/** 3600.5, "3 600,50", "30 %" → "3600.5", "3600.50", "30": decimal strings the schemas then check. */
export function typedDecimal(v: TypedCell): string | undefined {
  if (typeof v === "number") return String(v);
  const t = typedText(v);
  if (t === undefined) return undefined;
  return t.replace(/[\s\u00a0\u202f]|%|€/g, "").replace(",", ".");
}

/**
 * A date cell (serial number) or text `dd/mm/yyyy` / `yyyy-mm-dd` → `yyyy-mm-dd`;
 * other text, and a number that is no day, pass through to be refused.
 */
export function typedDay(v: TypedCell): string | undefined {
  if (typeof v === "number") return serialToDay(v) ?? String(v);
  const t = typedText(v);
  if (t === undefined) return undefined;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return fr ? `${fr[3]}-${fr[2].padStart(2, "0")}-${fr[1].padStart(2, "0")}` : t;
}

/** The cell of `row` under `header` in a sheet of this layout. */
export const cellReader =
  (spec: SheetSpec, row: TypedCell[]) =>
  (header: string): TypedCell =>
    row[spec.columns.findIndex((c) => c.header === header)];

/** True when none of `headers` holds anything. */
export function isBlankIn(spec: SheetSpec, headers: readonly string[], row: TypedCell[]): boolean {
  const cell = cellReader(spec, row);
  return headers.every((h) => typedText(cell(h)) === undefined);
}

/** Drops the fields nothing was typed for, so the schema names what is missing. */
export const typedFields = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
