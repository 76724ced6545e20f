/** Entry module of the `api` function (dist/functions/api): registers `api` and nothing else. */
import { http, type HttpFunction } from "@google-cloud/functions-framework";
import { onFirstCall } from "./on-first-call";

export const api = onFirstCall(async () => (await import("../app/api-app")).apiFromEnv() as HttpFunction);

http("api", api);
