// Entry module loaded by Cloud Functions: registers every function.
import { http } from "@google-cloud/functions-framework";
import { apiFromEnv } from "./app/api-app";

http("api", apiFromEnv() as Parameters<typeof http>[1]);

export { reminders, dashboard, anchors } from "./jobs/functions";
