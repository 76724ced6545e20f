/**
 * What the penalty-invoice document tests share: a professional customer with
 * a VAT number, an invoice of theirs paid late, and a document's download.
 */
import { mintLocalToken } from "../../../functions/testing/local-tokens";
import type { TestApi } from "../../support/workflow-api";
import { ACCOUNTING, C, SALES } from "../../workflow/fixtures";

const base = `/v1/companies/${C}`;

export const GARAGE = {
  name: "Garage Dupuis SAS",
  kind: "b2b",
  siren: "732829320",
  vatNumber: "FR44732829320",
  email: "compta@garage-dupuis.test",
  address: "1 rue du Port\n69002 Lyon",
};

/** The document's file as the API serves it to a salesperson. */
export async function downloadDocument(api: TestApi, id: string) {
  const res = await fetch(`${api.url}${base}/documents/${id}`, {
    headers: { authorization: `Bearer ${mintLocalToken(SALES)}` },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

interface LateInvoice {
  customer?: Record<string, unknown>;
  number?: string;
  orderRef?: string;
}

/**
 * The penalty-invoice worked example (test/workflow/penalty-invoice.test.ts): 10 000,00 € due 31/01/2026, paid
 * 02/03/2026, 30 days late → 99,86 € of penalties (L441-10, ECB rate + 10 points) + 40,00 € indemnity (D441-5).
 * Leaves the API's day at 05/03/2026, when the penalties are claimed.
 */
export async function latePaidInvoice(
  api: TestApi,
  { customer = GARAGE, number = "2026-F-0001", orderRef = "ERP-5000" }: LateInvoice = {},
): Promise<string> {
  const late = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: {
      number,
      date: "2026-01-01",
      customer,
      orderRef,
      lines: [{ vatRate: "20", net: "8333.33", vat: "1666.67" }],
      dueDate: "2026-01-31",
    },
  });
  expect(late.status).toBe(201);
  api.setToday("2026-03-05");
  const paid = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer, date: "2026-03-02", amount: "10000.00", means: "virement", invoiceIds: [late.body.id] },
  });
  expect(paid.status).toBe(201);
  return late.body.id as string;
}
