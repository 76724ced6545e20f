import type { DocumentSeller } from "../domain";
import type { CompanySettings } from "../model/company";
import type { Access } from "./access";

/** Settings a company has not set yet fall back to these (engine's default PCG chart, 5,000 € threshold, 30 days). */
const DEFAULTS: CompanySettings = {
  name: "",
  siren: "",
  vatOnDebits: false,
  arrhesVatOnReceipt: true,
  accounts: {},
  approvalThreshold: "5000.00",
  paymentTerms: { kind: "days", days: 30 },
};

export function settingsOf(access: Access): CompanySettings {
  return { ...DEFAULTS, ...(access.company.settings ?? {}) };
}

/** The company's chart overrides in the shape the engine's posting rules take (absent when none). */
export function chartOption(settings: CompanySettings): { chart?: CompanySettings["accounts"] } {
  return Object.keys(settings.accounts).length > 0 ? { chart: settings.accounts } : {};
}

/** The seller as its documents name it: the settings' legal identity, the company account and the VAT regime. */
export function documentSeller(settings: CompanySettings): DocumentSeller {
  const { name, siren, legalForm, shareCapital, address, siret, rcsCity, vatNumber, vatOnDebits } = settings;
  return {
    name,
    siren,
    ...(legalForm ? { legalForm } : {}),
    ...(shareCapital ? { shareCapital } : {}),
    ...(address ? { address } : {}),
    ...(siret ? { siret } : {}),
    ...(rcsCity ? { rcsCity } : {}),
    ...(vatNumber ? { vatNumber } : {}),
    ...(settings.bankIban ? { iban: settings.bankIban } : {}),
    ...(settings.bankBic ? { bic: settings.bankBic } : {}),
    vatOnDebits,
  };
}
