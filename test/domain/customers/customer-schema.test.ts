/** What a person may write on a customer record, refused in French with the field named by its label. */
import { customerCreateSchema, customerUpdateSchema, parseInput } from "../../../functions/src/domain";

const refusal = (schema: Parameters<typeof parseInput>[0], input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (error) {
    return (error as { details: { path: string; message: string }[] }).details;
  }
  throw new Error("accepted");
};

test("a company's record: SIREN and VAT number checked and stored compact, amounts to the cent", () => {
  expect(
    parseInput(customerCreateSchema, {
      name: " Garage Dupuis SAS ",
      kind: "b2b",
      siren: "552 100 554",
      vatNumber: "fr 96 552100554",
      creditLimit: "15000",
      insurance: { insurer: "Allianz Trade", limit: "10000.5", grantedOn: "2026-01-02" },
      iban: "fr76 3000 6000 0112 3456 7890 189",
    }),
  ).toEqual({
    name: "Garage Dupuis SAS",
    kind: "b2b",
    siren: "552100554",
    vatNumber: "FR96552100554",
    creditLimit: "15000.00",
    insurance: { insurer: "Allianz Trade", limit: "10000.50", grantedOn: "2026-01-02" },
    iban: "FR7630006000011234567890189",
  });
});

test.each([
  [{ name: "X", kind: "b2b" }, "siren", "SIREN : le SIREN est obligatoire pour un client professionnel."],
  [{ name: "X", kind: "b2b", siren: "552100555" }, "siren", expect.stringMatching(/^SIREN : .*clé/)],
  [
    { name: "X", kind: "b2b", siren: "552100554", vatNumber: "FR13542107651" },
    "vatNumber",
    "Numéro de TVA intracommunautaire : ne correspond pas au SIREN 552100554.",
  ],
  [
    { name: "X", kind: "b2c", creditLimit: "-1" },
    "creditLimit",
    "Limite de crédit : le montant ne peut pas être négatif.",
  ],
  [
    { name: "X", kind: "b2c", riskClass: "A" },
    "riskClass",
    expect.stringMatching(/^Classe de risque : calculée par Acompte/),
  ],
  [
    { name: "X", kind: "b2c", paymentTermsDays: 400 },
    "paymentTermsDays",
    "Délai de paiement (jours) : ne peut dépasser 60 jours (Code de commerce L441-10).",
  ],
  [
    { name: "X", kind: "b2c", factoring: { status: "assigned" } },
    "factoring.factor",
    "Factor : le factor est obligatoire pour un client affacturé.",
  ],
  [
    { name: "X", kind: "b2c", insurance: { insurer: "A", limit: "-3", grantedOn: "2026-01-02" } },
    "insurance.limit",
    "Montant garanti par l'assureur : le montant ne peut pas être négatif.",
  ],
])("create refuses %j at %s", (input, path, message) => {
  expect(refusal(customerCreateSchema, input)).toEqual([{ path, message }]);
});

test("an update: only what is given, null clears, kind / SIREN / risk class refused whatever their value", () => {
  expect(parseInput(customerUpdateSchema, { creditLimit: "20000", iban: null })).toEqual({
    creditLimit: "20000.00",
    iban: null,
  });
  expect(refusal(customerUpdateSchema, { riskClass: "E" })).toEqual([
    { path: "riskClass", message: expect.stringMatching(/^Classe de risque : calculée par Acompte/) },
  ]);
  expect(refusal(customerUpdateSchema, { kind: "b2c", name: null })).toEqual([
    { path: "name", message: expect.stringMatching(/^Nom : /) },
    { path: "kind", message: expect.stringMatching(/^Type : identifie le client/) },
  ]);
});
