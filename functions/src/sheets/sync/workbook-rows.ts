/**
 * The rows of every sheet the write-back owns, read from Firestore.
 * Collections are streamed one after the other and each document is mapped
 * to its rows at once, so a large company never holds all its documents in
 * memory — only the (much smaller) rows. `Relances` and `Tableau de bord`
 * are written by the jobs (functions/src/jobs/*-writer.ts).
 */
import type { Firestore, Query } from "@google-cloud/firestore";
import {
  BANK_ENTRIES,
  COMPANIES,
  CREDIT_NOTES,
  CUSTOMERS,
  DEPOSITS,
  INSTALMENTS,
  INVOICES,
  JOURNAL_ENTRIES,
  REFUNDS,
} from "../../model/collections";
import type { CompanyDoc } from "../../model/company";
import type { CreditNoteDoc } from "../../model/credit-note";
import type { DepositDoc } from "../../model/deposit";
import type { InvoiceDoc } from "../../model/invoice";
import type { JournalEntryDoc } from "../../model/journal-entry";
import type { InstalmentDoc, RefundDoc } from "../../model/refund";
import type { SheetSpec } from "../layout/sheet-spec";
import {
  ACOMPTES,
  AVOIRS,
  BANQUE,
  CLIENTS,
  ECHEANCIER,
  ECRITURES,
  FACTURES,
  REMBOURSEMENTS,
} from "../layout/workbook-spec";
import type { CustomerDoc } from "../../model/customer";
import { clientRow } from "./client-row";
import { bankEntryRow } from "./bank-entry-row";
import type { BankEntryDoc } from "../../model/bank-entry";
import { journalWindowStart } from "./journal-window";
import { creditNoteRows, depositRow, instalmentRow, invoiceRow, journalRows, refundRow, type Row } from "./row-mappers";

/**
 * Each sheet with its rows, or with how to read them: the write-back reads
 * one sheet's rows, plans it and lets them go before reading the next, so a
 * full resync never holds every sheet's documents at once. A third element
 * `true` says the rows are all the sheet may hold: a row whose id is not
 * among them (an entry older than the `Écritures` window) is dropped.
 */
export type WorkbookRows = [SheetSpec, Row[] | (() => Promise<Row[]>), boolean?][];

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
  "number",
  "depositId",
  "depositNumber",
  "customerName",
  "proposal.reason",
  "grossAmount",
  "quote.total",
  "supplements",
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

/** What a sheet's rows may depend on besides its collection. */
interface ReadContext {
  /** Paris calendar day of the sync. */
  today: string;
  /** The company's `journalSheetMonths` setting (absent: the whole journal). */
  journalSheetMonths?: number;
}

interface SheetSource {
  spec: SheetSpec;
  read(db: Firestore, companyId: string, context: ReadContext): Promise<Row[]>;
  /** Whether the rows read are all the sheet may hold (see WorkbookRows). */
  exclusive?(context: ReadContext): boolean;
}

const company = (db: Firestore, companyId: string) => db.collection(COMPANIES).doc(companyId);

/** In the workbook's order; each sheet from one collection. */
const SOURCES: SheetSource[] = [
  { spec: ACOMPTES, read: (db, c) => mapStream<DepositDoc>(company(db, c).collection(DEPOSITS), depositRow) },
  { spec: FACTURES, read: (db, c) => mapStream<InvoiceDoc>(company(db, c).collection(INVOICES), invoiceRow) },
  {
    spec: REMBOURSEMENTS,
    read: (db, c) =>
      mapStream<RefundDoc>(
        company(db, c)
          .collection(REFUNDS)
          .select(...REFUND_FIELDS),
        refundRow,
      ),
  },
  {
    spec: ECHEANCIER,
    read: (db, c) =>
      mapStream<InstalmentDoc>(db.collectionGroup(INSTALMENTS).where("companyId", "==", c), (_id, d) =>
        instalmentRow(d),
      ),
  },
  { spec: AVOIRS, read: (db, c) => mapStream<CreditNoteDoc>(company(db, c).collection(CREDIT_NOTES), creditNoteRows) },
  {
    spec: ECRITURES,
    read: (db, c, { today, journalSheetMonths }) => {
      const all = company(db, c).collection(JOURNAL_ENTRIES);
      const entries = journalSheetMonths ? all.where("date", ">=", journalWindowStart(today, journalSheetMonths)) : all;
      return mapStream<JournalEntryDoc>(entries, journalRows);
    },
    exclusive: ({ journalSheetMonths }) => journalSheetMonths !== undefined,
  },
  { spec: BANQUE, read: (db, c) => mapStream<BankEntryDoc>(company(db, c).collection(BANK_ENTRIES), bankEntryRow) },
  {
    spec: CLIENTS,
    // A merged duplicate is no longer a customer of its own: its record stays in Firestore, for history.
    read: (db, c) =>
      mapStream<CustomerDoc>(company(db, c).collection(CUSTOMERS), (id, d) => (d.mergedInto ? [] : clientRow(id, d))),
  },
];

/** Every sheet, or only those named in `only`, each read when the write-back comes to it; `today` a Paris day. */
export async function readWorkbookRows(
  db: Firestore,
  companyId: string,
  only: ReadonlySet<string> | undefined,
  today: string,
): Promise<WorkbookRows> {
  const sources = SOURCES.filter((source) => !only || only.has(source.spec.title));
  const windowed = sources.some((source) => source.exclusive);
  const settings = windowed
    ? ((await company(db, companyId).get()).data() as CompanyDoc | undefined)?.settings
    : undefined;
  const context: ReadContext = { today, journalSheetMonths: settings?.journalSheetMonths };
  return sources.map((source) => [
    source.spec,
    () => source.read(db, companyId, context),
    source.exclusive?.(context) ?? false,
  ]);
}

const SHEET_OF_COLLECTION: Record<string, string> = {
  [DEPOSITS]: ACOMPTES.title,
  [INVOICES]: FACTURES.title,
  [REFUNDS]: REMBOURSEMENTS.title,
  [CREDIT_NOTES]: AVOIRS.title,
  [JOURNAL_ENTRIES]: ECRITURES.title,
  [BANK_ENTRIES]: BANQUE.title,
  [CUSTOMERS]: CLIENTS.title,
};

/** The sheets a committed change can have altered, from the paths it wrote (`companies/{c}/refunds/{r}/instalments/{n}`…). */
export function sheetsTouchedBy(paths: readonly string[]): Set<string> {
  const sheets = new Set<string>();
  for (const path of paths) {
    const [root, , collection, , sub] = path.split("/");
    if (root !== COMPANIES) continue;
    if (collection === REFUNDS && sub === INSTALMENTS) sheets.add(ECHEANCIER.title);
    else if (SHEET_OF_COLLECTION[collection]) sheets.add(SHEET_OF_COLLECTION[collection]);
  }
  return sheets;
}
