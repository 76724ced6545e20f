import {
  bicProblem,
  checkBic,
  checkIban,
  ibanProblem,
  maskIban,
  normaliseIban,
} from "../../../functions/src/domain/bank/iban";
import { EngineValidationError } from "../../../functions/src/domain/errors/engine-error";
import { refusal } from "../refusals";

const FIELD = { path: "customer.iban", label: "IBAN du client" };

const refusalOf = (call: () => unknown) => refusal(call, EngineValidationError);

describe("IBAN", () => {
  it("accepts valid SEPA IBANs however they are typed, and stores the electronic form", () => {
    expect(checkIban("FR76 3000 6000 0112 3456 7890 189", FIELD)).toBe("FR7630006000011234567890189");
    expect(checkIban("fr7630006000011234567890189", FIELD)).toBe("FR7630006000011234567890189");
    expect(checkIban("DE89 3704 0044 0532 0130 00", FIELD)).toBe("DE89370400440532013000");
    // Outside the EU but in the SEPA zone.
    expect(ibanProblem("CH93 0076 2011 6238 5295 7")).toBeNull();
    expect(ibanProblem("GB29 NWBK 6016 1331 9268 19")).toBeNull();
    expect(normaliseIban(" FR76-3000.6000 0112 3456 7890 189 ")).toBe("FR7630006000011234567890189");
  });

  it("refuses a wrong checksum, naming the field by its label", () => {
    const error = refusalOf(() => checkIban("FR76 3000 6000 0112 3456 7890 188", FIELD));
    expect(error.details).toEqual([
      {
        path: "customer.iban",
        message: "IBAN du client : clé de contrôle incorrecte : vérifiez les caractères saisis.",
      },
    ]);
    expect(error.message).toBe(error.details[0].message);
  });

  it.each([
    ["", "obligatoire"],
    ["XX7630006000011234567890189", "pays inconnu"],
    ["FR763000600001123456789018", "nombre de caractères incorrect"],
    ["FRAB30006000011234567890189", "la clé (3e et 4e caractères) doit être formée de deux chiffres"],
    ["FR76 3000 6000 0112 3456 7890 18é", "seuls les lettres et les chiffres"],
  ])("refuses %j in French", (iban, problem) => {
    expect(ibanProblem(iban)).toContain(problem);
  });

  it("refuses a valid IBAN outside the SEPA zone (no SEPA transfer can reach it)", () => {
    // Brazil: a well-formed IBAN with a correct checksum.
    const brazil = "BR1800360305000010009795493C1";
    expect(ibanProblem(brazil)).toBe("le pays BR n'est pas dans la zone SEPA : virement SEPA impossible");
    expect(refusalOf(() => checkIban(brazil, { path: "iban", label: "IBAN du bénéficiaire" })).message).toBe(
      "IBAN du bénéficiaire : le pays BR n'est pas dans la zone SEPA : virement SEPA impossible.",
    );
  });

  it("masks all but the country, key and last four characters", () => {
    expect(maskIban("FR7630006000011234567890189")).toBe("FR76 **** **** **** **** ***0 189");
    expect(maskIban("DE89 3704 0044 0532 0130 00")).toBe("DE89 **** **** **** **30 00");
    expect(maskIban("FR7630006000011234567890189")).not.toContain("3000");
  });
});

describe("BIC", () => {
  it("accepts 8 and 11 characters, upper-cases them", () => {
    expect(checkBic("bnpafrpp", { path: "bic", label: "BIC du client" })).toBe("BNPAFRPP");
    expect(checkBic("BNPA FRPP XXX", { path: "bic", label: "BIC du client" })).toBe("BNPAFRPPXXX");
  });

  it("refuses a malformed BIC with the field's label", () => {
    expect(bicProblem("BNPA")).toContain("BIC invalide");
    expect(refusalOf(() => checkBic("12PAFRPP", { path: "bic", label: "BIC de la société" })).message).toMatch(
      /^BIC de la société : BIC invalide/,
    );
  });
});
