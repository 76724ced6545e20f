import { SHIPPED_LEGAL_RATES, withAddedHalfYears } from "../../domain";
import { addLegalRates } from "../../workflow/add-legal-rates";
import { legalRatesBodySchema } from "../../workflow/bodies/legal-rates-body";
import { addedHalfYears } from "../../workflow/company-legal-rates";
import { defineChange, defineRead } from "../command";
import { legalRatesAnswer } from "../presenters/legal-rates";

/** Any member: the rates every interest and penalty is computed with, and the half-years still to add. */
export const listLegalRatesCommand = defineRead({
  name: "legal_rates.list",
  summary: "The legal interest and ECB rates per half-year (shipped and added), and the half-years still to add.",
  roles: [],
  answer: "LegalRatesAnswer",
  handler: async (_access, reader, { today }) => {
    const added = await addedHalfYears(reader);
    return { status: 200, body: legalRatesAnswer(withAddedHalfYears(SHIPPED_LEGAL_RATES, added), added, today) };
  },
});

/** Admins add a half-year once its rates are published: no deploy, and quotes reaching it are computed from then on. */
export const addLegalRatesCommand = defineChange({
  name: "legal_rates.add",
  summary: "Adds one half-year of legal interest rates (both creditors) and the ECB rate, with their source; once.",
  roles: ["admin"],
  body: legalRatesBodySchema,
  status: 201,
  answer: "LegalRatesAnswer",
  handler: (uow, _access, body) => addLegalRates(uow, body),
  present: (added, uow) => legalRatesAnswer(withAddedHalfYears(SHIPPED_LEGAL_RATES, added), added, uow.today),
});
