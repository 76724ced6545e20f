/**
 * Writes the outbox to the `Relances` sheet: one row per reminder, keyed by
 * its outbox id (the Sheets layer's planner updates a row in place as its
 * status moves and never adds it twice), one values write per sync.
 */
import type { Firestore } from "@google-cloud/firestore";
import { Timestamp } from "@google-cloud/firestore";
import { RELANCES_COLUMNS, relancesRow, type CellType } from "../sheets/layout/relances-row";
import { OUTBOX } from "../model/collections";
import type { OutboxEntry } from "../model/outbox-entry";
import { columnLetter, quoteSheet } from "../sheets/layout/a1";
import { growRequests, managedTab } from "../sheets/layout/managed-tab";
import { RELANCES } from "../sheets/layout/workbook-spec";
import { date, datetime, int, text, type Cell } from "../sheets/cell";
import type { SheetsGateway } from "../sheets/sheets-gateway";
import { planSheet } from "../sheets/sync/sheet-plan";
import type { Row } from "../sheets/sync/row-mappers";

/** Reminders older than this keep the row they already have; only recent ones are rewritten. */
export const RELANCES_WINDOW_DAYS = 60;

function cell(type: CellType, value: string | number | null): Cell {
  if (type === "integer") return int(typeof value === "number" ? value : null);
  if (type === "date") return date(typeof value === "string" ? value : null);
  if (type === "datetime") return datetime(typeof value === "string" ? value : null);
  return text(value === null ? null : String(value));
}

export function relancesSheetRow(id: string, e: OutboxEntry): Row {
  const values = relancesRow({ ...e, id, sentAt: e.sentAt ? e.sentAt.toDate().toISOString() : null });
  return {
    id,
    order: `${e.createdAt.toDate().toISOString()}|${id}`,
    cells: values.map((v, i) => cell(RELANCES_COLUMNS[i].type, v)),
  };
}

export async function recentOutbox(db: Firestore, companyId: string, now: Date): Promise<[string, OutboxEntry][]> {
  const since = Timestamp.fromMillis(now.getTime() - RELANCES_WINDOW_DAYS * 86_400_000);
  const snap = await db.collection(OUTBOX).where("companyId", "==", companyId).where("createdAt", ">=", since).get();
  return snap.docs.map((d) => [d.id, d.data() as OutboxEntry]);
}

export async function writeRelancesSheet(
  gateway: SheetsGateway,
  spreadsheetId: string,
  entries: [string, OutboxEntry][],
): Promise<{ writeCalls: number }> {
  const tab = await managedTab(gateway, spreadsheetId, RELANCES.title);
  let writeCalls = tab.setUp ? 1 : 0;
  const [current] = await gateway.readValues(spreadsheetId, [
    `${quoteSheet(RELANCES.title)}!A1:${columnLetter(RELANCES.columns.length - 1)}`,
  ]);
  const plan = planSheet(
    RELANCES,
    entries.map(([id, e]) => relancesSheetRow(id, e)),
    current ?? [],
  );
  if (plan.rowsNeeded > tab.rowCount) {
    await gateway.batchUpdate(spreadsheetId, growRequests(RELANCES, tab, plan.rowsNeeded));
    writeCalls++;
  }
  if (plan.writes.length) writeCalls += await gateway.writeValues(spreadsheetId, plan.writes);
  return { writeCalls };
}
