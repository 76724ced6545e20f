/**
 * The `Tableau de bord` sheet as cells plus chart specifications, for the
 * Sheets layer to write in one call. Amounts stay decimal strings typed
 * "money" (the writer formats them `# ##0,00 €`); every label is ours, no
 * user text is written here.
 */
import { frenchDate } from "../reminders/calendar-day";
import type { DashboardFigures } from "./dashboard-accumulator";

export type DashboardCell =
  | { type: "text"; value: string }
  | { type: "money"; value: string }
  | { type: "number"; value: number | null }
  | { type: "percent"; value: number | null }
  | { type: "date"; value: string };

export interface ChartSpec {
  title: string;
  kind: "COLUMN";
  /** Zero-based, end-exclusive rows of the table (header row included), columns A:B. */
  startRow: number;
  endRow: number;
}

export interface DashboardSheet {
  rows: DashboardCell[][];
  charts: ChartSpec[];
}

const text = (value: string): DashboardCell => ({ type: "text", value });
const amount = (value: string): DashboardCell => ({ type: "money", value });
const num = (value: number | null): DashboardCell => ({ type: "number", value });

const STATUS_LABEL: Record<string, string> = {
  draft: "Brouillon",
  submitted: "Soumise",
  sales_approved: "Validée (commercial)",
  accounting_approved: "Validée (comptabilité)",
  approved: "Approuvée",
  rejected: "Refusée",
  cancelled: "Annulée",
  refunded: "Remboursée",
};

export function dashboardSheet(f: DashboardFigures): DashboardSheet {
  const rows: DashboardCell[][] = [];
  const charts: ChartSpec[] = [];
  const line = (...cells: DashboardCell[]) => rows.push(cells);
  const table = (title: string, header: [string, string], data: DashboardCell[][], chart: boolean) => {
    line();
    line(text(title));
    const start = rows.length;
    line(text(header[0]), text(header[1]));
    data.forEach((r) => line(...r));
    if (chart) charts.push({ title, kind: "COLUMN", startRow: start, endRow: rows.length });
  };

  line(text("Tableau de bord"), text(`au ${frenchDate(f.asOf)}`));
  line();
  line(text("Acomptes reçus (nombre)"), num(f.deposits.count));
  line(text("Acomptes reçus (TTC)"), amount(f.deposits.gross));
  line(text("Solde remboursable"), amount(f.refundableBalance));
  line(text("Remboursements dus cette semaine"), amount(f.refundsDue.thisWeek));
  line(text("Remboursements dus ce mois-ci"), amount(f.refundsDue.thisMonth));
  line(text("Remboursements en retard"), amount(f.refundsDue.overdue));
  line(text("Délai moyen de remboursement (jours, demande → paiement)"), num(f.refundCycleDays.mean === null ? null : Math.round(f.refundCycleDays.mean * 10) / 10));
  line(text("Délai de remboursement, 90e centile (jours)"), num(f.refundCycleDays.p90));
  line(text("Factures payées en retard"), { type: "percent", value: f.invoicesPaidLate.share });

  table(
    "Demandes par statut",
    ["Statut", "Nombre"],
    Object.entries(f.requestsByStatus).map(([status, count]) => [text(STATUS_LABEL[status] ?? status), num(count)]),
    false,
  );
  table(
    "Prévision des décaissements (12 semaines)",
    ["Semaine du", "Montant"],
    f.cashOutForecast.map((w) => [{ type: "date", value: w.weekStart }, amount(w.amount)]),
    true,
  );
  return { rows, charts };
}
