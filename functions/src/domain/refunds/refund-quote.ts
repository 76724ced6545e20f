import { frenchDate } from "../dates/calendar-date";
import { ZERO, formatMoney, money, sumMoney } from "../money/money";
import { Instalment, buildSchedule, lastDueDate } from "../schedules/refund-schedule";
import { Settlement, settle } from "../settlement/settlement";
import { parseInput } from "../validation/field-errors";
import { RefundQuoteInput, refundQuoteInputSchema } from "../validation/refund-schema";
import { RateAmounts, VatBreakdown, breakdownOf } from "../vat/vat-breakdown";
import { DepositKind } from "../deposits/deposit-kind";
import { Compensation, legalCompensation } from "./compensation";
import { creditNoteLines } from "./credit-note-lines";
import { balanceByRate } from "./refundable-balance";
import { Entitlement, refundEntitlement } from "./refund-entitlement";
import { RefundReason } from "./refund-reason";
import { REFUND_REASON_LABELS } from "../vocabulary/labels";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";

/** quoteRefund's answer: the credit note, compensation, balances, settlement and schedule of a proposed refund. */
export interface RefundQuote {
  reason: RefundReason;
  reasonLabel: string;
  depositKind: DepositKind;
  entitlement: Pick<Entitlement, "scope" | "forfeited" | "doubled" | "explanation" | "legalBasis">;
  /** The credit note: cites the deposit invoice, reverses net and VAT per rate (amounts shown positive; the document prints them negative). */
  creditNote: VatBreakdown & {
    cites: { number: string; date: string; reference: string };
    /** UNTDID 1001 381, credit note (the French e-invoicing profile also allows 503, credit note of a deposit invoice). */
    documentType: "381";
  };
  compensation: Compensation[];
  balanceBefore: VatBreakdown;
  balanceAfter: VatBreakdown;
  /** Owed to the customer in all: credit note (unless forfeited) + compensation payable. */
  total: string;
  settlement: Settlement;
  /** Instalments of the part paid out. */
  schedule: Instalment[];
  /** French notes on what could not be computed. */
  warnings: string[];
}

function minus(balance: RateAmounts[], reversal: RateAmounts[]): RateAmounts[] {
  return balance.map((b) => {
    const r = reversal.find((x) => x.vatRate === b.vatRate);
    return r ? { vatRate: b.vatRate, net: b.net.minus(r.net), vat: b.vat.minus(r.vat) } : b;
  });
}

/**
 * The engine's whole answer for a proposed refund of a deposit: what the law
 * gives back for the reason, the credit-note lines per VAT rate (the VAT
 * reversal, never above the refundable balance), the compensation without
 * VAT kept apart (forfeited or doubled arrhes, L241-4/L242-4 increases,
 * L214-2 interest), the split between paid out / offset / kept as credit,
 * and the schedule of what is paid out. Pure: stores nothing. `rates` are
 * the company's legal rate tables (the shipped ones by default).
 *
 * Optional input: `issuedRefunds`, `refundsInFlight`, `terminationDate`,
 * `refundDate`, `openInvoices`, `settlement: { offsets?, keepAsCredit? }`;
 * `scope` is `{ kind: "full" }`, `{ kind: "amount", amount }` or
 * `{ kind: "lines", lines: [{ vatRate, net }] }`.
 *
 * @example
 * quoteRefund({
 *   deposit: {
 *     number: "FA2026-0042", date: "2026-01-15", paidDate: "2026-01-15", kind: "acompte",
 *     customerKind: "b2b", supplyKind: "goods", lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
 *   },
 *   reason: "seller_cancels", scope: { kind: "full" }, approvalDate: "2026-03-10",
 *   schedule: { kind: "single", date: "2026-03-10" },
 * });
 * // → { creditNote: { cites: { reference: "FA2026-0042 du 15/01/2026", … }, documentType: "381",
 * //                   lines: [{ vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" }], total: {…} },
 * //     compensation: [], balanceBefore: {…}, balanceAfter: {…}, total: "4320.00",
 * //     settlement: { paidOut: "4320.00", offset: [], keptAsCredit: "0.00", proposed: true },
 * //     schedule: [{ n: 1, dueDate: "2026-03-10", amount: "4320.00" }], warnings: [], … }
 */
export function quoteRefund(rawInput: RefundQuoteInput, rates: LegalRates = SHIPPED_LEGAL_RATES): RefundQuote {
  const input = parseInput(refundQuoteInputSchema, rawInput);
  const { deposit } = input;
  const entitlement = refundEntitlement({
    depositKind: deposit.kind,
    customerKind: deposit.customerKind,
    supplyKind: deposit.supplyKind,
    reason: input.reason,
  });
  const balance = balanceByRate(
    deposit.lines,
    input.issuedRefunds.map((r) => r.lines),
    input.refundsInFlight.map((r) => r.lines),
  );
  const reversal = creditNoteLines(entitlement.scope === "whole_balance" ? "whole_balance" : input.scope, balance);
  const creditGross = sumMoney(reversal.map((r) => r.net.plus(r.vat)));
  const refundDate = input.refundDate ?? lastDueDate(input.schedule);
  const { compensation, warnings } = legalCompensation(entitlement, {
    creditGross,
    paidDate: deposit.paidDate,
    refundDate,
    terminationDate: input.terminationDate,
    rates,
  });

  const payable = sumMoney(compensation.filter((c) => c.direction === "payable").map((c) => money(c.amount)));
  const total = (entitlement.forfeited ? ZERO : creditGross).plus(payable);
  const settlement = settle(total, input.openInvoices, input.settlement);
  return {
    reason: input.reason,
    reasonLabel: REFUND_REASON_LABELS[input.reason],
    depositKind: deposit.kind,
    entitlement: {
      scope: entitlement.scope,
      forfeited: entitlement.forfeited,
      doubled: entitlement.doubled,
      explanation: entitlement.explanation,
      legalBasis: entitlement.legalBasis,
    },
    creditNote: {
      ...breakdownOf(reversal),
      cites: {
        number: deposit.number,
        date: deposit.date,
        reference: `${deposit.number} du ${frenchDate(deposit.date)}`,
      },
      documentType: "381",
    },
    compensation,
    balanceBefore: breakdownOf(balance),
    balanceAfter: breakdownOf(minus(balance, reversal)),
    total: formatMoney(total),
    settlement,
    schedule: buildSchedule(money(settlement.paidOut), input.approvalDate, input.schedule, "schedule"),
    warnings,
  };
}
