/**
 * Write-back: makes a spreadsheet show what Firestore holds for a company.
 * Two reads (grid sizes, current values), at most one batchUpdate to grow
 * grids and one values.batchUpdate for every changed or new row of every
 * sheet (split only past ~2 MB). Rows are keyed by document id, so a rerun
 * — after a crash, a failed write or a duplicate notification — rewrites
 * the same cells and never adds a row twice.
 */
import type { SheetSync } from "../../contract/workbook";
import { randomUUID } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { columnLetter, quoteSheet } from "../layout/a1";
import { formatRequests, setupWorkbook } from "../layout/setup-workbook";
import { WORKBOOK } from "../layout/workbook-spec";
import type { Request, SheetsGateway } from "../sheets-gateway";
import type { SheetSpec } from "../layout/sheet-spec";
import { planSheet, reorderedToLayout, rowIndexById, type SheetValues } from "./sheet-plan";
import { acquireLease, endPass } from "./sync-lease";
import { parisDay } from "../../domain/dates/calendar-day";
import { idColumnOf } from "../layout/sheet-spec";
import { readWorkbookRows, type WorkbookRows } from "./workbook-rows";

export interface SyncDeps {
  db: Firestore;
  gateway: SheetsGateway;
  now?: () => Date;
  /** Where the rows come from; the company's Firestore documents by default. */
  readRows?: (
    db: Firestore,
    companyId: string,
    only: ReadonlySet<string> | undefined,
    today: string,
  ) => Promise<WorkbookRows>;
}

/** What one sync did: the contract's `SheetSync`, part of the workbook routes' answers. */
export type SyncResult = SheetSync;

/**
 * Rows added beyond what a growing sync needs, formatted like the others:
 * the next few hundred new rows then need no grid growth, so a sync after a
 * change is one write call, not two.
 */
export const GROWTH_HEADROOM_ROWS = 500;

async function gridSizes(gateway: SheetsGateway, spreadsheetId: string) {
  const meta = await gateway.get(spreadsheetId, { fields: "sheets.properties(sheetId,title,gridProperties.rowCount)" });
  return new Map(
    (meta.sheets ?? []).map((s) => [
      s.properties!.title!,
      { sheetId: s.properties!.sheetId!, rowCount: s.properties!.gridProperties!.rowCount! },
    ]),
  );
}

/**
 * A sheet Acompte alone fills (every column computed) whose header row is
 * not the layout's: its columns moved (the technical id went last, #12) or
 * were renamed. Its rows are keyed where the id used to be, so it is
 * rewritten whole under the repaired header rather than matched row by row.
 */
export function laidOutAnew(spec: SheetSpec, current: SheetValues): boolean {
  const header = current[0];
  if (!header || !spec.columns.every((c) => c.computed)) return false;
  return spec.columns.some((c, i) => header[i] !== c.header);
}

/**
 * Whether the sheet holds a row with an id that is not among `desired`: in
 * a sheet whose rows are all computed from `desired` (the `Écritures`
 * window), the rows are then written anew from row 2, the rest emptied.
 */
function holdsOthers(spec: SheetSpec, current: SheetValues, desired: readonly { id: string }[]): boolean {
  const wanted = new Set(desired.map((row) => row.id));
  return [...rowIndexById(current, idColumnOf(spec)).byId.keys()].some((id) => !wanted.has(id));
}

