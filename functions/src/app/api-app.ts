import { Firestore } from "@google-cloud/firestore";
import { verifierFromEnv } from "../auth/auth-config";
import { createApiHandler } from "../http/api-handler";
import type { ApiDeps, Route } from "../http/route";
import { ROUTES } from "../http/routes";
import { sheetsApiFromEnv } from "../sheets/sheets-api";
import { SheetsGateway } from "../sheets/sheets-gateway";
import { CompanyQueue } from "../storage/company-queue";
import { workbookCommands } from "../sheets/workbook-commands";
import { workbookRoutes } from "../http/routes/workbook";
import { sheetsNotifier } from "../sheets/sync/sync-company";
import { allNotifiers, noopNotifier } from "../application/ports/change-notifier";
import { loadMailConfig } from "../jobs/job-config";
import { noticeDelivery } from "../jobs/notice-delivery";
import { outboxMailOf, type OutboxMail } from "../jobs/outbox-mail";
import { dashboardNotifier } from "../jobs/dashboard-refresh";
import { customerTableSheets, publishDashboard } from "../jobs/sheets-publisher";
import { systemClock } from "../application/ports/clock";
import { documentUploads } from "../application/documents";
import { documentBucketFromEnv } from "../storage/document-bucket";

/** The routes of the add-on's workbook actions on `gateway`. */
export function sheetsRoutes(gateway: SheetsGateway): Route[] {
  return workbookRoutes(workbookCommands(gateway));
}

/** The api function for explicit dependencies (tests, npm start, benchmarks); `extraRoutes` adds e.g. the Sheets routes. */
export function createApi(
  deps: Partial<ApiDeps> & Pick<ApiDeps, "db" | "verifier">,
  extraRoutes: readonly Route[] = [],
) {
  return createApiHandler(
    {
      ...deps,
      clock: deps.clock ?? systemClock,
      // Issued documents are uploaded before anything else hears of the change (a notice may attach them).
      notifier: allNotifiers(documentUploads(deps.db, documentBucketFromEnv()), deps.notifier ?? noopNotifier),
      companyQueue: deps.companyQueue ?? new CompanyQueue(),
    },
    [...ROUTES, ...extraRoutes],
  );
}

/**
 * The api with the Sheets routes, the Sheets write-back after each
 * committed change and, once changes pause, the company's dashboard and
 * customer table written again (not only by the 06:00 job); with `mail`, the
 * notices a change put in the outbox (refund request submitted, approved,
 * rejected) are sent right after it. `flush`, for a shutdown: the dashboard
 * refreshes still waiting for their quiet period run at once, and every
 * refresh is awaited, so none runs after the stores it writes are gone.
 */
export function createApiWithSheets(
  deps: Partial<ApiDeps> & Pick<ApiDeps, "db" | "verifier">,
  gateway: SheetsGateway,
  mail?: OutboxMail,
) {
  const sheets = sheetsNotifier({ db: deps.db, gateway });
  const dashboard = dashboardNotifier(deps.db, {
    publish: publishDashboard(gateway),
    customerTable: customerTableSheets(gateway),
  });
  const notifier = mail
    ? allNotifiers(noticeDelivery(deps.db, mail), sheets, dashboard)
    : allNotifiers(sheets, dashboard);
  return Object.assign(createApi({ ...deps, notifier }, sheetsRoutes(gateway)), { flush: () => dashboard.flush() });
}

/** The mail settings of the environment when it has them (MAIL_FROM set): the api then sends its notices at once. */
export function noticeMailFromEnv(env: NodeJS.ProcessEnv = process.env): OutboxMail | undefined {
  return env.MAIL_FROM ? outboxMailOf(loadMailConfig(env)) : undefined;
}

/**
 * The api function as deployed: Firestore from the environment (server
 * credentials), tokens verified per ACOMPTE_AUDIENCE, the Sheets routes and
 * the Sheets write-back after each committed change (SHEETS_API_URL points
 * at a local Sheets server when set). Built on first call so that loading
 * the module never needs configuration.
 */
export function apiFromEnv(env: NodeJS.ProcessEnv = process.env) {
  let handler: ReturnType<typeof createApi> | null = null;
  return (req: Parameters<ReturnType<typeof createApi>>[0], res: Parameters<ReturnType<typeof createApi>>[1]) => {
    if (!handler) {
      const db = new Firestore();
      const gateway = new SheetsGateway(sheetsApiFromEnv(env));
      handler = createApiWithSheets({ db, verifier: verifierFromEnv(env) }, gateway, noticeMailFromEnv(env));
    }
    return handler(req, res);
  };
}
