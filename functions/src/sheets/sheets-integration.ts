/**
 * What the `api` function needs from the Sheets layer, in one place: the
 * workbook routes and the after-commit write-back, sharing one client
 * (production credentials, or SHEETS_API_URL locally). The api app adds
 * `routes` to its routes and passes `notifier(db)` as its ChangeNotifier.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { ChangeNotifier } from "../app/change-notifier";
import type { Route } from "../http/route";
import { sheetsApiFromEnv } from "./sheets-api";
import { SheetsGateway } from "./sheets-gateway";
import { sheetsRoutes } from "./sheets-routes";
import { sheetsNotifier } from "./sync/sync-company";

export interface SheetsIntegration {
  gateway: SheetsGateway;
  routes: Route[];
  notifier(db: Firestore): ChangeNotifier;
}

export function sheetsIntegration(env: NodeJS.ProcessEnv = process.env): SheetsIntegration {
  const gateway = new SheetsGateway(sheetsApiFromEnv(env));
  return { gateway, routes: sheetsRoutes(gateway), notifier: (db) => sheetsNotifier({ db, gateway }) };
}
