import { addDays, frenchDate, latestOccurrence } from "../dates/calendar-day";
import type { Reminder } from "./reminder";
import type { ReminderSettings } from "./reminder-settings";
import { frenchAmount } from "./french-amount";

/** An unpaid refund instalment (échéance) of an approved refund. */
export interface OpenInstalment {
  companyId: string;
  /** The request's id: what a reminder is about (its `target`), never shown. */
  requestId: string;
  /** The request's number, as people read it: `RB-2026-000012`. */
  requestNumber: string;
  creditNoteNumber: string;
  customerName: string;
  number: number;
  count: number;
  amount: string;
  dueDate: string;
}

/** Level 1: due within `daysBefore` days; level 2: overdue, repeated every `overdueRepeatEveryDays`. */
export function instalmentDueReminder(
  inst: OpenInstalment,
  settings: ReminderSettings,
  today: string,
): Reminder | null {
  const overdue = today > inst.dueDate;
  const day = overdue
    ? latestOccurrence(addDays(inst.dueDate, 1), settings.instalment.overdueRepeatEveryDays, today)
    : latestOccurrence(addDays(inst.dueDate, -settings.instalment.daysBefore), 0, today);
  if (!day) return null;
  const what = `l'échéance ${inst.number}/${inst.count} du remboursement ${inst.requestNumber} (avoir ${inst.creditNoteNumber}, ${inst.customerName})`;
  const subject = overdue
    ? `Échéance de remboursement en retard – ${inst.customerName} – ${frenchAmount(inst.amount)}`
    : `Échéance de remboursement à payer le ${frenchDate(inst.dueDate)} – ${inst.customerName}`;
  const body = overdue
    ? `Le paiement de ${what}, d'un montant de ${frenchAmount(inst.amount)}, était attendu le ${frenchDate(inst.dueDate)} et n'est pas enregistré.`
    : `Le paiement de ${what}, d'un montant de ${frenchAmount(inst.amount)}, est à effectuer au plus tard le ${frenchDate(inst.dueDate)}.`;
  return {
    companyId: inst.companyId,
    rule: "instalment-due",
    level: overdue ? 2 : 1,
    target: `refund/${inst.requestId}/instalment/${inst.number}`,
    day,
    to: [...settings.recipients.treasury],
    cc: [],
    subject,
    text: [
      "Bonjour,",
      "",
      body,
      "Une fois le virement fait, enregistrez-le dans Acompte pour arrêter les rappels.",
      "",
      `${settings.companyName} – Acompte`,
    ].join("\n"),
    summary: overdue
      ? `Échéance ${inst.number}/${inst.count} en retard (${frenchDate(inst.dueDate)})`
      : `Échéance ${inst.number}/${inst.count} au ${frenchDate(inst.dueDate)}`,
  };
}
