/**
 * The rows of every sheet the write-back owns, read from Firestore.
 * Collections are streamed one after the other and each document is mapped
 * to its rows at once, so a large company never holds all its documents in
 * memory — only the (much smaller) rows. `Relances` and `Tableau de bord`
 * are written by the jobs (functions/src/jobs/*-writer.ts).
 */
import type { Firestore, Query } from "@google-cloud/firestore";
import {
  COMPANIES,
  CREDIT_NOTES,
  DEPOSITS,
  INSTALMENTS,
  INVOICES,
  JOURNAL_ENTRIES,
  REFUNDS,
} from "../../model/collections";
import type { CreditNoteDoc } from "../../model/credit-note";
import type { DepositDoc } from "../../model/deposit";
import type { InvoiceDoc } from "../../model/invoice";
import type { JournalEntryDoc } from "../../model/journal-entry";
import type { InstalmentDoc, RefundDoc } from "../../model/refund";
import type { SheetSpec } from "../layout/sheet-spec";
import { ACOMPTES, AVOIRS, ECHEANCIER, ECRITURES, FACTURES, REMBOURSEMENTS } from "../layout/workbook-spec";
import { creditNoteRows, depositRow, instalmentRow, invoiceRow, journalRows, refundRow, type Row } from "./row-mappers";

export type WorkbookRows = [SheetSpec, Row[]][];

async function mapStream<T>(query: Query, map: (id: string, doc: T) => Row | Row[]): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const snap of query.stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
    const mapped = map(snap.id, snap.data() as T);
    if (Array.isArray(mapped)) rows.push(...mapped);
    else rows.push(mapped);
  }
  return rows;
}

/** Fields refundRow reads: the stored quote and proposal details stay in Firestore. */
const REFUND_FIELDS = [
  "depositId",
  "customerName",
  "proposal.reason",
  "grossAmount",
  "requestedBy",
  "requestedOn",
  "status",
  "awaiting",
  "approvals",
  "approvedOn",
  "creditNoteNumber",
  "rejection",
  "cancellation",
  "paidOn",
  "createdAt",
];

export async function readWorkbookRows(db: Firestore, companyId: string): Promise<WorkbookRows> {
  const company = db.collection(COMPANIES).doc(companyId);
  return [
    [ACOMPTES, await mapStream<DepositDoc>(company.collection(DEPOSITS), depositRow)],
    [FACTURES, await mapStream<InvoiceDoc>(company.collection(INVOICES), invoiceRow)],
    [REMBOURSEMENTS, await mapStream<RefundDoc>(company.collection(REFUNDS).select(...REFUND_FIELDS), refundRow)],
    [
      ECHEANCIER,
      await mapStream<InstalmentDoc>(db.collectionGroup(INSTALMENTS).where("companyId", "==", companyId), (_id, d) =>
        instalmentRow(d),
      ),
    ],
    [AVOIRS, await mapStream<CreditNoteDoc>(company.collection(CREDIT_NOTES), creditNoteRows)],
    [ECRITURES, await mapStream<JournalEntryDoc>(company.collection(JOURNAL_ENTRIES), journalRows)],
  ];
}
