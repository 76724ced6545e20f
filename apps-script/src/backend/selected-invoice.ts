import { cellUnder } from "./row-id";
import { selectedRecord } from "./selected-row";

const INVOICES = { sheet: "Factures", aRow: "la ligne d'une facture" };

/**
 * The invoice of the selected `Factures` row, named as the prompts show it
 * (« Facture FA-2026-000002 (Client) »), or the French problem to alert.
 */
export function selectedInvoice():
  { ok: true; id: string; name: string; type: string } | { ok: false; problem: string } {
  const picked = selectedRecord(
    INVOICES,
    "Cette facture n'est pas encore enregistrée (pas d'identifiant). Importez-la ou choisissez une autre ligne.",
  );
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
