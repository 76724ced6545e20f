import type { HalfYearRates } from "../domain";

/** companies/{id}/legalRates/{from}: a half-year of legal rates an admin added, never changed afterwards. */
export interface LegalRatesDoc extends HalfYearRates {
  addedAt: FirebaseFirestore.Timestamp;
  addedBy: string;
}
