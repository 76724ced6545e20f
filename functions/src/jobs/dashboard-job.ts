import { parisDay } from "../domain/dates/calendar-day";
import { COMPANIES } from "../model/collections";
import { refreshProfiles } from "../workflow/refresh-profiles";
import { refreshCompanyDashboard, type DashboardSheets } from "./dashboard-refresh";
import type { ScheduledJob } from "./scheduled-handler";

/** The sheets the job writes: `Tableau de bord` and `Tableau clients` (dashboard-refresh.ts). */
export type DashboardJobDeps = DashboardSheets;

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
        // The figures are stored even when a sheet is not written; the other companies still get theirs.
        const { documentsRead: reads, written } = await refreshCompanyDashboard(db, company.id, asOf, deps);
        // The run fails at the end so Scheduler retries.
        if (!written) unpublished.push(company.id);
        companies++;
        documentsRead += reads + 1 + profiles.customersRead;
      }
      if (unpublished.length > 0) throw new Error(`Tableau de bord non écrit pour : ${unpublished.join(", ")}`);
      return { asOf, companies, documentsRead, profilesRefreshed };
    },
  };
}
