import { CalendarDate, daysBetween, frenchDate } from "../dates/calendar-date";
import { EngineRuleError } from "../errors/engine-error";
import { InterestSegment, simpleInterest } from "../interest/simple-interest";
import { ZERO, formatMoney, money, sumMoney } from "../money/money";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { euros } from "../reminders/french-amount";
import { parseInput } from "../validation/field-errors";
import { PenaltyClaimInput, penaltyClaimInputSchema } from "../validation/receivables-schema";
import { RECOVERY_INDEMNITY, penaltyRate } from "./late-payment-penalties";

/** What a penalty invoice cites for the amounts it claims. */
export const PENALTY_LEGAL_BASIS =
  "Code de commerce, art. L441-10 (pénalités de retard dues de plein droit dès le lendemain de l'échéance) et D441-5 (indemnité forfaitaire pour frais de recouvrement de 40 €)";

/**
 * Why a penalty invoice carries no VAT: only the consideration for a supply
 * of goods or services is taxable (CGI art. 256-I, 266-1-a); late-payment
 * interest and the flat indemnity make good the creditor's loss from the
 * delay and pay for no supply, so they are outside the scope of VAT.
 */
export const PENALTY_VAT_TREATMENT =
  "Hors champ de la TVA (CGI art. 256) : les pénalités de retard et l'indemnité forfaitaire réparent le préjudice du retard de paiement et ne rémunèrent aucune livraison ni prestation.";

/** One sum paid late (or still unpaid on the claim date) and the penalties it earned since the due date. */
export interface PenaltyTranche {
  amount: string;
  /** The day it was settled, or the claim date while it is unpaid. */
  until: CalendarDate;
  paid: boolean;
  daysLate: number;
  /** One segment per half-year, each at its own rate. */
  segments: InterestSegment[];
  penalties: string;
}

/** penaltyClaim's answer: what a penalty invoice claims and why. */
export interface PenaltyClaim {
  tranches: PenaltyTranche[];
  /** Penalties earned since the due date, all tranches together. */
  accruedPenalties: string;
  /** Penalties the earlier penalty invoices of this invoice already claimed. */
  alreadyInvoiced: string;
  /** What this claim adds: accrued − already invoiced. */
  penalties: string;
  /** €40 on the first claim that asks for it, "0.00" after (one indemnity per invoice, D441-5). */
  indemnity: string;
  total: string;
  legalBasis: string;
  vatTreatment: string;
}

/**
 * The content of a penalty invoice for one late invoice of a professional
 * customer (Code de commerce L441-10, D441-5). Each sum settled after the
 * due date earns penalties from the day after the due date to the day it
 * was settled; what is still unpaid, to the claim date. The rate is that of
 * each half-year the delay runs through (penaltyRate: ECB + 10 points or the
 * contract's, never below 3 × the legal rate). The €40 indemnity is owed
 * once per late invoice, not per claim. A later claim invoices only what
 * accrued since: everything accrued, less what earlier claims invoiced.
 * No VAT on either (PENALTY_VAT_TREATMENT).
 *
 * Refuses (EngineRuleError) a consumer customer (PENALTIES_B2B_ONLY), an
 * invoice settled on time or not yet due (NOT_LATE), and a claim that
 * would add nothing (NOTHING_TO_CLAIM).
 *
 * @example
 * penaltyClaim({
 *   customerKind: "b2b",
 *   invoice: { number: "FA-2026-000050", date: "2026-01-01", dueDate: "2026-01-31", amountDue: "10000.00" },
 *   settlements: [{ date: "2026-03-02", amount: "10000.00" }],
 *   claimDate: "2026-03-05",
 *   earlierClaims: [],
 * });
 * // → { tranches: [{ amount: "10000.00", until: "2026-03-02", paid: true, daysLate: 30, penalties: "99.86", … }],
 * //     penalties: "99.86", indemnity: "40.00", total: "139.86", … }
 */
export function penaltyClaim(rawInput: PenaltyClaimInput, rates: LegalRates = SHIPPED_LEGAL_RATES): PenaltyClaim {
  const input = parseInput(penaltyClaimInputSchema, rawInput);
  const { invoice } = input;
  if (input.customerKind !== "b2b")
    throw new EngineRuleError(
      "PENALTIES_B2B_ONLY",
      `La facture ${invoice.number} est adressée à un particulier : les pénalités de retard et l'indemnité forfaitaire de 40 € (Code de commerce L441-10, D441-5) ne s'appliquent qu'entre professionnels.`,
    );
  const settled = sumMoney(input.settlements.map((s) => money(s.amount)));
  const unpaid = money(invoice.amountDue).minus(settled);
  if (unpaid.isNegative())
    throw new EngineRuleError(
      "BALANCE_INCONSISTENT",
      `Les règlements de la facture ${invoice.number} (${euros(settled)}) dépassent son montant (${euros(invoice.amountDue)}).`,
    );

  const late = [
    ...input.settlements.map((s) => ({ amount: money(s.amount), until: s.date, paid: true })),
    ...(unpaid.isZero() ? [] : [{ amount: unpaid, until: input.claimDate, paid: false }]),
  ].filter((t) => t.until > invoice.dueDate);
  if (late.length === 0)
    throw new EngineRuleError(
      "NOT_LATE",
      unpaid.isZero()
        ? `La facture ${invoice.number} a été réglée à l'échéance du ${frenchDate(invoice.dueDate)} : aucune pénalité de retard n'est due.`
        : `La facture ${invoice.number} n'est pas en retard : son échéance est le ${frenchDate(invoice.dueDate)}, les pénalités ne courent qu'à partir du lendemain.`,
    );

  const tranches: PenaltyTranche[] = late.map((t) => {
    const interest = simpleInterest(t.amount, invoice.dueDate, t.until, (day) =>
      penaltyRate(day, input.contractRate, rates),
    );
    return {
      amount: formatMoney(t.amount),
      until: t.until,
      paid: t.paid,
      daysLate: daysBetween(invoice.dueDate, t.until),
      segments: interest.segments,
      penalties: interest.amount,
    };
  });
  const accrued = sumMoney(tranches.map((t) => money(t.penalties)));
  const invoiced = sumMoney(input.earlierClaims.map((c) => money(c.penalties)));
  const penalties = accrued.minus(invoiced);
  const indemnityClaimed = input.earlierClaims.some((c) => !money(c.indemnity).isZero());
  const indemnity = !indemnityClaimed && input.claimIndemnity !== false ? money(RECOVERY_INDEMNITY) : ZERO;
  if (!penalties.greaterThan(ZERO) && indemnity.isZero()) {
    const earlier = input.earlierClaims.map((c) => `${c.number} du ${frenchDate(c.date)}`).join(", ");
    throw new EngineRuleError(
      "NOTHING_TO_CLAIM",
      `Rien de plus à réclamer sur la facture ${invoice.number} : les pénalités dues à ce jour (${euros(accrued)}) sont déjà facturées${earlier ? ` (${earlier})` : ""}${indemnityClaimed ? ", ainsi que l'indemnité forfaitaire de 40 €" : ""}.`,
    );
  }
  const newPenalties = penalties.greaterThan(ZERO) ? penalties : ZERO;
  return {
    tranches,
    accruedPenalties: formatMoney(accrued),
    alreadyInvoiced: formatMoney(invoiced),
    penalties: formatMoney(newPenalties),
    indemnity: formatMoney(indemnity),
    total: formatMoney(newPenalties.plus(indemnity)),
    legalBasis: PENALTY_LEGAL_BASIS,
    vatTreatment: PENALTY_VAT_TREATMENT,
  };
}
