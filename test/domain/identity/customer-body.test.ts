/** A customer as typed in a request: its SIREN and VAT number checked, refused in French naming the field. */
import { EngineValidationError, parseInput } from "../../../functions/src/domain";
import { customerSchema } from "../../../functions/src/workflow/bodies/customer";

const GARAGE = { name: "Garage Dupuis SAS", kind: "b2b", siren: "552081317", address: "4 avenue Foch\n75016 Paris" };

function refusal(body: object): string[] {
  try {
    parseInput(customerSchema, body);
  } catch (error) {
    if (error instanceof EngineValidationError) return error.details.map((d) => `${d.path} ${d.message}`);
    throw error;
  }
  throw new Error("accepted");
}

describe("customer identity in request bodies", () => {
  it("stores the SIREN and VAT number compact, the VAT number upper case", () => {
    expect(parseInput(customerSchema, { ...GARAGE, siren: "552 081 317", vatNumber: "fr 03 552081317" })).toEqual({
      ...GARAGE,
      vatNumber: "FR03552081317",
    });
  });

  it.each([
    [{ siren: "552081318" }, "siren SIREN : clé de contrôle incorrecte : vérifiez les chiffres saisis."],
    [
      { vatNumber: "FR04552081317" },
      "vatNumber Numéro de TVA intracommunautaire : clé incorrecte pour ce SIREN : FR03552081317 attendu.",
    ],
    [
      { vatNumber: "FR13542107651" },
      "vatNumber Numéro de TVA intracommunautaire : ne correspond pas au SIREN 552081317.",
    ],
  ])("refuses %j naming the field", (override, detail) => {
    expect(refusal({ ...GARAGE, ...override })).toEqual([detail]);
  });
});
