/**
 * Streams one company's documents through the dashboard accumulator. Only
 * the fields the figures need are fetched (`select`), and documents are
 * folded one by one, so memory does not grow with the number of deposits.
 */
import type { Firestore, Query } from "@google-cloud/firestore";
import { DashboardAccumulator, DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { COMPANIES, CUSTOMER_CREDITS, DEPOSITS, INSTALMENTS, INVOICES, REFUNDS } from "../model/collections";
import { directReader } from "../storage/doc-reader";
import { companyLegalRates } from "../workflow/company-legal-rates";

async function each(query: Query, fn: (doc: FirebaseFirestore.QueryDocumentSnapshot) => void): Promise<number> {
  let n = 0;
  for await (const doc of query.stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
    fn(doc);
    n++;
  }
  return n;
}

export interface CompanyDashboard {
  figures: DashboardFigures;
  documentsRead: number;
}

export async function computeCompanyDashboard(
  db: Firestore,
  companyId: string,
  asOf: string,
): Promise<CompanyDashboard> {
  const acc = new DashboardAccumulator(asOf, await companyLegalRates(directReader(db, companyId)));
  const company = db.collection(COMPANIES).doc(companyId);
  let reads = 0;
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
    company.collection(INVOICES).select("type", "gross", "openAmount", "issuedOn", "dueDate", "paidOn"),
    (d) =>
      acc.addInvoice({
        type: d.get("type"),
        gross: d.get("gross"),
        openAmount: d.get("openAmount"),
        issuedOn: d.get("issuedOn"),
        dueDate: d.get("dueDate"),
        paidOn: d.get("paidOn") ?? null,
      }),
  );
  return { figures: acc.result(), documentsRead: reads };
}
