/**
 * Streams one company's documents through the dashboard accumulator. Only
 * the fields the figures need are fetched (`select`), and documents are
 * folded one by one, so memory does not grow with the number of deposits.
 * The customer table is folded alongside: the invoices' pass feeds it too,
 * then the customer records stream by, each row handed to `customerRows`
 * (the « Tableau clients » writers) and dropped.
 */
import type { Firestore, Query } from "@google-cloud/firestore";
import { DashboardAccumulator, DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { CustomerTableAccumulator } from "../domain/dashboard/customer-table-accumulator";
import type { CustomerTableRow } from "../domain/dashboard/customer-table-row";
import { chartOfAccounts } from "../domain/ledger/chart-of-accounts";
import {
  BANK_ENTRIES,
  BANK_STATEMENTS,
  COMPANIES,
  CUSTOMER_CREDITS,
  CUSTOMERS,
  DEPOSITS,
  INSTALMENTS,
  INVOICES,
  JOURNAL_ENTRIES,
  REFUNDS,
} from "../model/collections";
import type { CompanyDoc } from "../model/company";
import type { JournalLine } from "../domain";
import { directReader } from "../storage/doc-reader";
import { companyLegalRates } from "../workflow/company-legal-rates";

async function each(
  query: Query,
  fn: (doc: FirebaseFirestore.QueryDocumentSnapshot) => void | Promise<void>,
): Promise<number> {
  let n = 0;
  for await (const doc of query.stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
    await fn(doc);
    n++;
  }
  return n;
}

/** Where the customer table's rows go as they are computed (one per customer, in the records' id order). */
export interface CustomerRowSink {
  add(row: CustomerTableRow): Promise<void>;
}

export interface CompanyDashboard {
  figures: DashboardFigures;
  documentsRead: number;
}

export async function computeCompanyDashboard(
  db: Firestore,
  companyId: string,
  asOf: string,
  customerRows?: CustomerRowSink,
): Promise<CompanyDashboard> {
  const company = db.collection(COMPANIES).doc(companyId);
  const settings = ((await company.get()).data() as CompanyDoc | undefined)?.settings;
  const acc = new DashboardAccumulator(asOf, await companyLegalRates(directReader(db, companyId)), settings?.bankIban);
  const customers = new CustomerTableAccumulator(asOf);
  let reads = 1;
  reads += await each(company.collection(DEPOSITS).select("gross", "refundableBalance"), (d) =>
    acc.addDeposit({ gross: d.get("gross"), refundableBalance: d.get("refundableBalance") }),
  );
  reads += await each(
    company
      .collection(REFUNDS)
      .select("status", "requestedOn", "paidOn", "grossAmount", "lateRefundScale", "proposal.terminationDate"),
    (d) =>
      acc.addRefundRequest({
        status: d.get("status"),
        requestedOn: d.get("requestedOn"),
        paidOn: d.get("paidOn") ?? null,
        grossAmount: d.get("grossAmount"),
        lateRefundScale: d.get("lateRefundScale") ?? null,
        terminationDate: d.get("proposal.terminationDate") ?? null,
      }),
  );
  reads += await each(company.collection(CUSTOMER_CREDITS).select("refundableBalance"), (d) =>
    acc.addCustomerCredit({ refundableBalance: d.get("refundableBalance") }),
  );
  reads += await each(
    db.collectionGroup(INSTALMENTS).where("companyId", "==", companyId).select("amount", "dueDate", "paidOn"),
    (d) => acc.addInstalment({ amount: d.get("amount"), dueDate: d.get("dueDate"), paidOn: d.get("paidOn") ?? null }),
  );
  reads += await each(
    company
      .collection(INVOICES)
      .select("type", "gross", "openAmount", "issuedOn", "dueDate", "paidOn", "customerKey", "factor"),
    (d) => {
      const invoice = {
        type: d.get("type"),
        gross: d.get("gross"),
        openAmount: d.get("openAmount"),
        issuedOn: d.get("issuedOn"),
      };
      acc.addInvoice({ ...invoice, dueDate: d.get("dueDate"), paidOn: d.get("paidOn") ?? null });
      customers.addInvoice({ ...invoice, customerKey: d.get("customerKey") ?? "", factor: d.get("factor") ?? null });
    },
  );
  reads += await bankFacts(company, acc, chartOfAccounts(settings?.accounts).bank, asOf);
  reads += await each(
    company
      .collection(CUSTOMERS)
      .select(
        "name",
        "keys",
        "mergedInto",
        "creditLimit",
        "insurance.limit",
        "factoring.status",
        "riskClass",
        "profile.exposure",
        "profile.weightedDaysLate",
        "profile.trend",
      ),
    async (d) => {
      const row = customers.addCustomer({
        id: d.id,
        name: d.get("name"),
        keys: d.get("keys") ?? [],
        mergedInto: d.get("mergedInto"),
        creditLimit: d.get("creditLimit") ?? null,
        insurance: d.get("insurance") ?? null,
        factoring: d.get("factoring") ?? null,
        riskClass: d.get("riskClass") ?? null,
        profile: d.get("profile") ?? null,
      });
      if (row) await customerRows?.add(row);
    },
  );
  return { figures: { ...acc.result(), customers: customers.result() }, documentsRead: reads };
}

/** Statements' balances, the bank account's journal lines up to `asOf` and the recorded statement entries. */
async function bankFacts(
  company: FirebaseFirestore.DocumentReference,
  acc: DashboardAccumulator,
  bankAccount: string,
  asOf: string,
): Promise<number> {
  let reads = await each(
    company.collection(BANK_STATEMENTS).select("accountIban", "statementId", "closingBalance", "closingDate"),
    (d) =>
      acc.bank.addStatement({
        accountIban: d.get("accountIban"),
        statementId: d.get("statementId"),
        closingBalance: d.get("closingBalance") ?? undefined,
        closingDate: d.get("closingDate") ?? undefined,
      }),
  );
  // The entries' dates are copied beside the sealed content (journalEntryCopies): the range is on that copy.
  reads += await each(
    company.collection(JOURNAL_ENTRIES).where("date", "<=", asOf).select("date", "content.lines"),
    (d) => {
      for (const line of (d.get("content.lines") ?? []) as JournalLine[])
        if (line.account === bankAccount)
          acc.bank.addBankLine({ date: d.get("date"), debit: line.debit, credit: line.credit });
    },
  );
  reads += await each(company.collection(BANK_ENTRIES).select("status", "entry.direction", "entry.amount"), (d) =>
    acc.bank.addEntry({ status: d.get("status"), direction: d.get("entry.direction"), amount: d.get("entry.amount") }),
  );
  return reads;
}
