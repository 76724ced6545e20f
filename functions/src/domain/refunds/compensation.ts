import { CalendarDate, frenchDate } from "../dates/calendar-date";
import { Money, formatMoney, money } from "../money/money";
import { advanceInterest } from "./consumer-advance-interest";
import { lateIncrease } from "./consumer-late-refund-increase";
import { Entitlement } from "./refund-entitlement";
import type { LegalRates } from "../rates/legal-rates";

/**
 * What a compensation is: arrhes kept (C. civil art. 1590) or paid back
 * doubled, a late-refund increase (L241-4 / L242-4), interest on a
 * consumer's advance (L214-2). None carries VAT (CJUE C-277/05).
 */
export type CompensationKind = "arrhes_forfeited" | "arrhes_doubled" | "late_refund_increase" | "advance_interest";

/** An amount outside the credit note: compensation, no VAT, not an invoice line. */
export interface Compensation {
  kind: CompensationKind;
  /** French, as shown to the user. */
  label: string;
  amount: string;
  /** payable: the seller owes it to the customer; kept: the seller keeps it (income). */
  direction: "payable" | "kept";
  legalBasis: string;
}

export interface CompensationContext {
  /** Gross of the credit note: the sums paid that are given back (or kept). */
  creditGross: Money;
  paidDate: CalendarDate;
  /** When the money is (or will be) paid back. */
  refundDate: CalendarDate;
  /** B2C: when the consumer terminated or withdrew; without it no late-refund increase can be computed. */
  terminationDate?: CalendarDate;
  /** The company's legal rate tables (the shipped ones when absent). */
  rates?: LegalRates;
}

/**
 * The amounts outside the credit note that the law attaches to an
 * entitlement: arrhes kept or doubled (C. civil 1590), L214-2 interest on a
 * consumer's advance, L241-4 / L242-4 increases for a late refund. None
 * carries VAT. Returns French warnings for what could not be computed.
 */
export function legalCompensation(
  entitlement: Entitlement,
  context: CompensationContext,
): { compensation: Compensation[]; warnings: string[] } {
  const { creditGross, paidDate, refundDate, terminationDate, rates } = context;
  const warnings: string[] = [];
  const compensation: Compensation[] = [];

  if (entitlement.forfeited) {
    compensation.push({
      kind: "arrhes_forfeited",
      label: "Arrhes conservées (indemnité, hors champ de la TVA)",
      amount: formatMoney(creditGross),
      direction: "kept",
      legalBasis: entitlement.legalBasis,
    });
  }
  if (entitlement.doubled) {
    compensation.push({
      kind: "arrhes_doubled",
      label: "Indemnité égale aux arrhes (restitution au double, sans TVA)",
      amount: formatMoney(creditGross),
      direction: "payable",
      legalBasis: "Code civil art. 1590",
    });
  }
  if (entitlement.advanceInterest) {
    const interest = advanceInterest(creditGross, paidDate, refundDate, rates);
    if (!money(interest.amount).isZero()) {
      compensation.push({
        kind: "advance_interest",
        label: `Intérêts au taux légal sur l'avance, du ${frenchDate(interest.segments[0].from)} au ${frenchDate(refundDate)} (sans TVA)`,
        amount: interest.amount,
        direction: "payable",
        legalBasis: interest.legalBasis,
      });
    }
  }
  if (entitlement.lateRefundScale) {
    if (terminationDate) {
      const increase = lateIncrease(entitlement.lateRefundScale, creditGross, terminationDate, refundDate, rates);
      if (increase.daysLate > 0 && !money(increase.amount).isZero()) {
        const rate = increase.percent === null ? "au taux d'intérêt légal" : `de ${increase.percent} %`;
        compensation.push({
          kind: "late_refund_increase",
          label: `Majoration ${rate} pour remboursement tardif (${increase.daysLate} jours après le ${frenchDate(increase.deadline)}, sans TVA)`,
          amount: increase.amount,
          direction: "payable",
          legalBasis: increase.legalBasis,
        });
      }
    } else {
      warnings.push(
        "Date de résolution ou de rétractation (terminationDate) absente : les majorations pour remboursement tardif ne sont pas calculées.",
      );
    }
  }

  return { compensation, warnings };
}
