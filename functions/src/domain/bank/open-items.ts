/**
 * What a statement entry can settle, and the indexes that let 10,000 entries
 * meet 100,000 open items in linear time: by end-to-end id, by document
 * number and creditor reference, by open amount, by customer IBAN and name.
 */
import type { CalendarDate } from "../dates/calendar-date";
import { formatMoney, money, type Money, type MoneyString } from "../money/money";
import { normaliseIban, type Iban } from "./iban";
import { endToEndId, sepaText } from "./sepa-text";

/** A refund instalment sent to the bank (in a transfer file), awaiting its debit on the statement. */
export interface SentInstalment {
  id: string;
  refundNumber: string;
  index: number;
  count: number;
  amount: MoneyString;
  creditorName: string;
  creditorIban: Iban;
  /** Already recorded paid (by an earlier statement or by hand): only its return can still match it. */
  paid?: boolean;
}

export type InvoiceKind = "deposit_invoice" | "final_invoice" | "external_invoice" | "penalty_invoice";

/** An invoice awaiting (some of) its payment. */
export interface OpenInvoice {
  kind: InvoiceKind;
  id: string;
  /** Document number, e.g. `FA-2026-0042`. */
  number: string;
  /** Structured creditor reference printed on the invoice (RF…), when there is one. */
  creditorReference?: string;
  /** What is still due, gross. */
  openAmount: MoneyString;
  customerName: string;
  /** IBANs the customer is known to pay from. */
  customerIbans?: readonly Iban[];
  dueDate?: CalendarDate;
}

export interface OpenItems {
  instalments: readonly SentInstalment[];
  invoices: readonly OpenInvoice[];
}

/** `FA-2026-0042`, `fa 2026/0042` and `FA20260042` are the same reference. */
export function compactReference(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

const LEGAL_FORMS = new Set([
  "SA",
  "SAS",
  "SASU",
  "SARL",
  "EURL",
  "SCI",
  "SNC",
  "SCOP",
  "STE",
  "SOCIETE",
  "ETS",
  "ET",
  "CIE",
  "M",
  "MME",
  "MR",
]);

/** A customer or payer name reduced to its distinctive words: « Société Dupont & Fils SARL » → "DUPONT FILS". */
export function nameKey(value: string): string {
  return sepaText(value, 200)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w.length > 0 && !LEGAL_FORMS.has(w))
    .join(" ");
}

/** Same customer: same distinctive words, or one name's words all inside the other's (« Dupont » / « Dupont Fils »). */
export function sameName(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === "" || kb === "") return false;
  if (ka === kb) return true;
  const wa = new Set(ka.split(" "));
  const wb = new Set(kb.split(" "));
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  return [...small].every((w) => large.has(w)) && [...small].some((w) => w.length >= 3);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "1440.00" stays as it is; anything else goes through decimal.js once. */
function amountKey(value: MoneyString): MoneyString {
  return /^(0|[1-9]\d*)\.\d\d$/.test(value) ? value : formatMoney(money(value));
}

/** IBANs of open items are stored in electronic form already: only the others are normalised. */
function ibanKey(value: string): Iban {
  return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(value) ? value : normaliseIban(value);
}

/** The open items indexed, with what is still open on each as matching goes. */
export class OpenItemIndex {
  readonly byEndToEndId = new Map<string, SentInstalment>();
  readonly instalmentsByAmount = new Map<MoneyString, SentInstalment[]>();
  readonly byReference = new Map<string, OpenInvoice[]>();
  readonly byAmount = new Map<MoneyString, OpenInvoice[]>();
  readonly byIban = new Map<Iban, OpenInvoice[]>();
  readonly byName = new Map<string, OpenInvoice[]>();
  /** Open amounts changed by this run's payments; the others are still the item's `openAmount`. */
  private readonly remaining = new Map<string, Money>();
  /** Instalments already settled or returned in this run: nothing is matched twice. */
  readonly settledInstalments = new Set<string>();
  private readonly indexed = new Set<string>();

  constructor(items: OpenItems) {
    for (const i of items.instalments) {
      this.byEndToEndId.set(endToEndId(i.id), i);
      if (i.paid) this.settledInstalments.add(i.id);
      else push(this.instalmentsByAmount, amountKey(i.amount), i);
    }
    // Many invoices share a customer: each name is reduced once.
    const names = new Map<string, string>();
    for (const inv of items.invoices) {
      const open = amountKey(inv.openAmount);
      if (open.startsWith("-") || open === "0.00") continue;
      this.indexed.add(inv.id);
      push(this.byReference, compactReference(inv.number), inv);
      if (inv.creditorReference) push(this.byReference, compactReference(inv.creditorReference), inv);
      push(this.byAmount, open, inv);
      for (const iban of inv.customerIbans ?? []) push(this.byIban, ibanKey(iban), inv);
      let name = names.get(inv.customerName);
      if (name === undefined) names.set(inv.customerName, (name = nameKey(inv.customerName)));
      push(this.byName, name, inv);
    }
  }

  /** What is still open on an invoice (zero once settled). */
  open(invoice: OpenInvoice): Money {
    return this.remaining.get(invoice.id) ?? (this.indexed.has(invoice.id) ? money(invoice.openAmount) : money(0));
  }

  /** Records a payment on an invoice; the amount index follows its new open amount. */
  apply(invoice: OpenInvoice, amount: Money): void {
    const left = this.open(invoice).minus(amount);
    this.remaining.set(invoice.id, left);
    if (left.greaterThan(0)) push(this.byAmount, formatMoney(left), invoice);
  }

  /** Invoices still open whose open amount is exactly `amount` (stale index rows are skipped). */
  withOpenAmount(amount: MoneyString): OpenInvoice[] {
    const seen = new Set<OpenInvoice>();
    return (this.byAmount.get(amount) ?? []).filter((inv) => {
      if (seen.has(inv)) return false;
      seen.add(inv);
      return formatMoney(this.open(inv)) === amount;
    });
  }

  /** Invoices still open that a reference token designates. */
  withReference(token: string): OpenInvoice[] {
    return (this.byReference.get(compactReference(token)) ?? []).filter((inv) => this.open(inv).greaterThan(0));
  }
}
