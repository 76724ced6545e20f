/**
 * Four seeded customers with known payment histories, as of 30/11/2026
 * (window: invoices due after 30/11/2025; last 3 months: due after 30/08/2026).
 */
import { money, type CustomerInvoiceHistory, type RiskInputs } from "../../../functions/src/domain";

export const AS_OF = "2026-11-30";

type Seed = Partial<CustomerInvoiceHistory> &
  Pick<CustomerInvoiceHistory, "number" | "issuedOn" | "dueDate" | "gross"> & {
    payments?: CustomerInvoiceHistory["payments"];
  };

/** An invoice whose open amount is its gross less what settled it. */
export function invoice(seed: Seed): CustomerInvoiceHistory {
  const payments = seed.payments ?? [];
  const paid = payments.reduce((t, p) => t.plus(p.amount), money(0));
  return {
    invoiceId: seed.number.replace("FA-2026-", "F"),
    disputed: false,
    promiseUntil: null,
    dunningLevel: 0,
    ...seed,
    openAmount: seed.openAmount ?? money(seed.gross).minus(paid).toFixed(2),
    payments,
  };
}

/** The history as it stood on `day`: invoices issued by then, payments made by then. */
export function asKnownOn(inputs: RiskInputs, day: string): RiskInputs {
  return {
    ...inputs,
    asOf: day,
    invoices: inputs.invoices
      .filter((i) => i.issuedOn <= day)
      .map((i) => invoice({ ...i, payments: i.payments.filter((p) => p.on <= day), openAmount: undefined })),
  };
}

const none = { ordersInProgress: "0.00", depositsHeld: "0.00", creditLimit: null, insuredLimit: null };

/** Pays on time but for one invoice 3 days late; an invoice not yet due, an order in progress. */
export const GOOD_PAYER: RiskInputs = {
  asOf: AS_OF,
  ordersInProgress: "5000.00",
  depositsHeld: "1500.00",
  creditLimit: "20000.00",
  insuredLimit: null,
  invoices: [
    invoice({
      number: "FA-2026-000101",
      issuedOn: "2026-01-29",
      dueDate: "2026-02-28",
      gross: "1200.00",
      payments: [{ on: "2026-02-25", amount: "1200.00" }],
    }),
    invoice({
      number: "FA-2026-000102",
      issuedOn: "2026-05-01",
      dueDate: "2026-05-31",
      gross: "2400.00",
      payments: [{ on: "2026-06-03", amount: "2400.00" }],
    }),
    invoice({
      number: "FA-2026-000103",
      issuedOn: "2026-08-31",
      dueDate: "2026-09-30",
      gross: "1800.00",
      payments: [{ on: "2026-09-30", amount: "1800.00" }],
    }),
    invoice({ number: "FA-2026-000104", issuedOn: "2026-11-15", dueDate: "2026-12-15", gross: "3000.00" }),
  ],
};

/** Paid on time until the summer; the last two invoices 30 days late (one still open). */
export const SLOWING_PAYER: RiskInputs = {
  asOf: AS_OF,
  ...none,
  invoices: [
    invoice({
      number: "FA-2026-000201",
      issuedOn: "2026-01-01",
      dueDate: "2026-01-31",
      gross: "3000.00",
      payments: [{ on: "2026-01-30", amount: "3000.00" }],
    }),
    invoice({
      number: "FA-2026-000202",
      issuedOn: "2026-03-01",
      dueDate: "2026-03-31",
      gross: "3000.00",
      payments: [{ on: "2026-03-31", amount: "3000.00" }],
    }),
    invoice({
      number: "FA-2026-000203",
      issuedOn: "2026-05-31",
      dueDate: "2026-06-30",
      gross: "3000.00",
      payments: [{ on: "2026-07-03", amount: "3000.00" }],
    }),
    invoice({
      number: "FA-2026-000204",
      issuedOn: "2026-08-16",
      dueDate: "2026-09-15",
      gross: "4000.00",
      payments: [{ on: "2026-10-15", amount: "4000.00" }],
    }),
    invoice({
      number: "FA-2026-000205",
      issuedOn: "2026-10-01",
      dueDate: "2026-10-31",
      gross: "2000.00",
      dunningLevel: 1,
    }),
  ],
};

/** Pays on time what it does not dispute; two invoices disputed and open. */
export const DISPUTER: RiskInputs = {
  asOf: AS_OF,
  ...none,
  invoices: [
    invoice({
      number: "FA-2026-000301",
      issuedOn: "2026-03-31",
      dueDate: "2026-04-30",
      gross: "1500.00",
      payments: [{ on: "2026-04-28", amount: "1500.00" }],
    }),
    invoice({
      number: "FA-2026-000302",
      issuedOn: "2026-05-31",
      dueDate: "2026-06-30",
      gross: "2000.00",
      payments: [{ on: "2026-06-30", amount: "2000.00" }],
    }),
    invoice({
      number: "FA-2026-000303",
      issuedOn: "2026-07-01",
      dueDate: "2026-07-31",
      gross: "2500.00",
      disputed: true,
    }),
    invoice({
      number: "FA-2026-000304",
      issuedOn: "2026-08-31",
      dueDate: "2026-09-30",
      gross: "1000.00",
      payments: [{ on: "2026-10-02", amount: "1000.00" }],
    }),
    invoice({
      number: "FA-2026-000305",
      issuedOn: "2026-09-15",
      dueDate: "2026-10-15",
      gross: "800.00",
      disputed: true,
    }),
  ],
};

/** Months late, a formal notice, a broken promise, over its credit and insured limits. */
export const OVER_LIMIT: RiskInputs = {
  asOf: AS_OF,
  ordersInProgress: "8000.00",
  depositsHeld: "2000.00",
  creditLimit: "12000.00",
  insuredLimit: "10000.00",
  invoices: [
    invoice({
      number: "FA-2026-000401",
      issuedOn: "2026-03-01",
      dueDate: "2026-03-31",
      gross: "5000.00",
      payments: [{ on: "2026-05-10", amount: "5000.00" }],
      dunningLevel: 2,
    }),
    invoice({
      number: "FA-2026-000402",
      issuedOn: "2026-05-31",
      dueDate: "2026-06-30",
      gross: "6000.00",
      payments: [{ on: "2026-08-14", amount: "3000.00" }],
      dunningLevel: 3,
      promiseUntil: "2026-10-31",
    }),
    invoice({
      number: "FA-2026-000403",
      issuedOn: "2026-08-31",
      dueDate: "2026-09-30",
      gross: "4000.00",
      dunningLevel: 2,
    }),
  ],
};
