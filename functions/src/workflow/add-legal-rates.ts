import { SHIPPED_LEGAL_RATES, hasHalfYear, halfYearName, withAddedHalfYears } from "../domain";
import { conflict } from "../errors/api-error";
import { LEGAL_RATES } from "../model/collections";
import type { LegalRatesDoc } from "../model/legal-rates";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { LegalRatesBody } from "./bodies/legal-rates-body";
import { addedHalfYears } from "./company-legal-rates";

/**
 * Adds a half-year of legal rates once: a rate in force is never edited,
 * since quotes already issued were computed with it (a wrong entry is a
 * matter for support, with the audit trail showing who typed it).
 * Answers every half-year the company added, this one included.
 */
export async function addLegalRates(uow: UnitOfWork, body: LegalRatesBody): Promise<LegalRatesDoc[]> {
  const before = await addedHalfYears(uow);
  if (hasHalfYear(withAddedHalfYears(SHIPPED_LEGAL_RATES, before), body.halfYear))
    throw conflict("RATES_ALREADY_SET", `Les taux du ${halfYearName(body.halfYear)} sont déjà renseignés.`);
  const doc: LegalRatesDoc = {
    from: body.halfYear,
    consumer: body.consumer,
    professional: body.professional,
    ecb: body.ecb,
    source: body.source,
    addedAt: uow.timestamp,
    addedBy: uow.actor,
  };
  uow.set(uow.collection(LEGAL_RATES).doc(body.halfYear), doc);
  uow.event("legal_rates.added", { kind: "legalRates", id: body.halfYear }, null, {
    consumer: doc.consumer,
    professional: doc.professional,
    ecb: doc.ecb,
    source: doc.source,
  });
  return [...before, doc].sort((a, b) => a.from.localeCompare(b.from));
}
