import { createHash } from "node:crypto";
import { formatMoney, money } from "../domain";
import { sumMoney } from "../domain/money/money";
import { frenchDate } from "../domain/dates/calendar-day";
import type { Allocation } from "../domain/bank/matching";
import type { InvoiceKind, OpenInvoice } from "../domain/bank/open-items";
import type { StatementEntry } from "../domain/bank/statement-entry";
import { spendInOrder } from "../domain/settlement/payment-allocation";
import { euros } from "../domain/reminders/french-amount";
import { BANK_PAYERS, INSTALMENTS, INVOICES, PAYMENTS, REFUNDS } from "../model/collections";
import type { BankPayerDoc } from "../model/bank-entry";
import type { InvoiceDoc } from "../model/invoice";
import type { InstalmentDoc } from "../model/refund";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import type { PaymentBody } from "./bodies/payment-body";
import { payInstalment } from "./pay-instalment";
import { recordPayment } from "./record-payment";

/** What the open-invoice query reads of each invoice: the fields matching needs, not the sealed content. */
const OPEN_INVOICE_FIELDS = [
  "type",
  "origin",
  "number",
  "openAmount",
  "dueDate",
  "customerKey",
  "content.customer.name",
];
type OpenInvoiceRow = Pick<InvoiceDoc, "type" | "origin" | "number" | "openAmount" | "dueDate" | "customerKey"> & {
  content: { customer: { name: string } };
};

const payerId = (customerKey: string) => createHash("sha256").update(customerKey).digest("hex").slice(0, 40);

export function invoiceKind(doc: Pick<InvoiceDoc, "type" | "origin">): InvoiceKind {
  if (doc.type === "deposit") return "deposit_invoice";
  if (doc.type === "penalty") return "penalty_invoice";
  return doc.origin === "external" ? "external_invoice" : "final_invoice";
}

/**
 * The invoices a credit can settle: final, external and penalty invoices
 * still open (`paidOn == null` reads only those, with a projection of the
 * fields matching needs), with the accounts each customer paid from before.
 * Deposit invoices are issued when the deposit is cashed, already paid: none
 * waits for a transfer. Also returns the payers as read, to learn from.
 */
export async function openInvoices(uow: UnitOfWork) {
  const rows = await uow.query<OpenInvoiceRow>(
    uow
      .collection(INVOICES)
      .where("paidOn", "==", null)
      .select(...OPEN_INVOICE_FIELDS),
  );
  const payers = new Map(
    (await uow.query<BankPayerDoc>(uow.collection(BANK_PAYERS))).map((p) => [p.data.customerKey, p.data]),
  );
  const items: OpenInvoice[] = rows
    .filter(({ data }) => data.type !== "deposit" && money(data.openAmount).greaterThan(0))
    .map(({ id, data }) => ({
      kind: invoiceKind(data),
      id,
      number: data.number,
      openAmount: data.openAmount,
      customerName: data.content.customer.name,
      customerIbans: payers.get(data.customerKey)?.ibans ?? [],
      dueDate: data.dueDate,
    }));
  return { items, payers, read: rows.length + payers.size };
}

/**
 * Remembers that the customer pays from `iban` (once per account). `known`
 * is what was read of the payers; it follows the writes, so several entries
 * of one import add to the same document.
 */
export function learnPayer(
  uow: UnitOfWork,
  known: Map<string, BankPayerDoc>,
  customer: { key: string; name: string },
  iban: string | undefined,
): void {
  if (!iban) return;
  const before = known.get(customer.key);
  if (before?.ibans.includes(iban)) return;
  const doc: BankPayerDoc = {
    customerKey: customer.key,
    customerName: customer.name,
    ibans: [...(before?.ibans ?? []), iban],
    updatedAt: uow.timestamp,
  };
  known.set(customer.key, doc);
  uow.set(uow.collection(BANK_PAYERS).doc(payerId(customer.key)), doc);
}

/** The payer as read, for a command that did not load every payer. */
export async function readPayer(uow: UnitOfWork, customerKey: string): Promise<Map<string, BankPayerDoc>> {
  const doc = await uow.get<BankPayerDoc>(uow.collection(BANK_PAYERS).doc(payerId(customerKey)));
  return new Map(doc ? [[customerKey, doc]] : []);
}

export type Settled =
  | { problem: null; allocations: Allocation[]; payments: string[]; customer: { key: string; name: string } }
  | { problem: string };

/**
 * Records the payment of invoices by a credit entry, on its booking date,
 * through recordPayment (ledger D512 / C411, lettering, VAT on payment).
 * All the invoices must be one customer's. When spending the total in the
 * order given gives each invoice its requested amount (a transfer settling
 * the oldest first), one payment carries them all and `excess` (a
 * « trop-perçu ») becomes the customer's credit; otherwise each invoice gets
 * its own payment of its amount. A problem is returned in French, nothing
 * recorded: the import leaves the entry to a person, the match route refuses.
 * The unit must see its own writes: an invoice paid earlier in the same
 * command is read as that payment left it.
 */
