/**
 * The two Cloud Functions of the scheduled jobs, `reminders` and
 * `dashboard`. Configuration is read on the first call (not at import), so
 * loading the entry module never fails because a job's settings are missing.
 */
import { Firestore } from "@google-cloud/firestore";
import type { HttpFunction } from "@google-cloud/functions-framework";
import { dashboardJob } from "./dashboard-job";
import { firestoreReminderSource } from "./firestore-reminder-source";
import { loadJobConfig, loadSchedulerAuth } from "./job-config";
import { remindersJob } from "./reminders-job";
import { scheduledHandler } from "./scheduled-handler";
import { publishDashboard, publishRelances } from "./sheets-publisher";
import { SheetsGateway } from "../sheets/sheets-gateway";
import { sheetsApiFromEnv } from "../sheets/sheets-api";

type JobName = "reminders" | "dashboard";
const built: Partial<Record<JobName, HttpFunction>> = {};

/** Each function reads only its own settings: the dashboard is deployed without the mail settings and secrets. */
const builders: Record<JobName, () => HttpFunction> = {
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
};

function build(name: JobName): HttpFunction {
  return (built[name] ??= builders[name]());
}

function lazy(name: JobName): HttpFunction {
  return async (req, res) => {
    let handler: HttpFunction;
    try {
      handler = build(name);
    } catch (error) {
      console.error(error);
      res.status(500).json({ error: { code: "MISCONFIGURED", message: String((error as Error).message) } });
      return;
    }
    await handler(req, res);
  };
}

export const reminders = lazy("reminders");
export const dashboard = lazy("dashboard");

/** For tests: forget the configuration read on the first call. */
export function resetJobFunctions(): void {
  delete built.reminders;
  delete built.dashboard;
}
