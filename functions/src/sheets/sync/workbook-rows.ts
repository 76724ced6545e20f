/**
 * The rows of every sheet the write-back owns, pure. `Relances` and
 * `Tableau de bord` are written by the jobs (functions/src/jobs/*-writer.ts).
 */
import type { SheetSpec } from "../layout/sheet-spec";
import { ACOMPTES, AVOIRS, ECHEANCIER, ECRITURES, FACTURES, REMBOURSEMENTS } from "../layout/workbook-spec";
import type { CompanyDocuments } from "./company-documents";
import { creditNoteRows, depositRow, instalmentRow, invoiceRow, journalRows, refundRow, type Row } from "./row-mappers";

export function workbookRows(docs: CompanyDocuments): [SheetSpec, Row[]][] {
  return [
    [ACOMPTES, docs.deposits.map(([id, d]) => depositRow(id, d))],
    [FACTURES, docs.invoices.map(([id, d]) => invoiceRow(id, d))],
    [REMBOURSEMENTS, docs.refunds.map(([id, d]) => refundRow(id, d))],
    [ECHEANCIER, docs.instalments.map(instalmentRow)],
    [AVOIRS, docs.creditNotes.flatMap(([id, d]) => creditNoteRows(id, d))],
    [ECRITURES, docs.journalEntries.flatMap(([id, d]) => journalRows(id, d))],
  ];
}
