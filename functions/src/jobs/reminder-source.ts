/**
 * What the reminders job reads: for each company, only the documents whose
 * reminder is due (indexed queries, never a scan of all deposits), already
 * turned into the pure rule inputs.
 */
import type { WaitingApproval } from "../domain/reminders/approval-waiting";
import type { OpenInstalment } from "../domain/reminders/instalment-due";
import type { ReminderSettings } from "../domain/reminders/reminder-settings";
import type { Reminder } from "../domain/reminders/reminder";
import type { Insurer } from "../domain/customers/insurers";

export interface CompanyReminders {
  companyId: string;
  settings: ReminderSettings;
  /** The company's credit insurers (settings `insurers`); none: no declaration to remind. */
  insurers?: Insurer[];
}

export interface ReminderSource {
  companies(): AsyncIterable<CompanyReminders>;
  /** Every reminder due today for one company, from the due documents only. */
  dueReminders(company: CompanyReminders, today: string): AsyncIterable<Reminder>;
  /** Source documents read so far (the bench compares it with the number due). */
  documentsRead(): number;
  /** Documents a rule could not evaluate, with the engine's French message. */
  errors(): { target: string; message: string }[];
}

export type { WaitingApproval, OpenInstalment };
