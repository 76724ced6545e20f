/** Entry module of the `dashboard` function (dist/functions/dashboard): registers `dashboard` and nothing else. */
import { http } from "@google-cloud/functions-framework";
import { onFirstCall } from "./on-first-call";

export const dashboard = onFirstCall(async () => (await import("../jobs/dashboard-function")).dashboardFromEnv());

http("dashboard", dashboard);
