/**
 * A customer's risk profile as of a day: how late and how often it pays,
 * what it owes overdue, the dunning, promises and disputes on its invoices,
 * its exposure against its limits, and the class A–D these give with the
 * French reasons for it (docs/customers-risk.md).
 */
import { CalendarDate, addMonths, frenchDate } from "../dates/calendar-date";
import { Dec, Money, MoneyString, ZERO, formatMoney, maxMoney, money, sumMoney } from "../money/money";
import { euros, frenchDays, frenchPercent } from "../reminders/french-amount";
import { parseInput } from "../validation/field-errors";
import { DUNNING_LEVEL_LABELS } from "../vocabulary/labels";
import { formatDaysLate, paymentLateness } from "./payment-lateness";
import { RiskClass, riskClassRank, worseClass } from "./risk-class";
import { CustomerInvoiceHistory, RiskInputs, riskInputsSchema } from "./risk-inputs";
import { RiskThresholds, RiskThresholdsInput, criterionClass, riskThresholdsSchema } from "./risk-thresholds";

/** An open invoice whose payment promise has passed. */
export interface BrokenPromise {
  invoiceId: string;
  number: string;
  promiseUntil: CalendarDate;
  openAmount: MoneyString;
}

/** riskProfile's answer (docs/customers-risk.md). */
export interface RiskProfile {
  asOf: CalendarDate;
  /** 12 months, weighted by amount, one decimal ("12.4"): see payment-lateness.ts. */
  weightedDaysLate: string;
  /** Last 3 months vs the 9 before ("0.0" where no invoice counts). */
  trend: { recent: string; previous: string; worsening: boolean };
  /** Share of the invoices judged over 12 months that were paid (or are still open) after their due date, "0.25". */
  lateShare: string;
  /** Open amount of the invoices past their due date, disputed ones included. */
  overdueAmount: MoneyString;
  maxDunningLevel: 0 | 1 | 2 | 3;
  brokenPromises: number;
  /** The invoices whose promise is broken, so a newly broken one can be told apart (weakSignals). */
  brokenPromiseInvoices: BrokenPromise[];
  disputes: number;
  /** Open receivables + orders in progress − deposits held, never below 0. */
  exposure: MoneyString;
  creditLimit: MoneyString | null;
  insuredLimit: MoneyString | null;
  overCreditLimit: boolean;
  overInsuredLimit: boolean;
  riskClass: RiskClass;
  /** French, money and dates the French way; the worst first. */
  reasons: string[];
}

/** A reason and the class it leads to. */
interface Reason {
  riskClass: RiskClass;
  text: string;
}

const numbersOf = (invoices: readonly { number: string }[]) => invoices.map((i) => i.number).join(", ");

/**
 * Exposure: what the customer owes or is about to owe, less what the
 * company already holds of its money. Factored invoices count (factoring
 * with recourse leaves the risk with the company). Never below 0: a deposit
 * covers its own order only (checkDepositsWithinOrder), so in consistent
 * data it never exceeds the orders in progress; the floor only keeps an
 * inconsistent input from showing a negative risk.
 *
 * @example
 * customerExposure([{ openAmount: "3000.00" }, { openAmount: "0.00" }], "5000.00", "1500.00"); // → "6500.00"
 */
export function customerExposure(
  invoices: readonly Pick<CustomerInvoiceHistory, "openAmount">[],
  ordersInProgress: MoneyString,
  depositsHeld: MoneyString,
): MoneyString {
  const open = sumMoney(invoices.map((i) => money(i.openAmount)));
  return formatMoney(maxMoney(ZERO, open.plus(ordersInProgress).minus(depositsHeld)));
}

function shareText(late: number, assessed: number): string {
  return `${late} facture${late > 1 ? "s" : ""} sur ${assessed} réglée${late > 1 ? "s" : ""} en retard ou encore impayée${late > 1 ? "s" : ""} après échéance sur les 12 derniers mois`;
}

function percentOf(share: Money | string): string {
  return frenchPercent(new Dec(share).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toString());
}

function threshold(riskClass: RiskClass, shown: string): string {
  return `seuil de la classe ${riskClass} : ${shown}`;
}

