/**
 * The B2B penalties paragraph of a dunning letter (Code de commerce
 * L441-10, D441-5). Before any penalty invoice it states every penalty to
 * date and the €40 indemnity. Once the company has invoiced some of them
 * (penaltyClaim), the letter names each penalty invoice with its date and
 * amounts, and asks "en sus" only what accrued after the last one — the
 * indemnity not at all once invoiced: the customer is never asked twice for
 * the same penalty.
 */
import { addDays, frenchDate } from "../dates/calendar-day";
import { EngineRuleError } from "../errors/engine-error";
import { ZERO, formatMoney, money, sumMoney } from "../money/money";
import type { LegalRates } from "../rates/legal-rates";
import { RECOVERY_INDEMNITY, latePaymentPenalties } from "../receivables/late-payment-penalties";
import { frenchAmount } from "./french-amount";

/** A penalty invoice already issued on the late invoice: what it claimed, up to its date inclusive. */
export interface InvoicedPenalties {
  number: string;
  /** The penalty invoice's date: it claimed the penalties accrued up to that day. */
  date: string;
  penalties: string;
  indemnity: string;
}

/** The late invoice as the paragraph needs it. */
export interface LateInvoiceFacts {
  dueDate: string;
  /** Gross still owed: penalties keep running on it. */
  openAmount: string;
  contractRate?: string;
  /** The penalty invoices issued on it, in any order; empty or absent before the first. */
  invoicedPenalties?: InvoicedPenalties[];
}

const L441_10 =
  "Conformément à l'article L441-10 du Code de commerce, des pénalités de retard sont dues de plein droit";
const INDEMNITY = `l'indemnité forfaitaire pour frais de recouvrement de ${frenchAmount(RECOVERY_INDEMNITY)} (article D441-5)`;

/**
 * Penalties on `amount` from the day after `from` to `today`, or null when
 * the rate table does not reach a day of it yet (the half-year's rates are
 * published late): the letter still goes out, stating the right and leaving
 * the amount to the statement rather than using an outdated rate.
 */
function accrued(inv: LateInvoiceFacts, from: string, today: string, rates: LegalRates) {
  try {
    return latePaymentPenalties(
      { amount: inv.openAmount, dueDate: from, asOf: today, contractRate: inv.contractRate },
      rates,
    );
  } catch (error) {
    if (!(error instanceof EngineRuleError) || error.code !== "RATE_NOT_AVAILABLE") throw error;
    return null;
  }
}

function invoiceCited(c: InvoicedPenalties): string {
  const amounts = [`pénalités de retard : ${frenchAmount(c.penalties)}`];
  if (!money(c.indemnity).isZero())
    amounts.push(`indemnité forfaitaire pour frais de recouvrement : ${frenchAmount(c.indemnity)}`);
  return `n° ${c.number} du ${frenchDate(c.date)} (${amounts.join(" ; ")})`;
}

/** Before any penalty invoice: everything to date, and the indemnity. */
function allToDate(inv: LateInvoiceFacts, today: string, rates: LegalRates): string {
  const since = frenchDate(addDays(inv.dueDate, 1));
  const p = accrued(inv, inv.dueDate, today, rates);
  if (!p)
    return `${L441_10} depuis le ${since}, au taux prévu par nos conditions générales ou, à défaut, au taux légal en vigueur (leur montant vous sera précisé sur notre décompte), ainsi que ${INDEMNITY}, sans TVA.`;
  return `${L441_10} depuis le ${since} : ${frenchAmount(p.penalties)} à ce jour (${p.daysLate} jours), ainsi que ${INDEMNITY}, soit ${frenchAmount(p.total)} en plus du principal, sans TVA.`;
}

/** After penalty invoices: what they claimed, then only what accrued since the last one. */
function sinceInvoiced(inv: LateInvoiceFacts, claims: InvoicedPenalties[], today: string, rates: LegalRates): string {
  const sorted = [...claims].sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  const last = sorted[sorted.length - 1];
  const indemnityInvoiced = sorted.some((c) => !money(c.indemnity).isZero());
  const invoiced = sumMoney(sorted.flatMap((c) => [money(c.penalties), money(c.indemnity)]));
  const which = sorted.length === 1 ? "notre facture de pénalités" : "nos factures de pénalités";
  const head = `${L441_10} depuis le ${frenchDate(addDays(inv.dueDate, 1))}. Celles courues jusqu'au ${frenchDate(last.date)} vous ont été facturées par ${which} ${sorted.map(invoiceCited).join(", ")}, soit ${frenchAmount(formatMoney(invoiced))}, à régler séparément.`;

  const from = frenchDate(addDays(last.date, 1));
  const indemnity = indemnityInvoiced ? ZERO : money(RECOVERY_INDEMNITY);
  const p = accrued(inv, last.date, today, rates);
  if (!p)
    return `${head} Depuis le ${from}, de nouvelles pénalités courent sur la somme restant due (leur montant vous sera précisé sur notre décompte)${indemnityInvoiced ? "" : `, ainsi que ${INDEMNITY}`}, en sus, sans TVA.`;
  const penalties = money(p.penalties);
  if (penalties.isZero())
    return indemnityInvoiced
      ? `${head} Aucune pénalité n'a couru depuis.`
      : `${head} Reste dû en sus ${INDEMNITY}, sans TVA.`;
  const extra = `${frenchAmount(p.penalties)} à ce jour (${p.daysLate} jours)${indemnityInvoiced ? "" : `, ainsi que ${INDEMNITY}`}`;
  const total = indemnityInvoiced ? "" : `, soit ${frenchAmount(formatMoney(penalties.plus(indemnity)))}`;
  return `${head} Depuis le ${from}, de nouvelles pénalités courent sur les ${frenchAmount(inv.openAmount)} restant dus : ${extra}${total} en sus, sans TVA.`;
}

/**
 * The paragraph a B2B dunning letter carries about penalties on `today`.
 *
 * @example
 * // 10 000,00 € due 31/01/2026, penalty invoice FA-2026-000001 of 05/03/2026
 * // (99,86 € + 40,00 €), letter on 04/04/2026: 30 days since 06/03/2026 at 12,15 %
 * // → 10 000 × 12,15 % × 30 / 365 = 99,86 € en sus, the indemnity not repeated.
 */
export function dunningPenaltyParagraph(inv: LateInvoiceFacts, today: string, rates: LegalRates): string {
  const claims = inv.invoicedPenalties ?? [];
  return claims.length === 0 ? allToDate(inv, today, rates) : sinceInvoiced(inv, claims, today, rates);
}
