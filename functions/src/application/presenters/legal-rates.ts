import type { LegalHalfYear, LegalRatesAnswer } from "../../contract";
import { LegalRates, halfYearName, halfYearsToAdd } from "../../domain";
import type { LegalRatesDoc } from "../../model/legal-rates";

/** Every half-year in either table, newest first, with who added it; and what is missing as of `today`. */
export function legalRatesAnswer(rates: LegalRates, added: LegalRatesDoc[], today: string): LegalRatesAnswer {
  const starts = [...new Set([...rates.legalInterest, ...rates.ecb].map((r) => r.from))].sort().reverse();
  const halfYears = starts.map((from): LegalHalfYear => {
    const legal = rates.legalInterest.find((r) => r.from === from);
    const ecb = rates.ecb.find((r) => r.from === from);
    const byAdmin = added.find((r) => r.from === from);
    return {
      from,
      label: halfYearName(from),
      consumer: legal?.consumer ?? null,
      professional: legal?.professional ?? null,
      ecb: ecb?.rate ?? null,
      // Shipped rows carry both sources: the arrêté (legal interest) and the ECB decision.
      source: byAdmin?.source ?? ([legal?.source, ecb?.source].filter(Boolean).join(" ; ") || null),
      origin: byAdmin ? "added" : "shipped",
      addedBy: byAdmin?.addedBy ?? null,
    };
  });
  return { halfYears, missing: halfYearsToAdd(today, rates).map((from) => ({ from, label: halfYearName(from) })) };
}
