import type { Firestore } from "@google-cloud/firestore";
import { parisDay } from "../domain/dates/calendar-day";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { COMPANIES } from "../model/collections";
import { computeCompanyDashboard } from "./company-dashboard";
import { storeDashboard } from "./dashboard-refresh";
import type { ScheduledJob } from "./scheduled-handler";
import type { CustomerTableSink } from "./sheets-publisher";

export interface DashboardJobDeps {
  /** Writes the figures to the `Tableau de bord` sheet (the Sheets layer plugs in here). */
  publish?: (db: Firestore, companyId: string, figures: DashboardFigures) => Promise<void>;
  /** Takes the customer table's rows while they are computed (`Tableau clients`, sheets-publisher.ts). */
  customerTable?: (db: Firestore, companyId: string) => Promise<CustomerTableSink>;
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
      const unpublished: string[] = [];
      for await (const company of db
        .collection(COMPANIES)
        .select()
        .stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
        const table = await deps.customerTable?.(db, company.id);
        const { figures, documentsRead: reads } = await computeCompanyDashboard(db, company.id, asOf, table);
        await storeDashboard(db, company.id, asOf, figures);
        for (const publish of [() => table?.close(), () => deps.publish?.(db, company.id, figures)]) {
          try {
            await publish();
          } catch (error) {
            // The figures are stored; the other companies still get theirs; the run fails at the end so Scheduler retries.
            console.error(`Tableau de bord of ${company.id} not written`, error);
            if (!unpublished.includes(company.id)) unpublished.push(company.id);
          }
        }
        companies++;
        documentsRead += reads + 1;
      }
      if (unpublished.length > 0) throw new Error(`Tableau de bord non écrit pour : ${unpublished.join(", ")}`);
      return { asOf, companies, documentsRead };
    },
  };
}
