import type { SelectedInvoiceRow } from "../interfaces/sidebar-context";
import { cellUnder, idFromRow } from "./row-id";
import { readSelectedRow, selectedRecord } from "./selected-row";

const INVOICES = { sheet: "Factures", aRow: "la ligne d'une facture" };
const WITHOUT_ID =
  "Cette facture n'est pas encore enregistrée (pas d'identifiant). Importez-la ou choisissez une autre ligne.";

/**
 * The invoice of the selected `Factures` row, named as the prompts show it
 * (« Facture FA-2026-000002 (Client) »), or the French problem to alert.
 */
export function selectedInvoice():
  { ok: true; id: string; name: string; type: string } | { ok: false; problem: string } {
  const picked = selectedRecord(INVOICES, WITHOUT_ID);
  if (!picked.ok) return picked;
  const number = cellUnder(picked.headers, picked.values, "Numéro");
  const client = cellUnder(picked.headers, picked.values, "Client");
  return {
    ok: true,
    id: picked.id,
    name: `Facture ${number || picked.id}${client ? ` (${client})` : ""}`,
    type: cellUnder(picked.headers, picked.values, "Type"),
  };
}

/**
 * Reading only, for the sidebar's poll: the invoice of the selected
 * `Factures` row (the first one of a selection), or why there is none; null
 * when another sheet is active.
 */
export function selectedInvoiceRow(): SelectedInvoiceRow | null {
  if (SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName() !== INVOICES.sheet) return null;
  const selected = readSelectedRow(INVOICES);
  if (!selected.ok) return { row: null, invoiceId: null, problem: selected.problem };
  const reading = idFromRow(INVOICES.sheet, selected.headers, selected.values, WITHOUT_ID);
  return reading.ok
    ? { row: selected.row, invoiceId: reading.id, problem: null }
    : { row: selected.row, invoiceId: null, problem: reading.problem };
}