/**
 * The customer's risk profile as of `inputs.asOf`.
 *
 * - weightedDaysLate: days beyond terms weighted by amount over the 12
 *   months (every sum of an invoice that fell due, paid on time for 0 days,
 *   paid late for its days, still overdue up to asOf); invoices disputed and
 *   still open left out (payment-lateness.ts);
 * - trend: invoices due in the last 3 months against those due in the 9
 *   before; worsening when both have invoices and the recent figure is at
 *   least `trendWorseningDays` later — the trend never sets the class (it is
 *   a weak signal and a reason), so a class never improves because older
 *   invoices were paid later;
 * - lateShare: invoices paid after their due date (or still overdue) over the
 *   invoices judged;
 * - overdueAmount, maxDunningLevel (open invoices and those due in the 12
 *   months), brokenPromises (open, not disputed, promise day passed),
 *   disputes (open or due in the 12 months);
 * - exposure = open receivables (factored ones included) + orders in
 *   progress − deposits held, never below 0 (customerExposure), over a
 *   limit when strictly above it;
 * - riskClass: the worst class any criterion reaches (RiskThresholds), A when
 *   none does; reasons: one French sentence per criterion reached, worst
 *   first, plus the trend when worsening; a class A customer gets one
 *   sentence with its figures.
 *
 * @example
 * riskProfile({
 *   asOf: "2026-11-30", ordersInProgress: "0.00", depositsHeld: "0.00", creditLimit: null, insuredLimit: null,
 *   invoices: [{ invoiceId: "F1", number: "FA-2026-000001", issuedOn: "2026-09-01", dueDate: "2026-10-01",
 *     gross: "1000.00", openAmount: "0.00", payments: [{ on: "2026-10-21", amount: "1000.00" }],
 *     disputed: false, promiseUntil: null, dunningLevel: 1 }],
 * });
 * // → { weightedDaysLate: "20.0", lateShare: "1.00", riskClass: "C", exposure: "0.00", …,
 * //     reasons: ["Retard moyen pondéré de 20,0 jours sur les 12 derniers mois (seuil de la classe C : 15 jours).",
 * //               "1 facture sur 1 réglée en retard ou encore impayée après échéance sur les 12 derniers mois, soit 100 % (seuil de la classe C : 75 %)."] }
 */
