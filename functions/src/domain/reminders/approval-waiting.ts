import { addDays, frenchDate, latestOccurrence } from "../dates/calendar-day";
import type { Reminder } from "./reminder";
import type { ReminderSettings } from "./reminder-settings";
import { frenchAmount } from "./french-amount";

/** A refund request waiting for an approval step. */
export interface WaitingApproval {
  companyId: string;
  /** The request's id: what a reminder is about (its `target`), never shown. */
  requestId: string;
  /** The request's number, as people read it: `RB-2026-000012`. */
  requestNumber: string;
  customerName: string;
  /** Gross amount requested, decimal string. */
  amount: string;
  /** The approver role the request waits for. */
  step: "sales_approver" | "accounting_approver";
  /** Day the current step started waiting (submission, or the previous approval). */
  waitingSince: string;
  /** Who can approve this step, the requester already left out (nobody approves their own request). */
  approvers: string[];
}

const STEP = { sales_approver: "commerciale", accounting_approver: "comptable" } as const;

export function approvalWaitingReminder(
  req: WaitingApproval,
  settings: ReminderSettings,
  today: string,
): Reminder | null {
  if (req.approvers.length === 0) return null;
  const first = addDays(req.waitingSince, settings.approval.afterDays);
  const day = latestOccurrence(first, settings.approval.repeatEveryDays, today);
  if (!day) return null;
  const subject = `Remboursement en attente de votre validation ${STEP[req.step]} – ${req.customerName}`;
  const text = [
    "Bonjour,",
    "",
    `La demande de remboursement ${req.requestNumber} (${req.customerName}, ${frenchAmount(req.amount)}) attend votre validation ${STEP[req.step]} depuis le ${frenchDate(req.waitingSince)}.`,
    "Merci de l'approuver ou de la refuser depuis le module Acompte de Google Sheets.",
    "",
    `${settings.companyName} – Acompte`,
  ].join("\n");
  return {
    companyId: req.companyId,
    rule: "approval-waiting",
    level: 0,
    target: `refund/${req.requestId}/${req.step === "sales_approver" ? "sales" : "accounting"}`,
    day,
    to: [...req.approvers].sort(),
    cc: [],
    subject,
    text,
    summary: `Validation ${STEP[req.step]} en attente depuis le ${frenchDate(req.waitingSince)}`,
  };
}
