/** Entry module of the `anchors` function (dist/functions/anchors): registers `anchors` and nothing else. */
import { http } from "@google-cloud/functions-framework";
import { onFirstCall } from "./on-first-call";

export const anchors = onFirstCall(async () => (await import("../jobs/anchors-function")).anchorsFromEnv());

http("anchors", anchors);