export function riskProfile(rawInputs: RiskInputs, rawThresholds?: RiskThresholdsInput): RiskProfile {
  const inputs = parseInput(riskInputsSchema, rawInputs);
  const thresholds: RiskThresholds = parseInput(riskThresholdsSchema, rawThresholds ?? {});
  const { asOf, invoices } = inputs;
  const lateness = paymentLateness(invoices, asOf);
  const weightedDaysLate = formatDaysLate(lateness.weightedDaysLate);
  const recent = formatDaysLate(lateness.recent ?? ZERO);
  const previous = formatDaysLate(lateness.previous ?? ZERO);
  const worsening =
    lateness.recent !== null &&
    lateness.previous !== null &&
    new Dec(recent).minus(previous).greaterThanOrEqualTo(thresholds.trendWorseningDays);
  // Rounded before it is compared, so the figure shown is the one graded.
  const lateShare = (
    lateness.assessed === 0 ? ZERO : new Dec(lateness.late).dividedBy(lateness.assessed)
  ).toDecimalPlaces(2, Dec.ROUND_HALF_UP);

  const open = (i: CustomerInvoiceHistory) => money(i.openAmount).greaterThan(0);
  const overdue = invoices.filter((i) => open(i) && asOf > i.dueDate);
  const windowStart = addMonths(asOf, -12);
  const inView = invoices.filter((i) => open(i) || (i.dueDate > windowStart && i.dueDate <= asOf));
  const disputed = inView.filter((i) => i.disputed);
  const maxDunningLevel = inView.reduce<0 | 1 | 2 | 3>((m, i) => (i.dunningLevel > m ? i.dunningLevel : m), 0);
  const brokenPromiseInvoices: BrokenPromise[] = invoices
    .filter((i) => open(i) && !i.disputed && i.promiseUntil !== null && i.promiseUntil < asOf)
    .map((i) => ({
      invoiceId: i.invoiceId,
      number: i.number,
      promiseUntil: i.promiseUntil as string,
      openAmount: formatMoney(money(i.openAmount)),
    }));

  const exposure = money(customerExposure(invoices, inputs.ordersInProgress, inputs.depositsHeld));
  const over = (limit: string | null) => limit !== null && exposure.greaterThan(limit);
  const overCreditLimit = over(inputs.creditLimit);
  const overInsuredLimit = over(inputs.insuredLimit);

  const reasons: Reason[] = [];
  const days = criterionClass("daysLate", new Dec(weightedDaysLate), thresholds);
  if (days)
    reasons.push({
      riskClass: days.riskClass,
      text: `Retard moyen pondéré de ${frenchDays(weightedDaysLate)} sur les 12 derniers mois (${threshold(days.riskClass, frenchDays(String(days.threshold)))}).`,
    });
  const share = criterionClass("lateShare", lateShare, thresholds);
  if (share)
    reasons.push({
      riskClass: share.riskClass,
      text: `${shareText(lateness.late, lateness.assessed)}, soit ${percentOf(lateShare)} (${threshold(share.riskClass, percentOf(String(share.threshold)))}).`,
    });
  const dunning = criterionClass("dunningLevel", maxDunningLevel, thresholds);
  if (dunning && maxDunningLevel > 0) {
    const letters = inView.filter((i) => i.dunningLevel === maxDunningLevel);
    reasons.push({
      riskClass: dunning.riskClass,
      text: `${DUNNING_LEVEL_LABELS[maxDunningLevel as 1 | 2 | 3]} (niveau ${maxDunningLevel}) envoyée pour ${letters.length > 1 ? "les factures" : "la facture"} ${numbersOf(letters)} (${threshold(dunning.riskClass, `niveau ${dunning.threshold}`)}).`,
    });
  }
  const promises = criterionClass("brokenPromises", brokenPromiseInvoices.length, thresholds);
  if (promises) {
    const n = brokenPromiseInvoices.length;
    const listed = brokenPromiseInvoices
      .map((p) => `${p.number}, paiement promis pour le ${frenchDate(p.promiseUntil)}, reste dû ${euros(p.openAmount)}`)
      .join(" ; ");
    reasons.push({
      riskClass: promises.riskClass,
      text: `${n} promesse${n > 1 ? "s" : ""} de paiement non tenue${n > 1 ? "s" : ""} : ${listed} (${threshold(promises.riskClass, String(promises.threshold))}).`,
    });
  }
  const disputes = criterionClass("disputes", disputed.length, thresholds);
  if (disputes) {
    const n = disputed.length;
    const listed = disputed.map((i) => `${i.number}, ${euros(i.gross)}`).join(" ; ");
    reasons.push({
      riskClass: disputes.riskClass,
      text: `${n} facture${n > 1 ? "s" : ""} en litige : ${listed} (${threshold(disputes.riskClass, String(disputes.threshold))}).`,
    });
  }
  if (overCreditLimit)
    reasons.push({
      riskClass: thresholds.overCreditLimitClass,
      text: `Encours de ${euros(exposure)} au-delà de la limite de crédit de ${euros(inputs.creditLimit as string)} (classe ${thresholds.overCreditLimitClass} au moins).`,
    });
  if (overInsuredLimit)
    reasons.push({
      riskClass: thresholds.overInsuredLimitClass,
      text: `Encours de ${euros(exposure)} au-delà de la limite assurée de ${euros(inputs.insuredLimit as string)} (classe ${thresholds.overInsuredLimitClass} au moins).`,
    });

  const riskClass = reasons.reduce<RiskClass>((c, r) => worseClass(c, r.riskClass), "A");
  const texts = [...reasons].sort((a, b) => riskClassRank(b.riskClass) - riskClassRank(a.riskClass)).map((r) => r.text);
  if (worsening)
    texts.push(
      `Retards en hausse : ${frenchDays(recent)} sur les factures échues ces 3 derniers mois contre ${frenchDays(previous)} sur les 9 mois précédents.`,
    );
  if (reasons.length === 0)
    texts.unshift(
      `Aucun seuil de risque atteint : retard moyen pondéré de ${frenchDays(weightedDaysLate)} et ${percentOf(lateShare)} des factures réglées en retard sur les 12 derniers mois.`,
    );

  return {
    asOf,
    weightedDaysLate,
    trend: { recent, previous, worsening },
    lateShare: lateShare.toFixed(2),
    overdueAmount: formatMoney(sumMoney(overdue.map((i) => money(i.openAmount)))),
    maxDunningLevel,
    brokenPromises: brokenPromiseInvoices.length,
    brokenPromiseInvoices,
    disputes: disputed.length,
    exposure: formatMoney(exposure),
    creditLimit: inputs.creditLimit === null ? null : formatMoney(money(inputs.creditLimit)),
    insuredLimit: inputs.insuredLimit === null ? null : formatMoney(money(inputs.insuredLimit)),
    overCreditLimit,
    overInsuredLimit,
    riskClass,
    reasons: texts,
  };
}
