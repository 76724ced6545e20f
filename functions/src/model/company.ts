import type { Timestamp } from "@google-cloud/firestore";
import type { z } from "zod";
import type { companySettingsSchema } from "../workflow/bodies/company-body";

/**
 * companies/{c}.settings: everything per company that changes how the
 * workflow computes — the output of the schema an operator's settings are
 * validated with (functions/src/workflow/bodies/company-body.ts), so the
 * stored shape and its validation cannot drift apart.
 */
export type CompanySettings = z.output<typeof companySettingsSchema>;

/**
 * companies/{c}. `reminderSettings` is read by the reminders job (see
 * functions/src/domain/reminders/reminder-settings.ts for its shape).
 * `spreadsheetIds` are the workbooks bound to this company, written with
 * their workbooks/{id} registry entry (model/workbook.ts), which decides.
 */
export interface CompanyDoc {
  settings: CompanySettings;
  reminderSettings?: unknown;
  spreadsheetIds?: string[];
  createdAt: Timestamp;
}
