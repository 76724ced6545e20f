/** Everything of one company the sheets show, read from Firestore in parallel. */
import type { Firestore } from "@google-cloud/firestore";
import { COMPANIES, CREDIT_NOTES, DEPOSITS, INSTALMENTS, INVOICES, JOURNAL_ENTRIES, REFUNDS } from "../../model/collections";
import type { CreditNoteDoc } from "../../model/credit-note";
import type { DepositDoc } from "../../model/deposit";
import type { InvoiceDoc } from "../../model/invoice";
import type { JournalEntryDoc } from "../../model/journal-entry";
import type { InstalmentDoc, RefundDoc } from "../../model/refund";

export interface CompanyDocuments {
  deposits: [string, DepositDoc][];
  invoices: [string, InvoiceDoc][];
  refunds: [string, RefundDoc][];
  instalments: InstalmentDoc[];
  creditNotes: [string, CreditNoteDoc][];
  journalEntries: [string, JournalEntryDoc][];
}

export async function readCompanyDocuments(db: Firestore, companyId: string): Promise<CompanyDocuments> {
  const company = db.collection(COMPANIES).doc(companyId);
  const all = async <T>(name: string) => (await company.collection(name).get()).docs.map((d) => [d.id, d.data() as T] as [string, T]);
  const [deposits, invoices, refunds, creditNotes, journalEntries, instalments] = await Promise.all([
    all<DepositDoc>(DEPOSITS),
    all<InvoiceDoc>(INVOICES),
    all<RefundDoc>(REFUNDS),
    all<CreditNoteDoc>(CREDIT_NOTES),
    all<JournalEntryDoc>(JOURNAL_ENTRIES),
    db.collectionGroup(INSTALMENTS).where("companyId", "==", companyId).get(),
  ]);
  return {
    deposits,
    invoices,
    refunds,
    creditNotes,
    journalEntries,
    instalments: instalments.docs.map((d) => d.data() as InstalmentDoc),
  };
}