export async function settleInvoices(
  uow: UnitOfWork,
  access: Access,
  entry: StatementEntry,
  requested: { itemId: string; amount: string }[],
  excess = "0.00",
): Promise<Settled> {
  const refs = requested.map((a) => uow.collection(INVOICES).doc(a.itemId));
  const docs = await uow.getAll<InvoiceDoc>(refs);
  const problems: string[] = [];
  docs.forEach((doc, i) => {
    const a = requested[i];
    if (!doc) return problems.push(`la pièce ${a.itemId} est introuvable`);
    const open = money(doc.openAmount);
    if (open.isZero()) problems.push(`la facture ${doc.number} est déjà soldée`);
    else if (money(a.amount).greaterThan(open))
      problems.push(`${euros(a.amount)} dépasse le reste dû de la facture ${doc.number} (${euros(doc.openAmount)})`);
    if (doc.issuedOn > entry.bookingDate)
      problems.push(
        `la facture ${doc.number} du ${frenchDate(doc.issuedOn)} est postérieure au virement du ${frenchDate(entry.bookingDate)}`,
      );
  });
  const found = docs.filter((d): d is InvoiceDoc => d !== null);
  if (new Set(found.map((d) => d.customerKey)).size > 1)
    problems.push(`les factures ${found.map((d) => d.number).join(", ")} sont celles de plusieurs clients`);
  if (entry.bookingDate > uow.today)
    problems.push(`la date de l'opération (${frenchDate(entry.bookingDate)}) est future`);
  if (problems.length > 0) return { problem: problems.join(" ; ") };

  const invoices = found;
  const customer = invoices[0].content.customer;
  const total = sumMoney(requested.map((a) => money(a.amount)));
  const { used } = spendInOrder(
    total,
    invoices.map((d) => money(d.openAmount)),
  );
  const oneTransfer = used.every((u, i) => u.equals(money(requested[i].amount)));
  const payments = oneTransfer
    ? [{ amount: formatMoney(total.plus(money(excess))), invoiceIds: requested.map((a) => a.itemId) }]
    : requested.map((a) => ({ amount: formatMoney(money(a.amount)), invoiceIds: [a.itemId] }));
  const ids: string[] = [];
  for (const p of payments) {
    const body = {
      customer,
      date: entry.bookingDate,
      amount: p.amount,
      means: "virement",
      invoiceIds: p.invoiceIds,
    } as PaymentBody;
    const { id } = await recordPayment(uow, access, body);
    ids.push(id);
  }
  const allocations: Allocation[] = requested.map((a, i) => ({
    itemKind: invoiceKind(invoices[i]),
    itemId: a.itemId,
    reference: invoices[i].number,
    amount: formatMoney(money(a.amount)),
    settles: money(a.amount).equals(money(invoices[i].openAmount)),
  }));
  return { problem: null, allocations, payments: ids, customer: { key: invoices[0].customerKey, name: customer.name } };
}

/** `<refund id>-<n>` (instalmentId) back to its parts. */
export function instalmentParts(itemId: string): { refundId: string; n: number } | null {
  const at = itemId.lastIndexOf("-");
  const n = Number(itemId.slice(at + 1));
  return at > 0 && Number.isInteger(n) && n > 0 ? { refundId: itemId.slice(0, at), n } : null;
}

/**
 * Pays refund instalments by a debit entry, on its booking date, through
 * payInstalment. Each must exist, be due and be paid in full by its
 * allocation. The unit sees its own writes, so two instalments of one
 * request in one statement are paid one after the other (the second sees
 * the first paid, and the request is « Remboursé » when it was the last).
 */
export async function payInstalments(
  uow: UnitOfWork,
  access: Access,
  entry: StatementEntry,
  requested: { itemId: string; amount: string }[],
): Promise<{ problem: null; allocations: Allocation[]; paid: string[] } | { problem: string }> {
  const parts = requested.map((a) => instalmentParts(a.itemId));
  const docs = await uow.getAll<InstalmentDoc>(
    parts.map((p, i) =>
      uow
        .collection(REFUNDS)
        .doc(p?.refundId ?? "-")
        .collection(INSTALMENTS)
        .doc(String(p?.n ?? requested[i].itemId)),
    ),
  );
  const problems: string[] = [];
  docs.forEach((doc, i) => {
    const a = requested[i];
    if (!doc) return problems.push(`l'échéance ${a.itemId} est introuvable`);
    const ref = `${doc.creditNoteNumber} échéance ${doc.number}/${doc.count}`;
    if (doc.status !== "due") problems.push(`l'échéance ${ref} est déjà payée`);
    else if (!money(a.amount).equals(money(doc.amount)))
      problems.push(`${euros(a.amount)} au lieu de ${euros(doc.amount)} pour l'échéance ${ref}`);
  });
  if (entry.bookingDate > uow.today)
    problems.push(`la date de l'opération (${frenchDate(entry.bookingDate)}) est future`);
  if (problems.length > 0) return { problem: problems.join(" ; ") };
  const allocations: Allocation[] = [];
  for (const [i, doc] of (docs as InstalmentDoc[]).entries()) {
    await payInstalment(uow, access, doc.refundId, doc.number, entry.bookingDate);
    allocations.push({
      itemKind: "instalment",
      itemId: requested[i].itemId,
      reference: `${doc.creditNoteNumber} échéance ${doc.number}/${doc.count}`,
      amount: formatMoney(money(doc.amount)),
      settles: true,
    });
  }
  return { problem: null, allocations, paid: (docs as InstalmentDoc[]).map((d) => `${d.refundId}/${d.number}`) };
}

/** The payment documents a match recorded, for the entry's `payments` (collection path kept here). */
export const paymentRef = (uow: UnitOfWork, id: string) => uow.collection(PAYMENTS).doc(id);
