/** Entry module of the `reminders` function (dist/functions/reminders): registers `reminders` and nothing else. */
import { http } from "@google-cloud/functions-framework";
import { onFirstCall } from "./on-first-call";

export const reminders = onFirstCall(async () => (await import("../jobs/reminders-function")).remindersFromEnv());

http("reminders", reminders);
