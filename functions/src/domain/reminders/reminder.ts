/**
 * A reminder the rules decided to send: who, why, which escalation level and
 * for which occurrence day. (rule, level, day, company, target) identifies it:
 * the outbox sends each identity once.
 */
export type ReminderRule =
  | "approval-waiting"
  | "instalment-due"
  | "consumer-refund-deadline"
  | "customer-overdue"
  /** An overdue insured invoice to declare to the credit insurer before the policy's deadline. */
  | "insurer-declaration"
  /** A half-year of legal rates is still missing: the admins add it (« Taux légaux »). */
  | "legal-rates-missing"
  /** Not a reminder: the notice of a refund request's step, sent once (refund-notice.ts). */
  | "refund-notice"
  /** Not a reminder: the daily anchor of the chains mailed to the auditors (functions/src/integrity). */
  | "integrity-anchor"
  /** Not a reminder: an issued document (invoice, credit note) mailed to the customer with its file; level n = n-th resend. */
  | "document"
  /** Not a reminder: a customer's weak signal told to sales and accounting once (customer-risk-signal.ts). */
  | "customer-risk-signal";

export interface Reminder {
  companyId: string;
  rule: ReminderRule;
  /** Escalation level (customer dunning: 1 courtesy, 2 firm, 3 formal notice); 0 for rules without levels. */
  level: number;
  /** What the reminder is about: a refund request, an instalment, an invoice… */
  target: string;
  /** The occurrence day (YYYY-MM-DD) derived from the documents, never from the run day, so reruns agree. */
  day: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** One line for the `Relances` sheet, in French. */
  summary: string;
  /**
   * customer-overdue: the penalty invoices the letter cites (numbers), when
   * any. Its record (letterSent) enqueues it only if the invoice has no
   * other by then, so a letter never asks again what was just invoiced.
   */
  penaltyInvoicesCited?: string[];
  /** document: the issued documents (`documents/{id}` of the company) attached, read from storage when sent. */
  attachments?: { documentId: string }[];
}

export function reminderId(r: Pick<Reminder, "companyId" | "rule" | "level" | "target" | "day">): string {
  // encodeURIComponent escapes "|" and "/", so the id is injective and a valid Firestore id.
  return [r.rule, String(r.level), r.day, encodeURIComponent(r.companyId), encodeURIComponent(r.target)].join("|");
}
