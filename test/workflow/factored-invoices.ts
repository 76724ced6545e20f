import { camtStatement } from "../../functions/testing/bank/camt-statement";
import { customerIdOf } from "../../functions/src/model/customer";
import type { CompanySettings } from "../../functions/src/model/company";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY } from "./fixtures";

/** What the factoring tests share: a company with one factor, its customer's invoices and bank transfers. */
export const COMPANY_IBAN = "FR7630006000011234567890189";
export const FACTOR = { name: "Factor Ouest", iban: "FR7630004000031234567890143", bic: "BNPAFRPP", account: "467100" };
export const FACTORING_SETTINGS: Partial<CompanySettings> = {
  bankIban: COMPANY_IBAN,
  paymentTerms: { kind: "days", days: 30 },
  factors: [FACTOR],
};
const base = `/v1/companies/${C}`;

/** A final invoice of the deposit's customer for `net` at 20 % (goods: VAT on debits), issued on `today`. */
export async function finalInvoice(api: TestApi, orderRef: string, net: string, today: string) {
  api.setToday(today);
  const inv = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: {
      orderRef,
      customer: DEPOSIT_BODY.customer,
      supplyKind: "goods",
      lines: [{ vatRate: "20", net, label: "Agencement" }],
    },
  });
  expect([inv.status, inv.body.error?.message]).toEqual([201, undefined]);
  return inv.body as { id: string; number: string; openAmount: string; content: { factoring?: { factor: string } } };
}

/** The deposit's customer assigned to FACTOR (its record exists once a deposit was taken). */
export async function assignToFactor(api: TestApi) {
  const answer = await api.call("POST", `${base}/customers/${customerIdOf("siren:732829320")}`, {
    as: ACCOUNTING,
    key: "assign",
    body: { factoring: { status: "assigned", factor: FACTOR.name } },
  });
  expect(answer.status).toBe(200);
}

/** A statement of the company's account holding one transfer from the customer, received on `bookingDate`. */
export function customerTransfer(amount: string, bookingDate: string): string {
  return camtStatement({
    id: "REL-2026-03",
    iban: COMPANY_IBAN,
    createdAt: "2026-04-02T06:00:00",
    entries: [{ ref: "IN-1", amount, direction: "credit", bookingDate, counterpartyName: "HOTEL BELLEVUE" }],
  });
}
