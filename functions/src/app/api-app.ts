import { Firestore } from "@google-cloud/firestore";
import { verifierFromEnv } from "../auth/auth-config";
import { createApiHandler } from "../http/api-handler";
import type { ApiDeps } from "../http/route";
import { ROUTES } from "../http/routes";
import { ChangeNotifier, noopNotifier } from "./change-notifier";
import { systemClock } from "./clock";

/** The api function for explicit dependencies (tests, npm start, benchmarks). */
export function createApi(deps: Partial<ApiDeps> & Pick<ApiDeps, "db" | "verifier">) {
  return createApiHandler({ clock: systemClock, notifier: noopNotifier, ...deps }, ROUTES);
}

/**
 * The api function as deployed: Firestore from the environment (server
 * credentials), tokens verified per ACOMPTE_AUDIENCE. Built on first call so
 * that loading the module never needs configuration.
 */
export function apiFromEnv(env: NodeJS.ProcessEnv = process.env, notifier: ChangeNotifier = noopNotifier) {
  let handler: ReturnType<typeof createApi> | null = null;
  return (req: Parameters<ReturnType<typeof createApi>>[0], res: Parameters<ReturnType<typeof createApi>>[1]) => {
    handler ??= createApi({ db: new Firestore(), verifier: verifierFromEnv(env), notifier });
    return handler(req, res);
  };
}
