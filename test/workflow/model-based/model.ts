/**
 * The reference model of the model-based workflow test (model-based.test.ts):
 * exact money, the people and customers of the company under test, and the
 * small model of its orders, deposits, refunds, invoices and credits that
 * predicts each answer.
 */
import Decimal from "decimal.js";
import type { Customer } from "../../../functions/src/model/amounts";
import type { RefundDoc } from "../../../functions/src/model/refund";
import type { Role } from "../../../functions/src/model/roles";
import { CallResult } from "../../support/workflow-api";
// ---------------------------------------------------------------- money

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type D = InstanceType<typeof Dec>;
export const d = (v: string | number | D) => new Dec(v);
export const ZERO = d(0);
export const sum = (values: (string | D)[]) => values.reduce<D>((a, v) => a.plus(v), ZERO);
export const cents = (v: D) => v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
export const str = (v: D) => (cents(v).isZero() ? "0.00" : cents(v).toFixed(2));
export const vatOn = (net: string | D, rate: string) => cents(d(net).times(rate).dividedBy(100));
export const MONEY = /^\d+\.\d{2}$/;

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export class Broken extends Error {}
export function must(ok: boolean, message: string): asserts ok {
  if (!ok) throw new Broken(message);
}

// ---------------------------------------------------------------- people and customers

export const RACHEL = "rachel@acme.fr";
export const BOB = "bob@acme.fr";
export const SAM = "sam@acme.fr";
export const SALLY = "sally@acme.fr";
export const ALICE = "alice@acme.fr";
export const ADAM = "adam@acme.fr";
export const ROLES: Record<string, Role[]> = {
  [RACHEL]: ["requester"],
  [BOB]: ["requester", "accounting_approver"],
  [SAM]: ["sales_approver"],
  [SALLY]: ["sales_approver", "accounting_approver"],
  [ALICE]: ["accounting_approver"],
  [ADAM]: ["admin"],
};
export const PEOPLE = Object.keys(ROLES);
export const has = (who: string, ...roles: Role[]) => roles.some((r) => ROLES[who].includes(r));

export const CUSTOMERS: Customer[] = [
  { name: "Hôtel Bellevue SARL", kind: "b2b", siren: "732829320" },
  { name: "Garage Dupuis SAS", kind: "b2b", siren: "404833048" },
  { name: "Claire Dupont", kind: "b2c" },
  { name: "Marc Lefèvre", kind: "b2c", email: "Marc.Lefevre@exemple.fr" },
];
export const keyOf = (c: Customer) =>
  c.siren ? `siren:${c.siren}` : c.email ? `email:${c.email.toLowerCase()}` : `name:${c.name.trim().toLowerCase()}`;

export const RATES = ["20", "10", "5.5", "2.1"];
export const AWAITING = ["submitted", "sales_approved", "accounting_approved"];

// ---------------------------------------------------------------- the model

export interface Amounts {
  vatRate: string;
  net: D;
  vat: D;
}
export const toAmounts = (lines: readonly { vatRate: string; net: string; vat: string }[]): Amounts[] =>
  lines.map((l) => ({ vatRate: l.vatRate, net: d(l.net), vat: d(l.vat) }));
export const grossOf = (lines: Amounts[]) => sum(lines.map((l) => l.net.plus(l.vat)));

export interface MOrder {
  ref: string;
  customer: Customer;
  supplyKind: "goods" | "services";
  lines: { vatRate: string; net: string }[];
  finalInvoiced: boolean;
}
export interface MDeposit {
  id: string;
  number: string;
  orderRef: string;
  customer: Customer;
  kind: "acompte" | "arrhes";
  supplyKind: "goods" | "services";
  cashedDate: string;
  lines: Amounts[];
  issued: Amounts[][];
  applied: boolean;
}
export interface MRefund {
  id: string;
  depositId: string | null;
  creditId: string | null;
  requester: string;
  status: string;
  awaiting: string[];
  approvals: string[];
  quote: RefundDoc["quote"];
  paid: boolean[];
  /** The day of the final approval; an instalment cannot be paid before it. */
  approvedOn?: string;
}
export interface MInvoice {
  id: string;
  number: string;
  /** Issue date: a payment cannot precede it. */
  date: string;
  key: string;
  dueDate: string;
  open: D;
}
export interface MCredit {
  id: string;
  customer: Customer;
  amount: D;
}
export interface LastCall {
  method: string;
  path: string;
  as: string;
  body: unknown;
  key: string;
  result: CallResult;
}

export interface Model {
  today: string;
  threshold: string;
  arrhesVat: boolean;
  orders: MOrder[];
  deposits: MDeposit[];
  refunds: MRefund[];
  invoices: MInvoice[];
  credits: MCredit[];
  counter: number;
  last: LastCall | null;
}

/** What is left per rate: the deposit minus credit notes issued, minus requests in flight (if asked). */
export function balanceOf(m: Model, dep: MDeposit, withInFlight: boolean): Amounts[] {
  const spent = [...dep.issued];
  if (withInFlight)
    for (const r of m.refunds)
      if (r.depositId === dep.id && AWAITING.includes(r.status)) spent.push(toAmounts(r.quote.creditNote.lines));
  return dep.lines.map((l) => {
    const at = spent.flat().filter((s) => s.vatRate === l.vatRate);
    return {
      vatRate: l.vatRate,
      net: l.net.minus(sum(at.map((a) => a.net))),
      vat: l.vat.minus(sum(at.map((a) => a.vat))),
    };
  });
}
export const depositStatus = (m: Model, dep: MDeposit) =>
  dep.applied ? "applied" : grossOf(balanceOf(m, dep, false)).isZero() ? "refunded" : "open";
export const openInvoicesOf = (m: Model, key: string) =>
  m.invoices.filter((i) => i.key === key && i.open.greaterThan(0));
export function creditLeft(m: Model, credit: MCredit): D {
  const spent = m.refunds.filter(
    (r) => r.creditId === credit.id && r.status !== "rejected" && r.status !== "cancelled",
  );
  return credit.amount.minus(sum(spent.map((r) => r.quote.total)));
}
