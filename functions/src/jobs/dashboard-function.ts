/**
 * The `dashboard` Cloud Function as deployed: who may trigger it
 * (scheduler-config: it sends no mail, so it needs no mail setting and loads
 * no mail code) and Firestore from the environment, read on the first call;
 * `Tableau de bord` and `Tableau clients` written in every bound workbook. Each call of
 * dashboardFromEnv gives a function not yet configured.
 */
import { Firestore } from "@google-cloud/firestore";
import type { HttpFunction } from "@google-cloud/functions-framework";
import { sheetsApiFromEnv } from "../sheets/sheets-api";
import { SheetsGateway } from "../sheets/sheets-gateway";
import { builtOnFirstCall } from "./built-on-first-call";
import { dashboardJob } from "./dashboard-job";
import { scheduledHandler } from "./scheduled-handler";
import { loadSchedulerAuth } from "./scheduler-config";
import { customerTableSheets, publishDashboard } from "./sheets-publisher";

export function dashboardFromEnv(): HttpFunction {
  return builtOnFirstCall("dashboard", () => {
    const gateway = new SheetsGateway(sheetsApiFromEnv());
    return scheduledHandler(
      dashboardJob({ publish: publishDashboard(gateway), customerTable: customerTableSheets(gateway) }),
      { db: new Firestore(), auth: loadSchedulerAuth() },
    );
  });
}
