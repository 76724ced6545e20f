/**
 * Appends the day's anchor to the `Intégrité` sheet of a workbook: one row
 * per series (id `YYYY-MM-DD|series`). Rows are only ever added — a row
 * already there is never rewritten, even if it differs from Firestore: the
 * sheet is a copy kept outside Firestore, and repairing it from Firestore
 * would erase the very evidence it keeps. A rerun adds nothing.
 */
import { frenchDate } from "../domain/dates/calendar-day";
import { capitalise } from "../domain/validation/field-errors";
import type { AnchorDoc } from "../model/anchor";
import { date, rawValue, text, type Cell } from "../sheets/cell";
import { columnLetter, quoteSheet } from "../sheets/layout/a1";
import { growRequests, managedTab } from "../sheets/layout/managed-tab";
import { INTEGRITE } from "../sheets/layout/workbook-spec";
import type { SheetsGateway } from "../sheets/sheets-gateway";
import { seriesLabel } from "../storage/series";

/** What the check before the anchor found, in a few words. */
export function anchorCheckSummary(anchor: Pick<AnchorDoc, "since" | "findings" | "findingsCount">): string {
  const scope = anchor.since ? `depuis l'empreinte du ${frenchDate(anchor.since)}` : "depuis le premier document";
  if (anchor.findingsCount === 0) return `Aucune anomalie ${scope}`;
  const n = anchor.findingsCount;
  return `${n} anomalie${n > 1 ? "s" : ""} ${scope}, dont : ${anchor.findings[0]}`;
}

export function integrityRows(anchor: AnchorDoc): { id: string; cells: Cell[] }[] {
  const check = anchorCheckSummary(anchor);
  return anchor.heads.map((h) => ({
    id: `${anchor.date}|${h.series}`,
    cells: [
      text(`${anchor.date}|${h.series}`),
      date(anchor.date),
      text(capitalise(seriesLabel(h.series))),
      text(h.number),
      text(h.hash),
      text(check),
    ],
  }));
}

export async function appendIntegrityRows(
  gateway: SheetsGateway,
  spreadsheetId: string,
  anchor: AnchorDoc,
): Promise<{ appended: number }> {
  const tab = await managedTab(gateway, spreadsheetId, INTEGRITE.title);
  const last = columnLetter(INTEGRITE.columns.length - 1);
  const [current = []] = await gateway.readValues(spreadsheetId, [`${quoteSheet(INTEGRITE.title)}!A1:${last}`]);
  const present = new Set(current.map((r) => String(r[0] ?? "")));
  const rows = integrityRows(anchor).filter((r) => !present.has(r.id));
  if (rows.length === 0) return { appended: 0 };

  // Below the last row holding anything: the values read stop there.
  const start = Math.max(current.length, 1);
  const end = start + rows.length;
  if (end > tab.rowCount) {
    await gateway.batchUpdate(spreadsheetId, growRequests(INTEGRITE, tab, end + 100));
  }
  await gateway.writeValues(spreadsheetId, [
    {
      range: `${quoteSheet(INTEGRITE.title)}!A${start + 1}:${last}${end}`,
      values: rows.map((r) => r.cells.map((c) => rawValue(c))),
    },
  ]);
  return { appended: rows.length };
}
