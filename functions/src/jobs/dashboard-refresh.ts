/**
 * The dashboard between two runs of the 06:00 job: after a company's
 * documents change (a deposit, a request, an approval, a payment, the
 * binding of its workbook), its figures are computed and written again, and
 * « Tableau clients » with them, once changes have paused for `quietMs` — a
 * burst of approvals costs one computation, not one each.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { ChangeNotifier } from "../application/ports/change-notifier";
import { parisDay } from "../domain/dates/calendar-day";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { DASHBOARDS, COMPANIES } from "../model/collections";
import { computeCompanyDashboard } from "./company-dashboard";
import type { CustomerTableSink } from "./sheets-publisher";

export type PublishDashboard = (db: Firestore, companyId: string, figures: DashboardFigures) => Promise<void>;

/** Where a company's dashboard is written besides Firestore (the Sheets layer plugs in here; absent: not written). */
export interface DashboardSheets {
  /** Writes the figures to the `Tableau de bord` sheet. */
  publish?: PublishDashboard;
  /** Takes the customer table's rows while they are computed (`Tableau clients`, sheets-publisher.ts). */
  customerTable?: (db: Firestore, companyId: string) => Promise<CustomerTableSink>;
}

/**
 * Computes one company's dashboard for `asOf`, stores it (the day's and
 * `latest`) and writes its sheets, the customer table streamed as it is
 * computed: what the 06:00 job does for each company. A sheet that could not
 * be written is logged and `written` is false; the other is still written,
 * and the figures are stored either way.
 */
export async function refreshCompanyDashboard(
  db: Firestore,
  companyId: string,
  asOf: string,
  sheets: DashboardSheets = {},
): Promise<{ documentsRead: number; figures: DashboardFigures; written: boolean }> {
  const table = await sheets.customerTable?.(db, companyId);
  const { figures, documentsRead } = await computeCompanyDashboard(db, companyId, asOf, table);
  await storeDashboard(db, companyId, asOf, figures);
  let written = true;
  for (const write of [() => table?.close(), () => sheets.publish?.(db, companyId, figures)]) {
    try {
      await write();
    } catch (error) {
      // The figures are stored; the next refresh (or the 06:00 job) writes the sheets whole again.
      console.error(`Tableau de bord of ${companyId} not written`, error);
      written = false;
    }
  }
  return { documentsRead, figures, written };
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
  sheets: DashboardSheets,
  { quietMs = 20_000, now = () => new Date(), log = console.error } = {},
): DashboardNotifier {
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  /** Each company's last refresh: the next one starts after it, so two never stream into « Tableau clients » at once. */
  const last = new Map<string, Promise<void>>();
  const refresh = (companyId: string) => {
    waiting.delete(companyId);
    const run: Promise<void> = (last.get(companyId) ?? Promise.resolve())
      .then(() => refreshCompanyDashboard(db, companyId, parisDay(now()), sheets))
      .then(() => undefined)
      .catch((error: unknown) => log(`Tableau de bord of ${companyId} not refreshed; the 06:00 job rewrites it`, error))
      .finally(() => {
        if (last.get(companyId) === run) last.delete(companyId);
      });
    last.set(companyId, run);
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
      await Promise.all([...last.values()]);
    },
  };
}
