/**
 * A consumer refund that must be paid within 14 days of the termination
 * (L216-7) or withdrawal (L221-24), after which the law adds an increase
 * (L241-4 / L242-4). Accounting is told a few days before the deadline, then
 * each time the increase steps up, with the increase owed today and the next
 * one. The amounts and the steps come from the engine's scale only.
 */
import { consumerLateRefundIncrease, type LateRefundIncrease } from "../index";
import { addDays, frenchDate } from "../dates/calendar-day";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { frenchAmount } from "./french-amount";
import type { Reminder } from "./reminder";
import type { ReminderSettings } from "./reminder-settings";

export interface ConsumerRefundDue {
  companyId: string;
  /** The request's id: what a reminder is about (its `target`), never shown. */
  requestId: string;
  /** The request's number, as people read it: `RB-2026-000012`. */
  requestNumber: string;
  customerName: string;
  /** Gross sum to refund, on which the increase is computed. */
  amount: string;
  scale: "L241-4" | "L242-4";
  /** Termination (non-delivery) or withdrawal day: the 14 days run from it. */
  terminationDate: string;
}

/** How far ahead to look for the next step of the scale (L242-4 keeps stepping monthly). */
const HORIZON_DAYS = 400;

function increaseOn(r: ConsumerRefundDue, day: string, rates: LegalRates): LateRefundIncrease {
  return consumerLateRefundIncrease(
    { scale: r.scale, amount: r.amount, terminationDate: r.terminationDate, refundDate: day },
    rates,
  );
}

/** First day after `today` on which the rate changes (the legal-interest stretch of L242-4 counts as one step). */
function nextStep(
  r: ConsumerRefundDue,
  today: string,
  current: LateRefundIncrease,
  rates: LegalRates,
): { day: string; increase: LateRefundIncrease } | null {
  for (let d = 1; d <= HORIZON_DAYS; d++) {
    const day = addDays(today, d);
    const increase = increaseOn(r, day, rates);
    if (increase.percent !== current.percent) return { day, increase };
  }
  return null;
}

/** First day of the step `today` is in. */
function stepStart(r: ConsumerRefundDue, today: string, current: LateRefundIncrease, rates: LegalRates): string {
  let day = today;
  while (day > current.deadline && increaseOn(r, addDays(day, -1), rates).percent === current.percent)
    day = addDays(day, -1);
  return day;
}

const rateText = (i: LateRefundIncrease) => (i.percent === null ? "intérêt au taux légal" : `${i.percent} %`);

export function consumerRefundDeadlineReminder(
  r: ConsumerRefundDue,
  settings: ReminderSettings,
  today: string,
  rates: LegalRates = SHIPPED_LEGAL_RATES,
): Reminder | null {
  const current = increaseOn(r, today, rates);
  const warnFrom = addDays(current.deadline, -settings.consumerRefund.warnDaysBefore);
  if (today < warnFrom) return null;
  const late = current.daysLate > 0;
  const next = nextStep(r, today, current, rates);
  const day = late ? stepStart(r, today, current, rates) : warnFrom;

  const lines = late
    ? [
        `Le remboursement de ${frenchAmount(r.amount)} dû à ${r.customerName} (demande ${r.requestNumber}) devait être fait au plus tard le ${frenchDate(current.deadline)} (${r.scale === "L241-4" ? "Code de la consommation L216-7" : "Code de la consommation L221-24"}).`,
        `Avec ${current.daysLate} jour(s) de retard, la majoration légale due aujourd'hui est de ${frenchAmount(current.amount)} (${rateText(current)}, sans TVA, ${current.legalBasis}).`,
      ]
    : [
        `Le remboursement de ${frenchAmount(r.amount)} dû à ${r.customerName} (demande ${r.requestNumber}) doit être fait au plus tard le ${frenchDate(current.deadline)}, 14 jours après le ${frenchDate(r.terminationDate)}.`,
        "Passé ce délai, la somme due est majorée de plein droit.",
      ];
  if (next)
    lines.push(
      `À partir du ${frenchDate(next.day)}, la majoration passera à ${frenchAmount(next.increase.amount)} (${rateText(next.increase)}).`,
    );
  return {
    companyId: r.companyId,
    rule: "consumer-refund-deadline",
    level: late ? 2 : 1,
    target: `refund/${r.requestId}`,
    day,
    to: [...settings.recipients.accounting],
    cc: [],
    subject: late
      ? `Remboursement consommateur en retard – ${r.customerName} – majoration ${frenchAmount(current.amount)}`
      : `Remboursement consommateur à faire avant le ${frenchDate(current.deadline)} – ${r.customerName}`,
    text: ["Bonjour,", "", ...lines, "", `${settings.companyName} – Acompte`].join("\n"),
    summary: late
      ? `Retard de ${current.daysLate} j, majoration ${frenchAmount(current.amount)}`
      : `Délai légal au ${frenchDate(current.deadline)}`,
  };
}
