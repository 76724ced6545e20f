/**
 * SIREN, SIRET and intra-EU VAT numbers checked as INSEE and the tax
 * administration define them, on published numbers: ENGIE (SIREN 542 107 651,
 * VAT FR13 542 107 651), EDF (SIREN 552 081 317, VAT FR03 552 081 317) and
 * La Poste (SIREN 356 000 000, head office SIRET 356 000 000 00048).
 */
import {
  documentReadiness,
  frenchVatKey,
  frenchVatNumber,
  luhnValid,
  siretProblem,
  sirenProblem,
  vatNumberProblem,
} from "../../../functions/src/domain";
import { wordingProblems } from "../../support/french-wording";
import { SELLER_IDENTITY } from "./seller-identity";

describe("SIREN (9 digits, Luhn key: INSEE)", () => {
  it.each(["542107651", "552081317", "356000000", "542 107 651", "542\u202f107\u202f651"])("accepts %s", (siren) =>
    expect(sirenProblem(siren)).toBeNull(),
  );

  it("refuses a mistyped digit (the Luhn key catches any single-digit error)", () => {
    for (let i = 0; i < 9; i++) {
      const digits = [..."542107651"];
      digits[i] = String((Number(digits[i]) + 1) % 10);
      expect(sirenProblem(digits.join(""))).toMatch(/clé de contrôle incorrecte/);
    }
  });

  it.each([
    ["", /obligatoire/],
    ["54210765", /9 chiffres/],
    ["5421076510", /9 chiffres/],
    ["54210765A", /9 chiffres/],
  ])("refuses %j", (siren, problem) => expect(sirenProblem(siren)).toMatch(problem));

  it("applies the key digit by digit from the right", () => {
    // From the right: 1 + (5×2 → 1) + 6 + (7×2 → 5) + 0 + (1×2) + 2 + (4×2) + 5 = 30.
    expect(luhnValid("542107651")).toBe(true);
    expect(luhnValid("542107650")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });
});

describe("SIRET (SIREN + NIC, Luhn key; La Poste's sum-of-digits exception)", () => {
  it("accepts La Poste's head office, which passes the Luhn key too", () => {
    expect(luhnValid("35600000000048")).toBe(true);
    expect(siretProblem("356 000 000 00048")).toBeNull();
  });

  it("accepts a La Poste establishment whose digits sum to a multiple of 5 although its Luhn key fails", () => {
    // Built under INSEE's rule for SIREN 356000000: 3+5+6+4+9+8+3+7 = 45.
    expect(luhnValid("35600000049837")).toBe(false);
    expect(siretProblem("35600000049837")).toBeNull();
    expect(siretProblem("35600000049838")).toMatch(/clé de contrôle incorrecte/);
  });

  it("refuses another company's SIRET whose key fails, and a SIRET whose SIREN is invalid", () => {
    expect(siretProblem("54210765113031")).toMatch(/clé de contrôle incorrecte/);
    expect(siretProblem("54210765200018")).toMatch(/ne forment pas un SIREN valide/);
    expect(siretProblem("5421076511303")).toMatch(/14 chiffres/);
  });
});

describe("French intra-EU VAT number: FR + (12 + 3 × (SIREN mod 97)) mod 97 + SIREN", () => {
  it("finds the published numbers of ENGIE and EDF", () => {
    expect(frenchVatNumber("542107651")).toBe("FR13542107651");
    expect(frenchVatNumber("552081317")).toBe("FR03552081317");
    // The key always has two digits: 3 is written 03.
    expect(frenchVatKey("552081317")).toBe("03");
  });

  it.each(["FR13542107651", "fr 13 542 107 651", "FR03552081317", "DE123456789", "BE0123456749"])("accepts %s", (vat) =>
    expect(vatNumberProblem(vat)).toBeNull(),
  );

  it.each([
    ["FR14542107651", /clé incorrecte pour ce SIREN : FR13542107651 attendu/],
    ["FR13542107652", /ne forment pas un SIREN valide/],
    ["FR1354210765", /FR, 2 caractères de clé et le SIREN/],
    ["US123456789", /pays de l'Union européenne/],
    ["", /obligatoire/],
  ])("refuses %j", (vat, problem) => expect(vatNumberProblem(vat)).toMatch(problem));
});

describe("documentReadiness: what a document needs before its number is taken", () => {
  const complete = SELLER_IDENTITY;
  const professional = {
    name: "Garage Dupuis SAS",
    kind: "b2b" as const,
    siren: "552081317",
    address: "4 avenue Foch\n75016 Paris",
  };

  it("finds nothing missing for a complete seller and a professional customer with address and SIREN", () => {
    expect(documentReadiness(complete, professional)).toEqual([]);
  });

  it("names each missing part of the seller's identity by its French label", () => {
    const missing = documentReadiness({ name: "Menuiserie Durand SAS", siren: "542107651" }, professional);
    expect(missing.map((m) => m.path)).toEqual(["settings.address", "settings.vatNumber", "settings.legalForm"]);
    expect(missing[0].message).toMatch(/^Adresse de la société : à renseigner/);
    expect(missing[1].message).toMatch(/^Numéro de TVA intracommunautaire de la société/);
  });

  it("counts a setting stored as null as missing, instead of failing", () => {
    const nulled = { ...complete, vatNumber: null, rcsCity: null, address: null } as unknown as typeof complete;
    expect(documentReadiness(nulled, { ...professional, siren: null } as unknown as typeof professional)).toEqual([
      { path: "settings.address", message: expect.stringMatching(/^Adresse de la société : à renseigner/) },
      { path: "settings.vatNumber", message: expect.stringMatching(/^Numéro de TVA intracommunautaire/) },
      { path: "settings.rcsCity", message: expect.stringMatching(/^Ville d'immatriculation au RCS/) },
      { path: "customer.siren", message: expect.stringMatching(/^SIREN du client : obligatoire/) },
    ]);
  });

  it("asks a société for its capital and RCS city, not a sole trader (Code de commerce R123-237)", () => {
    const bare = { ...complete, shareCapital: undefined, rcsCity: undefined };
    expect(documentReadiness(bare, professional).map((m) => m.path)).toEqual([
      "settings.shareCapital",
      "settings.rcsCity",
    ]);
    expect(documentReadiness({ ...bare, legalForm: "EI" }, professional)).toEqual([]);
  });

  it("requires a professional customer's address and SIREN, a consumer's name only", () => {
    const missing = documentReadiness(complete, { name: "Garage Dupuis SAS", kind: "b2b" });
    expect(missing).toEqual([
      { path: "customer.address", message: expect.stringMatching(/^Adresse du client : obligatoire/) },
      { path: "customer.siren", message: expect.stringMatching(/^SIREN du client : obligatoire/) },
    ]);
    expect(documentReadiness(complete, { name: "M. Petit", kind: "b2c" })).toEqual([]);
  });

  it("says it in French a person can read: no field path, no English decimal point, no code", () => {
    const messages = [
      ...documentReadiness({ name: "", siren: "" }, { name: "", kind: "b2b" }).map((m) => m.message),
      sirenProblem("54210765"),
      siretProblem("54210765113031"),
      vatNumberProblem("FR14542107651"),
    ];
    expect(messages.flatMap((m) => wordingProblems(m ?? ""))).toEqual([]);
  });
});
