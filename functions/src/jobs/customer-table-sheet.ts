/**
 * A row of the « Tableau clients » sheet (TABLEAU_CLIENTS in
 * workbook-spec.ts), in its columns' order. Names go out as text cells,
 * written RAW: a customer called `=…` stays text.
 */
import { FACTORING_STATUS_LABELS, RISK_CLASS_LABELS } from "../domain";
import type { CustomerTableRow } from "../domain/dashboard/customer-table-row";
import { money, text, type Cell } from "../sheets/cell";
import { dayCell } from "./dashboard-sheet";

export function customerTableCells(row: CustomerTableRow): Cell[] {
  const late = row.daysLate;
  return [
    text(row.name),
    text(row.riskClass ? RISK_CLASS_LABELS[row.riskClass] : "Sans profil"),
    money(row.exposure),
    money(row.creditLimit),
    money(row.insuredLimit),
    money(row.receivables),
    money(row.insured),
    text(FACTORING_STATUS_LABELS[row.factored ? "assigned" : "none"]),
    dayCell(row.dsoDays),
    dayCell(late?.weighted ?? null),
    dayCell(late?.recent ?? null),
    dayCell(late?.previous ?? null),
    text(late === null ? "–" : late.worsening ? "En hausse" : "Stable ou en baisse"),
    text(row.id),
  ];
}
