/**
 * The `anchors` Cloud Function as deployed: its settings (job-config: it
 * mails the auditors, so it needs the mail settings of the reminders) and
 * Firestore from the environment, read on the first call; the `Intégrité`
 * sheet of every bound workbook appended to. Each call of anchorsFromEnv
 * gives a function not yet configured.
 */
import { Firestore } from "@google-cloud/firestore";
import type { HttpFunction } from "@google-cloud/functions-framework";
import { sheetsApiFromEnv } from "../sheets/sheets-api";
import { SheetsGateway } from "../sheets/sheets-gateway";
import { anchorsJob } from "./anchors-job";
import { builtOnFirstCall } from "./built-on-first-call";
import { loadJobConfig } from "./job-config";
import { outboxMailOf } from "./outbox-mail";
import { scheduledHandler } from "./scheduled-handler";
import { publishIntegrity } from "./sheets-publisher";

export function anchorsFromEnv(): HttpFunction {
  return builtOnFirstCall("anchors", () => {
    const config = loadJobConfig();
    return scheduledHandler(
      anchorsJob({
        ...outboxMailOf(config),
        publish: publishIntegrity(new SheetsGateway(sheetsApiFromEnv())),
      }),
      { db: new Firestore(), auth: config.auth },
    );
  });
}
