/**
 * The dashboard between two runs of the 06:00 job: after a company's
 * documents change (a deposit, a request, an approval, a payment, the
 * binding of its workbook), its figures are computed and written again once
 * changes have paused for `quietMs` — a burst of approvals costs one
 * computation, not one each.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { ChangeNotifier } from "../application/ports/change-notifier";
import { parisDay } from "../domain/dates/calendar-day";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { DASHBOARDS, COMPANIES } from "../model/collections";
import { computeCompanyDashboard } from "./company-dashboard";

export type PublishDashboard = (db: Firestore, companyId: string, figures: DashboardFigures) => Promise<void>;

/**
 * Computes one company's dashboard for `asOf`, stores it (the day's and
 * `latest`) and publishes it; what the 06:00 job does for each company.
 */
export async function refreshCompanyDashboard(
  db: Firestore,
  companyId: string,
  asOf: string,
  publish?: PublishDashboard,
): Promise<{ documentsRead: number; figures: DashboardFigures }> {
  const { figures, documentsRead } = await computeCompanyDashboard(db, companyId, asOf);
  await storeDashboard(db, companyId, asOf, figures);
  await publish?.(db, companyId, figures);
  return { documentsRead, figures };
}

/** The day's figures at companies/{c}/dashboards/{asOf}, and again as `latest`. */
export async function storeDashboard(
  db: Firestore,
  companyId: string,
  asOf: string,
  figures: DashboardFigures,
): Promise<void> {
  const dashboards = db.collection(COMPANIES).doc(companyId).collection(DASHBOARDS);
  const batch = db.batch();
  batch.set(dashboards.doc(asOf), figures);
  batch.set(dashboards.doc("latest"), figures);
  await batch.commit();
}

export interface DashboardNotifier extends ChangeNotifier {
  /** Runs the refreshes still waiting at once (tests, shutdown). */
  flush(): Promise<void>;
}

export function dashboardNotifier(
  db: Firestore,
  publish: PublishDashboard,
  { quietMs = 20_000, now = () => new Date(), log = console.error } = {},
): DashboardNotifier {
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  const refresh = (companyId: string) => {
    waiting.delete(companyId);
    const run = refreshCompanyDashboard(db, companyId, parisDay(now()), publish)
      .then(() => undefined)
      .catch((error: unknown) => log(`Tableau de bord of ${companyId} not refreshed; the 06:00 job rewrites it`, error))
      .finally(() => running.delete(run));
    running.add(run);
  };
  return {
    afterCommit(change) {
      clearTimeout(waiting.get(change.companyId));
      const timer = setTimeout(() => refresh(change.companyId), quietMs);
      timer.unref?.();
      waiting.set(change.companyId, timer);
    },
    async flush() {
      for (const [companyId, timer] of [...waiting]) {
        clearTimeout(timer);
        refresh(companyId);
      }
      await Promise.all([...running]);
    },
  };
}
