/**
 * Model-based test of the write-back: random sequences of document changes,
 * syncs (full or of the touched sheets, some under 30 % of failing answers
 * with few retries, some with a payload small enough to split, some doubled
 * by a duplicate notification), what people do in the sheet
 * (type rows, clear, paste a copy, sort, delete by moving rows up, edit
 * cells) and syncs that die holding the lease, against a model: the
 * documents' rows of each sheet and the rows people typed. After a sync that
 * succeeded, every sheet it covered shows each document exactly once with
 * its values, and a second sync writes nothing; whatever happens, the rows
 * people typed are never touched. `MODEL_RUNS=200 MODEL_STEPS=40` for a
 * longer hunt.
 */
import fc from "fast-check";
import { date, money, rawValue, text, type Cell } from "../../functions/src/sheets/cell";
import { columnLetter, quoteSheet } from "../../functions/src/sheets/layout/a1";
import { setupWorkbook } from "../../functions/src/sheets/layout/setup-workbook";
import { idColumnOf, type SheetSpec } from "../../functions/src/sheets/layout/sheet-spec";
import { ACOMPTES, ECRITURES, REMBOURSEMENTS } from "../../functions/src/sheets/layout/workbook-spec";
import { httpStatus } from "../../functions/src/sheets/retry";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import type { Row } from "../../functions/src/sheets/sync/row-mappers";
import { acquireLease } from "../../functions/src/sheets/sync/sync-lease";
import { syncSpreadsheet, type SyncResult } from "../../functions/src/sheets/sync/sync-spreadsheet";
import type { WorkbookRows } from "../../functions/src/sheets/sync/workbook-rows";
import { testFirestore } from "../support/firestore";
import { FAST_RETRY, startSheetsKit } from "./sheets-test-kit";

const fs = testFirestore("sheetsmodel");
afterAll(() => fs.close());

const SHEETS: SheetSpec[] = [ACOMPTES, REMBOURSEMENTS, ECRITURES];
const ALL = SHEETS.map((_, i) => i);
const INITIAL_ROWS = 6; // small grids: the syncs have to grow them
const LEASE_PLUS = 3 * 60_000;

type Value = string | number | boolean;
type Line = Value[];

// ---- Documents' rows -------------------------------------------------------------------------------------------

const TEXTS = ["abc", "=1+1", "+1", "'x", "", "007", " x ", "Émile & Cie", "-1", "@x", '=HYPERLINK("u")'];
const MONEYS = ["100.00", "-12.34", "0.10", "1234567.89", "0.00", "99999.99"];
const DAYS = ["2026-01-15", "2025-12-31", "2000-02-29", "2026-03-10"];
/** A choice past the kind's values: a cell without value ("" written) or a `null` cell (left as it is). */
const CHOICES = 14;

function cellFor(spec: SheetSpec, column: number, choice: number): Cell | null {
  if (choice === CHOICES - 1) return null;
  const kind = spec.columns[column].kind;
  if (kind === "money") return money(choice < MONEYS.length ? MONEYS[choice] : null);
  if (kind === "date") return date(choice < DAYS.length ? DAYS[choice] : null);
  return text(choice < TEXTS.length ? TEXTS[choice] : null);
}

const docRow = (spec: SheetSpec, id: string, order: string, choices: number[]): Row => ({
  id,
  order,
  cells: spec.columns.map((_, c) =>
    c === idColumnOf(spec) ? text(id) : cellFor(spec, c, choices[c % choices.length]),
  ),
});

// ---- What people type (USER_ENTERED) ---------------------------------------------------------------------------

const TYPED = ["note", "=1+1", "+1", "'x", "12,5", "15/01/2026", "VRAI", "", '="a"', "2026-03-01", "1 234,5", ""];
const typedKey = (i: number) => ["", "", "à voir", "=2"][i % 4]; // never a document's id

// ---- Actions -----------------------------------------------------------------------------------------------------

type Action =
  | { k: "add"; sheet: number; docs: number[][] }
  | { k: "change"; sheet: number; pick: number; choices: number[]; columns: number[] }
  /** `twice`: a duplicate notification, two syncs at once (without faults). */
  | { k: "sync"; full: boolean; faulty: boolean; fragile: boolean; small: boolean; twice: boolean }
  | { k: "type"; sheet: number; where: "below" | "insert" | "gap"; at: number; key: number; values: number[] }
  | { k: "clear"; sheet: number; pick: number }
  | { k: "copy"; sheet: number; pick: number; to: number }
  | { k: "move"; sheet: number; start: number; len: number; how: "reverse" | "rotate" | "sort" }
  | { k: "delete"; sheet: number; pick: number }
  | { k: "edit"; sheet: number; pick: number; column: number; value: number }
  | { k: "ghost" }
  | { k: "later" };

