import type { Firestore } from "@google-cloud/firestore";
import { parisDay } from "../domain/dates/calendar-day";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { COMPANIES } from "../model/collections";
import { refreshProfiles } from "../workflow/refresh-profiles";
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
 * twice the same day rewrites the same figures. Before its figures, each
 * company's stale customer profiles are refreshed (workflow/refresh-profiles.ts),
 * so the figures and the weak signals read the day's payments.
 */
export function dashboardJob(deps: DashboardJobDeps = {}): ScheduledJob {
  return {
    name: "dashboard",
    async run({ db, now }) {
      const asOf = parisDay(now());
      let companies = 0;
      let documentsRead = 0;
      let profilesRefreshed = 0;
      const unpublished: string[] = [];
      for await (const company of db
        .collection(COMPANIES)
        .select()
        .stream() as AsyncIterable<FirebaseFirestore.QueryDocumentSnapshot>) {
        const profiles = await refreshProfiles(db, company.id, now());
        profilesRefreshed += profiles.refreshed;
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
        documentsRead += reads + 1 + profiles.customersRead;
      }
      if (unpublished.length > 0) throw new Error(`Tableau de bord non écrit pour : ${unpublished.join(", ")}`);
      return { asOf, companies, documentsRead, profilesRefreshed };
    },
  };
}
