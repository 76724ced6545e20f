/**
 * The `reminders` Cloud Function as deployed: its settings (job-config) and
 * Firestore from the environment, read on the first call; the `Relances`
 * sheet of every bound workbook written after each run. Each call of
 * remindersFromEnv gives a function not yet configured.
 */
import { Firestore } from "@google-cloud/firestore";
import type { HttpFunction } from "@google-cloud/functions-framework";
import { sheetsApiFromEnv } from "../sheets/sheets-api";
import { SheetsGateway } from "../sheets/sheets-gateway";
import { builtOnFirstCall } from "./built-on-first-call";
import { firestoreReminderSource } from "./firestore-reminder-source";
import { loadJobConfig } from "./job-config";
import { outboxMailOf } from "./outbox-mail";
import { remindersJob } from "./reminders-job";
import { scheduledHandler } from "./scheduled-handler";
import { publishRelances } from "./sheets-publisher";

export function remindersFromEnv(): HttpFunction {
  return builtOnFirstCall("reminders", () => {
    const config = loadJobConfig();
    return scheduledHandler(
      remindersJob({
        source: firestoreReminderSource,
        ...outboxMailOf(config),
        afterRun: publishRelances(new SheetsGateway(sheetsApiFromEnv())),
      }),
      { db: new Firestore(), auth: config.auth },
    );
  });
}
