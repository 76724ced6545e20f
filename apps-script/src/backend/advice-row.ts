/**
 * The customer and the order typed in an `Acomptes` row, as the query of
 * GET …/customers/advice: the functions resolve the customer and compute the
 * amounts (the VAT, the deposit) as the import would; this only reads cells.
 */
import { cellUnder, idColumnIndex } from "./row-id";

export type AdviceReading = { ok: true; query: string } | { ok: false; problem: string };

/** A number cell as the sheet holds it (12000) or a French text (« 12 000,00 », « 20 % », « 5,5 »), as a decimal string. */
export function decimalText(cell: string): string {
  return cell.replace(/[\s\u00a0\u202f%€]/g, "").replace(",", ".");
}

export function adviceQueryOfRow(headers: unknown[], values: unknown[]): AdviceReading {
  const column = idColumnIndex(headers);
  if (column >= 0 && String(values[column] ?? "").trim() !== "")
    return { ok: false, problem: "Cet acompte est déjà enregistré." };
  const cell = (header: string) => cellUnder(headers, values, header);
  const customer = { siren: decimalText(cell("SIREN")), email: cell("E-mail"), name: cell("Client") };
  const net = decimalText(cell("Commande HT"));
  if (!customer.siren && !customer.email && !customer.name)
    return { ok: false, problem: "Saisissez le client (« Client », « SIREN » ou « E-mail ») pour voir le conseil." };
  if (!net) return { ok: false, problem: "Saisissez le montant « Commande HT » pour voir le conseil." };
  const parameters: [string, string][] = [
    ["siren", customer.siren],
    ["email", customer.email],
    ["name", customer.name],
    ["net", net],
    ["vatRate", decimalText(cell("Taux TVA"))],
    ["depositPercent", decimalText(cell("Acompte (%)"))],
    ["deposit", decimalText(cell("Acompte TTC"))],
  ];
  return {
    ok: true,
    query: parameters
      .filter(([, value]) => value !== "")
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join("&"),
  };
}
