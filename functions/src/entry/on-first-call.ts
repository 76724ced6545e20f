import type { HttpFunction } from "@google-cloud/functions-framework";

/**
 * An HTTP function whose code is loaded on its first request, not when the
 * entry module loads: loading the entry then costs the functions framework
 * and nothing else, and the dependencies (Firestore, google-auth-library,
 * the Sheets client, nodemailer) load once, on the first call. Concurrent
 * first calls share one load; a failed load is retried by the next call.
 */
export function onFirstCall(load: () => Promise<HttpFunction>): HttpFunction {
  let loading: Promise<HttpFunction> | undefined;
  return async (req, res) => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    const handler = await loading;
    await handler(req, res);
  };
}
