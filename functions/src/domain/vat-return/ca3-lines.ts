import type { VatRate } from "../vat/vat-rates";

/**
 * Where each figure goes on the 3310-CA3 return (form in use since the 2022
 * redesign, DGFiP notice 3310-NOT-SD), operations in metropolitan France:
 * - A1 « Ventes, prestations de services »: the taxable bases of the period;
 * - 08 « Taux normal 20 % », 09 « Taux réduit 5,5 % », 9B « Taux réduit 10 % »:
 *   base and VAT per rate;
 * - 2.1 % in metropolitan France has no line of its own on the CA3 (its line 11
 *   is the DOM's 2.1 %): it goes on the annexe 3310-A (« taux particulier »,
 *   2,10 % France continentale) whose total is carried to CA3 line 14;
 * - 16 « Total de la TVA brute due »;
 * - credit notes are not deducted from the bases (a line cannot be negative):
 *   as the administration asks, their net amount goes on B5 « Régularisations »
 *   (the former 3C) and their VAT on 21 « Autre TVA à déduire » (the
 *   regularisation of VAT collected, CGI art. 272-1).
 * Assumption to check with the company's accountant; docs/vat-return.md.
 */
export const CA3_RATE_LINES: Record<Exclude<VatRate, "0">, { line: string; label: string }> = {
  "20": { line: "08", label: "Taux normal 20 %" },
  "5.5": { line: "09", label: "Taux réduit 5,5 %" },
  "10": { line: "9B", label: "Taux réduit 10 %" },
  "2.1": { line: "14", label: "Opérations imposables à un taux particulier (2,1 %, annexe 3310-A)" },
};

/** The order the form lists its rate lines in. */
export const CA3_RATES: readonly Exclude<VatRate, "0">[] = ["20", "5.5", "10", "2.1"];

/** The CA3 lines other than the rate lines: sales (A1), credit notes (B5 and 21), gross VAT (16) and the net checked against 44571. */
export const CA3_LABELS = {
  sales: { line: "A1", label: "Ventes, prestations de services" },
  regularisations: { line: "B5", label: "Régularisations (avoirs, montant HT)" },
  grossVat: { line: "16", label: "Total de la TVA brute due" },
  otherDeductible: { line: "21", label: "Autre TVA à déduire (régularisation de TVA collectée : avoirs)" },
  net: { line: "16 − 21", label: "TVA collectée nette, égale au mouvement du compte 44571" },
} as const;
