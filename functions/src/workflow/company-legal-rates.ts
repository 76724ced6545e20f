import { LegalRates, SHIPPED_LEGAL_RATES, withAddedHalfYears } from "../domain";
import { LEGAL_RATES } from "../model/collections";
import type { LegalRatesDoc } from "../model/legal-rates";
import type { DocReader } from "../storage/doc-reader";

/** The half-years the company's admins added, oldest first. */
export async function addedHalfYears(reader: DocReader): Promise<LegalRatesDoc[]> {
  const rows = await reader.query<LegalRatesDoc>(reader.collection(LEGAL_RATES).orderBy("from"));
  return rows.map((r) => r.data);
}

/** The legal rate tables the engine computes with for this company: the shipped rows and the added half-years. */
export async function companyLegalRates(reader: DocReader): Promise<LegalRates> {
  return withAddedHalfYears(SHIPPED_LEGAL_RATES, await addedHalfYears(reader));
}
