import type { Firestore } from "@google-cloud/firestore";
import { parisDay } from "../domain/reminders/calendar-day";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { COMPANIES } from "../model/collections";
import { computeCompanyDashboard } from "./company-dashboard";
import type { ScheduledJob } from "./scheduled-handler";

export interface DashboardJobDeps {
  /** Writes the figures to the `Tableau de bord` sheet (the Sheets layer plugs in here). */
  publish?: (db: Firestore, companyId: string, figures: DashboardFigures) => Promise<void>;
}

/**
 * Recomputes every company's dashboard and stores it at
 * companies/{c}/dashboards/{day} (the last one also as `latest`); running it
 * twice the same day rewrites the same figures.
 */
export function dashboardJob(deps: DashboardJobDeps = {}): ScheduledJob {
  return {
    name: "dashboard",
    async run({ db, now }) {
      const asOf = parisDay(now());
      let companies = 0;
      let documentsRead = 0;
      for await (const company of db
        .collection(COMPANIES)
        .select()
        .stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
        const { figures, documentsRead: reads } = await computeCompanyDashboard(db, company.id, asOf);
        const dashboards = company.ref.collection("dashboards");
        const batch = db.batch();
        batch.set(dashboards.doc(asOf), figures);
        batch.set(dashboards.doc("latest"), figures);
        await batch.commit();
        await deps.publish?.(db, company.id, figures);
        companies++;
        documentsRead += reads + 1;
      }
      return { asOf, companies, documentsRead };
    },
  };
}