/** One pass: read, plan, grow, write. Returns the write calls made. */
export async function writeBack(gateway: SheetsGateway, spreadsheetId: string, sheets: WorkbookRows) {
  let sizes = await gridSizes(gateway, spreadsheetId);
  let writeCalls = 0;
  const setup = async () => {
    writeCalls += (await setupWorkbook(gateway, spreadsheetId)).requests ? 1 : 0;
    sizes = await gridSizes(gateway, spreadsheetId);
  };
  if (WORKBOOK.some((spec) => !sizes.has(spec.title))) await setup();
  const current = await gateway.readValues(
    spreadsheetId,
    sheets.map(([spec]) => `${quoteSheet(spec.title)}!A1:${columnLetter(spec.columns.length - 1)}`),
  );
  const relaid = new Set(sheets.filter(([spec], i) => laidOutAnew(spec, current[i] ?? [])).map(([spec]) => spec));
  // A sheet people type into whose columns only moved: every row, typed ones included, moved under its header.
  const reordered = sheets.map(([spec], i) => (relaid.has(spec) ? null : reorderedToLayout(spec, current[i] ?? [])));
  // Headers, formats and protections of the new layout; the rows follow below.
  if (relaid.size > 0 || reordered.some((r) => r !== null)) await setup();
  // One sheet's rows at a time: only the plans (the cells to write) are kept.
  const plans: { spec: (typeof sheets)[number][0]; plan: ReturnType<typeof planSheet> }[] = [];
  for (const [i, [spec, rows, exclusive]] of sheets.entries()) {
    const desired = typeof rows === "function" ? await rows() : rows;
    const before = current[i] ?? [];
    if (relaid.has(spec) || (exclusive && holdsOthers(spec, before, desired))) {
      // Every row anew from row 2, then the old layout's rows left below them emptied.
      const plan = planSheet(spec, desired, [spec.columns.map((c) => c.header)]);
      if (before.length > plan.rowsNeeded)
        plan.writes.push({
          range: `${quoteSheet(spec.title)}!A${plan.rowsNeeded + 1}:${columnLetter(spec.columns.length - 1)}${before.length}`,
          values: before.slice(plan.rowsNeeded).map(() => spec.columns.map(() => "")),
        });
      plan.rowsNeeded = Math.max(plan.rowsNeeded, before.length);
      plans.push({ spec, plan });
    } else {
      const moved = reordered[i];
      plans.push({ spec, plan: moved ? planSheet(spec, desired, moved, true) : planSheet(spec, desired, before) });
    }
    current[i] = [];
  }
  const grow: Request[] = [];
  for (const { spec, plan } of plans) {
    const size = sizes.get(spec.title)!;
    if (plan.rowsNeeded <= size.rowCount) continue;
    const rowCount = plan.rowsNeeded + GROWTH_HEADROOM_ROWS;
    grow.push({
      updateSheetProperties: {
        properties: { sheetId: size.sheetId, gridProperties: { rowCount } },
        fields: "gridProperties.rowCount",
      },
    });
    // New rows get the columns' formats (dates as dates, amounts in euros).
    grow.push(...formatRequests(spec, size.sheetId, size.rowCount, rowCount));
  }
  if (grow.length) {
    await gateway.batchUpdate(spreadsheetId, grow);
    writeCalls++;
  }
  const writes = plans.flatMap(({ plan }) => plan.writes);
  if (writes.length) writeCalls += await gateway.writeValues(spreadsheetId, writes);
  return {
    writeCalls,
    updatedRows: plans.reduce((t, p) => t + p.plan.updatedRows, 0),
    newRows: plans.reduce((t, p) => t + p.plan.newRows, 0),
    clearedRows: plans.reduce((t, p) => t + p.plan.clearedRows, 0),
  };
}

export interface SyncOptions {
  /** Runs under the lease before the first write-back (the import writes ids into typed rows there). */
  beforeWriteBack?: () => Promise<void>;
  /**
   * The sheets the triggering change can have altered (sheetsTouchedBy):
   * the first pass reads and writes only those. Ignored when a failed write
   * is being replayed; later passes (other changes meanwhile) are full.
   */
  onlySheets?: ReadonlySet<string>;
  /** Wait for a lease held by another sync instead of leaving the work to it (ms). */
  waitForLeaseMs?: number;
}

export async function syncSpreadsheet(
  deps: SyncDeps,
  companyId: string,
  spreadsheetId: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const now = deps.now ?? (() => new Date());
  const owner = randomUUID();
  const deadline = Date.now() + (options.waitForLeaseMs ?? 0);
  let found = await acquireLease(deps.db, companyId, spreadsheetId, owner, now());
  while (!found && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    found = await acquireLease(deps.db, companyId, spreadsheetId, owner, now());
  }
  const result: SyncResult = {
    status: "deferred",
    passes: 0,
    writeCalls: 0,
    updatedRows: 0,
    newRows: 0,
    clearedRows: 0,
    replayed: false,
  };
  if (!found) return result;
  result.status = "synced";
  // What an earlier sync should have written is unknown when its write failed, when it died holding
  // the lease (its owner is still set), or when changes it was to pick up are still marked (dirty).
  result.replayed = found.failed !== null || found.leaseOwner !== null || found.dirty;
  let prepare = options.beforeWriteBack;
  let only = result.replayed ? undefined : options.onlySheets;
  for (;;) {
    let error: Error | null = null;
    try {
      if (prepare) await prepare();
      prepare = undefined;
      const rows =
        only?.size === 0 ? [] : await (deps.readRows ?? readWorkbookRows)(deps.db, companyId, only, parisDay(now()));
      only = undefined;
      const pass = rows.length
        ? await writeBack(deps.gateway, spreadsheetId, rows)
        : { writeCalls: 0, updatedRows: 0, newRows: 0, clearedRows: 0 };
      result.writeCalls += pass.writeCalls;
      result.updatedRows += pass.updatedRows;
      result.newRows += pass.newRows;
      result.clearedRows += pass.clearedRows;
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    }
    result.passes++;
    const again = await endPass(deps.db, companyId, spreadsheetId, owner, now(), error);
    if (error) throw error;
    if (!again) return result;
  }
}
