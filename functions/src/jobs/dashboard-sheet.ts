/**
 * The `Tableau de bord` sheet: label / value rows and three tables, in a
 * fixed layout (every status, bucket and week always has its row), so a
 * rewrite lands on the same cells and the charts' ranges stay valid.
 * Cells are the Sheets layer's typed cells (amounts as decimal strings).
 */
import { AGE_BUCKETS, AGE_BUCKET_LABELS, REFUND_STATUSES, REFUND_STATUS_LABELS } from "../domain";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { maskIban } from "../domain/bank/iban";
import { frenchDate } from "../domain/dates/calendar-day";
import { date, int, money, percent, text, type Cell } from "../sheets/cell";
import { RISK_CLASS_LABELS, money as toMoney } from "../domain";
import {
  CLASSES_AND_NONE,
  TOP_EXPOSURES,
  type CustomerDashboardFigures,
} from "../domain/dashboard/customer-table-accumulator";

export interface ChartSpec {
  title: string;
  /** Zero-based, end-exclusive rows of the table (header row included), columns A:B. */
  startRow: number;
  endRow: number;
}

export interface DashboardSheet {
  rows: [Cell, Cell | null][];
  charts: ChartSpec[];
}

/** Days as the dashboard writes them: « 12,4 », a dash when there is no figure. */
export const dayCell = (value: number | string | null) => text(value === null ? "–" : String(value).replace(".", ","));

export function dashboardSheet(f: DashboardFigures): DashboardSheet {
  const rows: [Cell, Cell | null][] = [];
  const charts: ChartSpec[] = [];
  const line = (label: string, value: Cell | null = null) => rows.push([text(label), value]);
  const table = (title: string, header: [string, string], data: [Cell, Cell][], chart: boolean) => {
    line("");
    line(title);
    const start = rows.length;
    rows.push([text(header[0]), text(header[1])]);
    rows.push(...data);
    if (chart) charts.push({ title, startRow: start, endRow: rows.length });
  };

  line("Tableau de bord", text(`au ${frenchDate(f.asOf)}`));
  line("");
  line("Acomptes reçus (nombre)", int(f.deposits.count));
  line("Acomptes reçus (TTC)", money(f.deposits.gross));
  line("Solde remboursable", money(f.refundableBalance));
  line("Remboursements dus cette semaine", money(f.refundsDue.thisWeek));
  line("Remboursements dus ce mois-ci", money(f.refundsDue.thisMonth));
  line("Remboursements en retard", money(f.refundsDue.overdue));
  line(
    "Délai moyen de remboursement, demande → paiement (jours)",
    dayCell(f.refundCycleDays.mean === null ? null : f.refundCycleDays.mean.toFixed(1)),
  );
  line("Délai de remboursement, 90e centile (jours)", dayCell(f.refundCycleDays.p90));
  line("Remboursements consommateurs en retard (nombre)", int(f.lateConsumerRefunds.count));
  line("Majorations légales dues pour ces retards (sans TVA)", money(f.lateConsumerRefunds.increases));
  line(
    "Part des factures payées en retard",
    f.invoicesPaidLate.share === null ? text("–") : percent((f.invoicesPaidLate.share * 100).toFixed(2)),
  );
  line(
    `DSO, méthode du ratio (du ${frenchDate(f.dso.from)} au ${frenchDate(f.dso.to)}, jours)`,
    dayCell(f.dso.ratioDays),
  );
  line("DSO, méthode par épuisement (jours)", dayCell(f.dso.countBackDays));

  table(
    "Demandes de remboursement par statut",
    ["Statut", "Nombre"],
    REFUND_STATUSES.map((s) => [text(REFUND_STATUS_LABELS[s]), int(f.requestsByStatus[s] ?? 0)]),
    false,
  );
  table(
    "Balance âgée des créances clients (TTC)",
    ["Tranche", "Montant"],
    [...AGE_BUCKETS.map((b): [Cell, Cell] => [text(AGE_BUCKET_LABELS[b]), money(f.agedBalance[b])])],
    true,
  );
  line("Total des factures ouvertes", money(f.agedBalance.total));
  line("Avoirs et paiements non lettrés", money(f.agedBalance.unallocatedCredits));
  line("Solde net", money(f.agedBalance.net));
  table(
    "Prévision des décaissements (12 semaines)",
    ["Semaine du", "Montant"],
    f.cashOutForecast.map((w): [Cell, Cell] => [date(w.weekStart), money(w.amount)]),
    true,
  );
  // Last, not under the aged balance: the charts are added once with their ranges, and a row inserted above
  // the forecast would shift an existing sheet's forecast chart by one row.
  line("");
  line(
    "Balance âgée : dont factures de pénalités de retard (produits financiers, hors DSO)",
    money(f.agedBalance.penaltyInvoices),
  );
  bankRows(f, line);
  if (f.customers) customerRows(f.customers, line);
  return { rows, charts };
}

const shareCell = (share: string | null) =>
  share === null ? text("–") : percent(toMoney(share).times(100).toFixed(2));

/**
 * The customer dashboard's summary, last (rows above and the charts' ranges
 * never move): always the same rows, the top exposures padded with dashes to
 * TOP_EXPOSURES; the whole table is « Tableau clients ».
 */
function customerRows(c: CustomerDashboardFigures, line: (label: string, value?: Cell | null) => void): void {
  line("");
  line("Clients (fiches, hors doublons fusionnés)", int(c.customers));
  line("Exposition totale (créances + commandes en cours − acomptes détenus)", money(c.exposure));
  for (const k of CLASSES_AND_NONE) {
    const label = k === "none" ? "Sans profil de risque" : RISK_CLASS_LABELS[k];
    line(`${label} : clients`, int(c.byClass[k].count));
    line(`${label} : exposition`, money(c.byClass[k].exposure));
  }
  line("Créances clients ouvertes (hors pénalités)", money(c.receivables.total));
  line("dont couvertes par l'assurance-crédit", money(c.receivables.insured));
  line("Part des créances assurées", shareCell(c.receivables.insuredShare));
  line("dont cédées à un factor (affacturage)", money(c.receivables.factored));
  line("Part des créances affacturées", shareCell(c.receivables.factoredShare));
  line("");
  line(`Plus fortes expositions (${TOP_EXPOSURES})`);
  line("Client (classe)", text("Exposition"));
  for (let i = 0; i < TOP_EXPOSURES; i++) {
    const r = c.topExposures[i];
    if (!r) line("–", null);
    else line(`${r.name} (${r.riskClass ? `classe ${r.riskClass}` : "sans profil"})`, money(r.exposure));
  }
}

/**
 * Always the same seven rows (a dash where no statement was imported), after
 * everything else, so the rows above and the charts' ranges never move.
 */
function bankRows(f: DashboardFigures, line: (label: string, value?: Cell | null) => void): void {
  const s = f.bank.statement;
  const none = text("–");
  line("");
  line(
    "Banque : dernier relevé importé",
    s ? text(`${s.statementId} (compte ${maskIban(s.accountIban)}) au ${frenchDate(s.date)}`) : text("aucun relevé"),
  );
  line("Solde bancaire en fin de relevé", s ? money(s.bankBalance) : none);
  line("Solde comptable du compte banque (512) à la date du relevé", s ? money(s.bookBalance) : none);
  line("Écart banque − comptabilité", s ? money(s.difference) : none);
  line("Opérations bancaires à rapprocher (nombre)", int(f.bank.toReconcile.count));
  line("Encaissements à rapprocher", money(f.bank.toReconcile.credits));
  line("Décaissements à rapprocher", money(f.bank.toReconcile.debits));
}
