/**
 * Factoring settings (#16 slice 6), pure: the company's factors with their
 * bank details and ledger account, and what an assigned invoice carries.
 */
import { z } from "zod";
import {
  configuredFactor,
  DEFAULT_FACTOR_ACCOUNT,
  entryTotals,
  factoringAssignment,
  factoringAssignmentEntry,
  factorsSchema,
  subrogationMention,
} from "../../../functions/src/domain";
import { fieldErrors } from "../../../functions/src/domain/validation/field-errors";
import { companyConfigurationSchema } from "../../../functions/src/workflow/bodies/company-body";
import { MINIMAL_SETTINGS } from "./company-settings";

const FACTOR = { name: "Factor Ouest", iban: "FR76 3000 4000 0312 3456 7890 143", bic: "BNPAFRPP" };

describe("the company's factors", () => {
  const problems = (value: unknown) => {
    const result = z.strictObject({ factors: factorsSchema }).safeParse({ factors: value });
    return result.success ? [] : fieldErrors(result.error as z.ZodError).map((d) => [d.path, d.message]);
  };

  test("bank details and account are checked, each named once, refused in French by label", () => {
    expect(problems([FACTOR])).toEqual([]);
    const refused = problems([
      FACTOR,
      { name: "factor ouest", iban: "FR76 3000 4000 0312 3456 7890 188", account: "9999" },
    ]);
    expect(refused).toEqual([
      ["factors.1.iban", "IBAN du factor (ligne 2) : clé de contrôle incorrecte : vérifiez les caractères saisis."],
      [
        "factors.1.account",
        "Compte du factor (ligne 2) : numéro de compte du plan comptable invalide (classe 1 à 7, ex. 4191).",
      ],
    ]);
    expect(problems([FACTOR, { ...FACTOR, name: "factor OUEST" }])).toEqual([
      ["factors.1.name", "Nom du factor (ligne 2) : le factor factor OUEST est déjà configuré."],
    ]);
  });

  test("stored in the company's settings with the IBAN in electronic form", () => {
    const settings = MINIMAL_SETTINGS;
    const ok = companyConfigurationSchema.parse({ settings: { ...settings, factors: [FACTOR] } });
    expect(ok.settings.factors).toEqual([
      { name: "Factor Ouest", iban: "FR7630004000031234567890143", bic: "BNPAFRPP" },
    ]);
  });

  test("a customer's factor is found by name, any case", () => {
    const factors = factorsSchema.parse([FACTOR]);
    expect(configuredFactor(factors, "  FACTOR ouest ")?.name).toBe("Factor Ouest");
    expect(configuredFactor(factors, "Autre")).toBeUndefined();
    expect(configuredFactor(undefined, "Factor Ouest")).toBeUndefined();
  });

  test("an assigned invoice carries the factor's details, the mention and the account", () => {
    const [factor] = factorsSchema.parse([FACTOR]);
    expect(factoringAssignment(factor)).toEqual({
      factor: "Factor Ouest",
      iban: "FR7630004000031234567890143",
      bic: "BNPAFRPP",
      mention: subrogationMention("Factor Ouest"),
      account: DEFAULT_FACTOR_ACCOUNT,
    });
    expect(subrogationMention("Factor Ouest")).toMatch(
      /^Pour être libératoire, le règlement .* à Factor Ouest, .*subrogation/,
    );
    const own = factoringAssignment({ ...factor, account: "467100", mention: "Payer Factor Ouest, subrogé." });
    expect([own.account, own.mention]).toEqual(["467100", "Payer Factor Ouest, subrogé."]);
  });
});

describe("the assignment entry", () => {
  const input = { date: "2026-03-10", pieceRef: "FA-2026-000050", amount: "10080.00", factor: "Factor Ouest" };

  test("moves what is left to pay from 411 to the factor's account, balanced, in the miscellaneous journal", () => {
    const entry = factoringAssignmentEntry({ ...input, factorAccount: "4671" });
    expect([entry.kind, entry.journal, entry.label]).toEqual([
      "factoring_assignment",
      "OD",
      "Cession au factor Factor Ouest FA-2026-000050",
    ]);
    expect(entry.lines.map((l) => `${l.account} ${l.debit}/${l.credit}`)).toEqual([
      "4671 10080.00/0.00",
      "411 0.00/10080.00",
    ]);
    expect(entryTotals(entry)).toEqual({ debit: "10080.00", credit: "10080.00" });
  });

  test("follows the company's customer account, and refuses a malformed factor account", () => {
    const own = factoringAssignmentEntry({ ...input, factorAccount: "467100", chart: { customers: "4110001" } });
    expect(own.lines.map((l) => l.account)).toEqual(["467100", "4110001"]);
    expect(() => factoringAssignmentEntry({ ...input, factorAccount: "8" })).toThrow(/numéro de compte/);
  });
});
