import type { LegalIdentity } from "../../../functions/src/domain";

/** A seller whose legal identity is complete, with ENGIE's published SIREN, SIRET and VAT number. */
export const SELLER_IDENTITY: LegalIdentity = {
  name: "Menuiserie Durand SAS",
  legalForm: "SAS",
  shareCapital: "50000.00",
  address: { line1: "12 rue des Artisans", postcode: "69003", city: "Lyon", country: "FR" },
  siren: "542107651",
  siret: "54210765113030",
  rcsCity: "Lyon",
  vatNumber: "FR13542107651",
};