const sheet = fc.integer({ min: 0, max: SHEETS.length - 1 });
const pick = fc.nat(50);
const choices = fc.array(fc.integer({ min: 0, max: CHOICES - 1 }), { minLength: 1, maxLength: 8 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ k: fc.constant("add"), sheet, docs: fc.array(choices, { minLength: 1, maxLength: 3 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("change"),
      sheet,
      pick,
      choices,
      columns: fc.array(fc.nat(21), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant("sync"),
      full: fc.boolean(),
      faulty: fc.boolean(),
      fragile: fc.boolean(),
      small: fc.boolean(),
      twice: fc.nat(4).map((n) => n === 0),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("type"),
      sheet,
      where: fc.constantFrom("below" as const, "insert" as const, "gap" as const),
      at: pick,
      key: fc.nat(3),
      values: fc.array(fc.nat(TYPED.length - 1), { minLength: 1, maxLength: 6 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("clear"), sheet, pick }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("copy"), sheet, pick, to: pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("move"),
      sheet,
      start: pick,
      len: fc.integer({ min: 2, max: 5 }),
      how: fc.constantFrom("reverse" as const, "rotate" as const, "sort" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("delete"), sheet, pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant("edit"), sheet, pick, column: fc.nat(21), value: fc.nat(TYPED.length - 1) }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("ghost") }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("later") }) },
) as fc.Arbitrary<Action>;

// ---- One run ---------------------------------------------------------------------------------------------------

let runs = 0;

async function run(faultSeed: number, actions: Action[]) {
  const kit = await startSheetsKit({ faultSeed });
  try {
    const companyId = `c${++runs}`;
    const spreadsheetId = await kit.newSpreadsheet();
    const { sheetIds } = await setupWorkbook(kit.gateway, spreadsheetId);
    await kit.gateway.batchUpdate(
      spreadsheetId,
      SHEETS.map((spec) => ({
        updateSheetProperties: {
          properties: { sheetId: sheetIds[spec.title], gridProperties: { rowCount: INITIAL_ROWS } },
          fields: "gridProperties.rowCount",
        },
      })),
    );
    const api = kit.gateway.api;
    const gateways = new Map<string, SheetsGateway>();
    const gatewayFor = (fragile: boolean, small: boolean) => {
      const key = `${fragile}${small}`;
      if (!gateways.has(key))
        gateways.set(
          key,
          new SheetsGateway(
            createSheetsApi(kit.server.functionsAccess),
            { ...FAST_RETRY, attempts: fragile ? 2 : FAST_RETRY.attempts },
            small ? 1_500 : undefined,
          ),
        );
      return gateways.get(key)!;
    };

    // The model.
    const docs = SHEETS.map(() => new Map<string, Row>());
    /** The rows people typed, per sheet, as read back (a multiset of JSON lines). */
    const people: string[][] = SHEETS.map(() => []);
    /** Sheets that may differ from the model: changed since the last sync that covered them. */
    const stale = new Set<number>();
    /** Sheets whose documents changed since the last sync attempt: what the next change's sync covers. */
    let touched = new Set<number>();
    let lastFailed = false;
    let ghost: { until: number } | null = null;
    let clock = Date.parse("2026-03-10T11:00:00Z");
    let nextId = 0;

    const range = (s: number, from = 1, to?: number) => {
      const spec = SHEETS[s];
      const last = columnLetter(spec.columns.length - 1);
      return `${quoteSheet(spec.title)}!A${from}:${last}${to ?? ""}`;
    };
    const read = async (s: number, render: "UNFORMATTED_VALUE" | "FORMULA" = "UNFORMATTED_VALUE") => {
      const res = await api.spreadsheets.values.get({
        spreadsheetId,
        range: range(s),
        valueRenderOption: render,
        dateTimeRenderOption: "SERIAL_NUMBER",
      });
      return (res.data.values ?? []) as Line[];
    };
    const rowCount = async (s: number) => {
      const meta = await kit.gateway.get(spreadsheetId, { fields: "sheets.properties(title,gridProperties.rowCount)" });
      return meta.sheets!.find((x) => x.properties!.title === SHEETS[s].title)!.properties!.gridProperties!.rowCount!;
    };
    const isDocId = (s: number, v: Value | undefined) => typeof v === "string" && docs[s].has(v);
    /** The document id a sheet's line holds (the id column is first or last, by sheet). */
    const idOf = (s: number, line: Line) => line[idColumnOf(SHEETS[s])];
    const blank = (line: Line | undefined) => !line || line.every((v) => v === "");
    const personLines = (s: number, lines: Line[]) =>
      lines
        .slice(1)
        .filter((line) => !blank(line) && !isDocId(s, idOf(s, line)))
        .map((line) => JSON.stringify(line))
        .sort();

    /** The rows people typed are exactly the model's, on every sheet. */
    const checkPeople = async () => {
      for (const s of ALL)
        expect({ sheet: SHEETS[s].title, rows: personLines(s, await read(s)) }).toEqual({
          sheet: SHEETS[s].title,
          rows: people[s],
        });
    };
    /** Each document once, with its values (a `null` cell: whatever is there). */
    const checkDocuments = async (s: number) => {
      const lines = await read(s);
      const seen = new Map<string, number>();
      lines.forEach((line, r) => {
        if (r > 0 && isDocId(s, idOf(s, line)))
          seen.set(idOf(s, line) as string, (seen.get(idOf(s, line) as string) ?? 0) + 1);
      });
      for (const [id, row] of docs[s]) {
        expect({ sheet: SHEETS[s].title, id, times: seen.get(id) ?? 0 }).toEqual({
          sheet: SHEETS[s].title,
          id,
          times: 1,
        });
        const line = lines.find((l, r) => r > 0 && idOf(s, l) === id)!;
        const got = row.cells.map((c, i) => (c === null ? null : (line[i] ?? "")));
        const want = row.cells.map((c) => (c === null ? null : rawValue(c)));
        expect({ sheet: SHEETS[s].title, id, got }).toEqual({ sheet: SHEETS[s].title, id, got: want });
      }
    };

    const readRows = async (_db: unknown, _c: string, only?: ReadonlySet<string>): Promise<WorkbookRows> =>
      ALL.filter((s) => !only || only.has(SHEETS[s].title)).map((s) => [SHEETS[s], [...docs[s].values()]]);

    // ---- What a person does, through the client ----
    const width = (s: number) => SHEETS[s].columns.length;
    const pad = (s: number, line: Value[]) => Array.from({ length: width(s) }, (_, i) => line[i] ?? "");
    const typeRow = async (s: number, r: number, line: Value[]) =>
      api.spreadsheets.values.update({
        spreadsheetId,
        range: range(s, r + 1, r + 1),
        valueInputOption: "USER_ENTERED",
        requestBody: { values: [pad(s, line)] },
      });
    /** Puts `from`'s rows (as read with FORMULA and UNFORMATTED_VALUE) at row `at`: values as they are, formulas as formulas. */
    const pasteRows = async (s: number, at: number, formulas: Line[], values: Line[]) => {
      if (!formulas.length) return;
      await api.spreadsheets.values.update({
        spreadsheetId,
        range: range(s, at + 1, at + formulas.length),
        valueInputOption: "RAW",
        requestBody: { values: formulas.map((l) => pad(s, l ?? [])) },
      });
      const isFormula = (f: Value | undefined, v: Value | undefined) =>
        typeof f === "string" && f.startsWith("=") && f !== v;
      if (!formulas.some((l, i) => (l ?? []).some((f, j) => isFormula(f, values[i]?.[j])))) return;
      await api.spreadsheets.values.update({
        spreadsheetId,
        range: range(s, at + 1, at + formulas.length),
        valueInputOption: "USER_ENTERED",
        requestBody: {
          values: formulas.map((l, i) => pad(s, l ?? []).map((f, j) => (isFormula(f, values[i]?.[j]) ? f : null))),
        },
      });
    };

    const person = async (s: number, act: (lines: Line[], formulas: Line[], rows: number) => Promise<void>) => {
      const lines = await read(s);
      expect(personLines(s, lines)).toEqual(people[s]);
      await act(lines, await read(s, "FORMULA"), await rowCount(s));
      people[s] = personLines(s, await read(s));
      stale.add(s);
    };

    const sync = async (a: Extract<Action, { k: "sync" }>) => {
      const only = a.full ? undefined : new Set([...touched].map((s) => SHEETS[s].title));
      const deferred = ghost !== null && clock < ghost.until;
      const replay = lastFailed || ghost !== null;
      let covered = a.full || replay ? ALL : [...touched];
      const gateway = gatewayFor(a.fragile, a.small);
      const faulty = a.faulty && !a.twice;
      kit.server.setFaultRate(faulty ? 0.3 : 0);
      const start = (rows = readRows) =>
        syncSpreadsheet({ db: fs.db, gateway, readRows: rows, now: () => new Date(clock) }, companyId, spreadsheetId, {
          onlySheets: only,
        });
      let result: SyncResult | null = null;
      let error: unknown = null;
      try {
        if (a.twice) {
          // A duplicate notification arrives while the first sync holds the lease (started at once, the two
          // lease transactions would only wait on each other in the emulator).
          let second: Promise<SyncResult> | null = null;
          const first = await start(async (...args) => {
            second ??= start();
            await second;
            return readRows(...args);
          });
          const during = second !== null; // not when the first had nothing to read
          const both = [first, await (second ?? start())];
          if (!deferred && during) {
            // It found the lease taken and left a mark: the holder synced again, every sheet.
            expect(both.map((r) => r.status)).toEqual(["synced", "deferred"]);
            expect(first.passes).toBe(2);
            covered = ALL;
          }
          result = first;
        } else result = await start();
      } catch (e) {
        error = e;
      }
      kit.server.setFaultRate(0);
      await checkPeople();
      if (deferred) {
        expect(error).toBeNull();
        expect(result!.status).toBe("deferred");
        return;
      }
      ghost = null;
      touched = new Set();
      if (error) {
        // Only a Sheets failure that outlived the retries.
        expect({ faulty, retryable: [429, 500].includes(httpStatus(error) ?? 0) }).toEqual({
          faulty: true,
          retryable: true,
        });
        lastFailed = true;
        return;
      }
      expect(result).toMatchObject({ status: "synced", ...(a.twice ? {} : { replayed: replay }) });
      lastFailed = false;
      for (const s of covered) stale.delete(s);
      for (const s of covered) await checkDocuments(s);
      // Nothing left to write: the same sync again makes no write call.
      const again = await syncSpreadsheet(
        { db: fs.db, gateway: kit.gateway, readRows, now: () => new Date(clock) },
        companyId,
        spreadsheetId,
        { onlySheets: covered.length === ALL.length ? undefined : only },
      );
      expect(again).toMatchObject({
        status: "synced",
        replayed: false,
        writeCalls: 0,
        updatedRows: 0,
        newRows: 0,
        clearedRows: 0,
      });
    };

    const used = (lines: Line[]) => lines.length - 1; // rows below the header, up to the last used one

    for (const a of actions) {
      clock += 1_000;
      switch (a.k) {
        case "add":
          for (const c of a.docs) {
            const id = `${SHEETS[a.sheet].title.slice(0, 3)}-${++nextId}`;
            docs[a.sheet].set(id, docRow(SHEETS[a.sheet], id, String(1000 - nextId).padStart(5, "0"), c));
          }
          touched.add(a.sheet);
          stale.add(a.sheet);
          break;
        case "change": {
          const ids = [...docs[a.sheet].keys()];
          if (!ids.length) break;
          const id = ids[a.pick % ids.length];
          const row = docs[a.sheet].get(id)!;
          const cells = [...row.cells];
          const others = cells.map((_, i) => i).filter((i) => i !== idColumnOf(SHEETS[a.sheet]));
          a.columns.forEach((c, i) => {
            const column = others[c % others.length];
            cells[column] = cellFor(SHEETS[a.sheet], column, a.choices[i % a.choices.length]);
          });
          docs[a.sheet].set(id, { ...row, cells });
          touched.add(a.sheet);
          stale.add(a.sheet);
          break;
        }
        case "sync":
          await sync(a);
          break;
        case "type":
          await person(a.sheet, async (lines, formulas, rows) => {
            // The key where the sheet keeps its ids, what was typed in the other columns in order.
            const idc = idColumnOf(SHEETS[a.sheet]);
            const rest = a.values.map((v) => TYPED[v]);
            const line: string[] = [];
            for (let i = 0, j = 0; i < width(a.sheet); i++) line.push(i === idc ? typedKey(a.key) : (rest[j++] ?? ""));
            if (!line.some((v) => v !== "")) line[idc === 0 ? 1 : 0] = "note";
            if (a.where === "gap") {
              const gaps = lines.map((l, r) => (r > 0 && blank(l) ? r : -1)).filter((r) => r > 0);
              if (gaps.length) await typeRow(a.sheet, gaps[a.at % gaps.length], line);
            } else if (a.where === "insert" && used(lines) > 0) {
              if (lines.length >= rows) return;
              const at = 1 + (a.at % used(lines));
              await pasteRows(a.sheet, at + 1, formulas.slice(at), lines.slice(at));
              await typeRow(a.sheet, at, line);
            } else {
              const at = lines.length + (a.at % 3);
              if (at < rows) await typeRow(a.sheet, at, line);
            }
          });
          break;
        case "clear":
          await person(a.sheet, async (lines) => {
            if (!used(lines)) return;
            const r = 1 + (a.pick % used(lines));
            await api.spreadsheets.values.clear({ spreadsheetId, range: range(a.sheet, r + 1, r + 1) });
          });
          break;
        case "copy":
          await person(a.sheet, async (lines, formulas, rows) => {
            const sources = lines
              .map((l, r) => (r > 0 && isDocId(a.sheet, idOf(a.sheet, l)) ? r : -1))
              .filter((r) => r > 0);
            if (!sources.length) return;
            const from = sources[a.pick % sources.length];
            const to = 1 + (a.to % Math.min(rows - 1, lines.length + 1));
            if (to !== from) await pasteRows(a.sheet, to, [formulas[from]], [lines[from]]);
          });
          break;
        case "move":
          await person(a.sheet, async (lines, formulas) => {
            if (used(lines) < 2) return;
            const start = 1 + (a.start % used(lines));
            const block = [...Array(Math.min(a.len, lines.length - start)).keys()].map((i) => start + i);
            if (block.length < 2) return;
            let order = [...block];
            if (a.how === "reverse") order.reverse();
            else if (a.how === "rotate") order = [...order.slice(1), order[0]];
            else order.sort((x, y) => JSON.stringify(lines[y] ?? []).localeCompare(JSON.stringify(lines[x] ?? [])));
            await pasteRows(
              a.sheet,
              start,
              order.map((r) => formulas[r] ?? []),
              order.map((r) => lines[r] ?? []),
            );
          });
          break;
        case "delete":
          await person(a.sheet, async (lines, formulas) => {
            if (!used(lines)) return;
            const r = 1 + (a.pick % used(lines));
            await pasteRows(a.sheet, r, formulas.slice(r + 1), lines.slice(r + 1));
            const last = lines.length - 1;
            await api.spreadsheets.values.clear({ spreadsheetId, range: range(a.sheet, last + 1, last + 1) });
          });
          break;
        case "edit":
          await person(a.sheet, async (lines) => {
            if (!used(lines)) return;
            const r = 1 + (a.pick % used(lines));
            const column = a.column % width(a.sheet);
            const cell = `${quoteSheet(SHEETS[a.sheet].title)}!${columnLetter(column)}${r + 1}`;
            await api.spreadsheets.values.update({
              spreadsheetId,
              range: cell,
              valueInputOption: "USER_ENTERED",
              requestBody: { values: [[column === 0 ? "à voir" : TYPED[a.value]]] },
            });
          });
          break;
        case "ghost": {
          // A sync takes the lease and dies before its endPass.
          const held = ghost !== null && clock < ghost.until;
          const got = await acquireLease(fs.db, companyId, spreadsheetId, `ghost-${clock}`, new Date(clock));
          expect(got === null).toBe(held);
          if (!held) ghost = { until: clock + 2 * 60_000 };
          break;
        }
        case "later":
          clock += LEASE_PLUS;
          break;
      }
    }
    // The end: a full sync, without faults, leaves every sheet as the model says.
    await sync({ k: "sync", full: true, faulty: false, fragile: false, small: false, twice: false });
    if (ghost) {
      clock += LEASE_PLUS;
      await sync({ k: "sync", full: true, faulty: false, fragile: false, small: false, twice: false });
    }
    expect(stale.size).toBe(0);
  } finally {
    await kit.stop();
  }
}

test("model: documents' rows, people's rows, faults and dead syncs — every document once, people's rows untouched", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.array(action, { minLength: 1, maxLength: Number(process.env.MODEL_STEPS ?? 32) }),
      run,
    ),
    { numRuns: Number(process.env.MODEL_RUNS ?? 20) },
  );
}, 600_000);
