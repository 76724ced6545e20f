import { REFUND_REASON_LABELS, RefundQuote, formatMoney, money, refundSchedule } from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { euros } from "../domain/reminders/french-amount";
import { CUSTOMER_CREDITS, REFUNDS } from "../model/collections";
import type { CustomerCreditDoc } from "../model/payment";
import type { RefundDoc } from "../model/refund";
import { badRequest, notFound, unprocessable } from "../errors/api-error";
import type { DocReader } from "../storage/doc-reader";
import type { RefundBody } from "./bodies/refund-body";

export interface CreditQuote {
  creditId: string;
  credit: CustomerCreditDoc;
  quote: RefundQuote;
}

const ZERO = { net: "0.00", vat: "0.00", gross: "0.00" };
const REASONS = new Set(["overpayment", "duplicate_payment"]);

/** Gross of a customer credit not yet refunded nor requested (requests rejected or cancelled, and `except`, give theirs back). */
export async function creditBalance(
  reader: DocReader,
  creditId: string,
  credit: CustomerCreditDoc,
  except: string | null,
): Promise<string> {
  const refunds = await reader.query<RefundDoc>(
    reader.collection(REFUNDS).where("proposal.source.creditId", "==", creditId),
  );
  const spent = refunds
    .filter((r) => r.id !== except && r.data.status !== "rejected" && r.data.status !== "cancelled")
    .map((r) => money(r.data.quote.total));
  return formatMoney(spent.reduce((left, s) => left.minus(s), money(credit.amount)));
}

/**
 * Refund of a customer's unapplied credit (payment excess, credit kept):
 * money paid back, not an invoice rectified — no credit note, no VAT; the
 * schedule is the engine's. Shaped as the engine's RefundQuote (empty
 * credit note) so the request flow is the same.
 */
export async function quoteForCredit(reader: DocReader, body: RefundBody, today: string): Promise<CreditQuote> {
  const creditId = body.customerCreditId as string;
  const credit = await reader.get<CustomerCreditDoc>(reader.collection(CUSTOMER_CREDITS).doc(creditId));
  if (!credit) throw notFound(`Crédit client introuvable : ${creditId}.`);
  if (!REASONS.has(body.reason)) {
    throw unprocessable(
      "REASON_NOT_FOR_CREDIT",
      "Un crédit client se rembourse pour trop-perçu ou paiement en double.",
      [fieldProblem("reason", "« Trop-perçu » ou « Paiement en double » pour un crédit client")],
    );
  }
  if (body.scope.kind === "lines")
    throw badRequest("Un crédit client n'a pas de TVA : indiquez un montant ou la totalité.", [
      fieldProblem("scope.kind", "un montant ou la totalité pour un crédit client"),
    ]);
  const balance = await creditBalance(reader, creditId, credit, null);
  const amount = body.scope.kind === "full" ? balance : body.scope.amount;
  if (money(amount).isZero() || money(amount).greaterThan(money(balance))) {
    throw unprocessable("ABOVE_BALANCE", `Le crédit client n'a plus que ${euros(balance)} à rembourser.`, [
      fieldProblem("scope", `au plus ${euros(balance)}`),
    ]);
  }
  const left = formatMoney(money(balance).minus(money(amount)));
  const quote: RefundQuote = {
    reason: body.reason as RefundQuote["reason"],
    reasonLabel: REFUND_REASON_LABELS[body.reason as RefundQuote["reason"]],
    depositKind: "acompte",
    entitlement: {
      scope: "requested",
      forfeited: false,
      doubled: false,
      explanation: "Remboursement d'un crédit client non affecté : pas de facture à rectifier, pas de TVA.",
      legalBasis: "",
    },
    creditNote: {
      documentType: "381",
      lines: [],
      total: ZERO,
      cites: { number: "", date: credit.createdAt.toDate().toISOString().slice(0, 10), reference: "" },
    },
    compensation: [],
    balanceBefore: { lines: [], total: { ...ZERO, net: balance, gross: balance } },
    balanceAfter: { lines: [], total: { ...ZERO, net: left, gross: left } },
    total: amount,
    settlement: { paidOut: amount, offset: [], keptAsCredit: "0.00", proposed: false },
    schedule: refundSchedule({ total: amount, approvalDate: today, plan: body.schedule }),
    warnings: [],
  };
  return { creditId, credit, quote };
}
