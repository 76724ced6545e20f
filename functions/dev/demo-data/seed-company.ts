import { Firestore, Timestamp } from "@google-cloud/firestore";
import { COMPANIES, USERS } from "../../src/model/collections";
import type { CompanyDoc } from "../../src/model/company";
import type { UserDoc } from "../../src/model/roles";
import { ReminderSettings, reminderSettingsSchema } from "../../src/domain/reminders/reminder-settings";
import type { DemoCompany } from "./companies";

/** Reminder delays and recipients the reminders job reads (functions/src/domain/reminders/reminder-settings.ts). */
function reminderSettings(company: DemoCompany): ReminderSettings {
  const withRole = (role: string) =>
    Object.entries(company.users)
      .filter(([, roles]) => roles.includes(role as never))
      .map(([email]) => email);
  return reminderSettingsSchema.parse({
    companyName: company.settings.name,
    recipients: {
      treasury: withRole("accounting_approver"),
      accounting: withRole("accounting_approver"),
      auditors: company.auditors ?? [],
    },
  });
}

/** Bootstrap a company as an operator would (the api has no "create company" route): settings and members. */
export async function seedCompany(db: Firestore, company: DemoCompany): Promise<void> {
  const ref = db.collection(COMPANIES).doc(company.id);
  const doc: CompanyDoc = {
    settings: company.settings,
    reminderSettings: reminderSettings(company),
    createdAt: Timestamp.now(),
  };
  await ref.set(doc);
  for (const [email, roles] of Object.entries(company.users)) {
    const user: UserDoc = { email, roles, updatedAt: Timestamp.now(), updatedBy: "demo-data" };
    await ref.collection(USERS).doc(email).set(user);
  }
}
