/**
 * The Cloud Functions of the scheduled jobs, `reminders`, `dashboard` and
 * `anchors`. Configuration is read on the first call (not at import), so
 * loading the entry module never fails because a job's settings are missing.
 */
import { Firestore } from "@google-cloud/firestore";
import type { HttpFunction } from "@google-cloud/functions-framework";
import { dashboardJob } from "./dashboard-job";
import { firestoreReminderSource } from "./firestore-reminder-source";
import { loadJobConfig, loadSchedulerAuth } from "./job-config";
import { remindersJob } from "./reminders-job";
import { scheduledHandler } from "./scheduled-handler";
import { publishDashboard, publishIntegrity, publishRelances } from "./sheets-publisher";
import { anchorsJob } from "./anchors-job";
import { SheetsGateway } from "../sheets/sheets-gateway";
import { sheetsApiFromEnv } from "../sheets/sheets-api";

type JobName = "reminders" | "dashboard" | "anchors";

const built: Partial<Record<JobName, HttpFunction>> = {};

/** Each job reads only its own settings: the dashboard sends no mail, so it needs no mail settings. */
const BUILDERS: Record<JobName, () => HttpFunction> = {
  reminders: () => {
    const config = loadJobConfig();
    return scheduledHandler(
      remindersJob({
        source: firestoreReminderSource,
        transport: config.transport,
        from: config.from,
        messageIdDomain: config.messageIdDomain,
        delivery: { onUnknownOutcome: config.onUnknownOutcome },
        afterRun: publishRelances(new SheetsGateway(sheetsApiFromEnv())),
      }),
      { db: new Firestore(), auth: config.auth },
    );
  },
  dashboard: () =>
    scheduledHandler(dashboardJob({ publish: publishDashboard(new SheetsGateway(sheetsApiFromEnv())) }), {
      db: new Firestore(),
      auth: loadSchedulerAuth(),
    }),
  anchors: () => {
    const config = loadJobConfig();
    return scheduledHandler(
      anchorsJob({
        transport: config.transport,
        from: config.from,
        messageIdDomain: config.messageIdDomain,
        delivery: { onUnknownOutcome: config.onUnknownOutcome },
        publish: publishIntegrity(new SheetsGateway(sheetsApiFromEnv())),
      }),
      { db: new Firestore(), auth: config.auth },
    );
  },
};

function lazy(name: JobName): HttpFunction {
  return async (req, res) => {
    let handler: HttpFunction;
    try {
      handler = built[name] ??= BUILDERS[name]();
    } catch (error) {
      // The operator reads the variables' names in the logs; the caller, maybe anyone, learns nothing of them.
      console.error(`${name}: configuration error`, error);
      res.status(500).json({
        error: {
          code: "MISCONFIGURED",
          message: "Tâche mal configurée : l'administrateur trouvera le détail dans les journaux du service.",
        },
      });
      return;
    }
    await handler(req, res);
  };
}

export const reminders = lazy("reminders");
export const dashboard = lazy("dashboard");
export const anchors = lazy("anchors");

/** For tests: forget the configuration read on the first call. */
export function resetJobFunctions(): void {
  delete built.reminders;
  delete built.dashboard;
  delete built.anchors;
}
