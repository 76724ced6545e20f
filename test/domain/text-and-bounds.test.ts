/** The text rules and the bounds every schema shares (domain/validation/text.ts, bounds.ts). */
import { parseInput, schemas } from "../../functions/src/domain";

describe("text", () => {
  const name = schemas.text({ error: "doit être un nom", required: "le nom est obligatoire", max: 10 });
  const comment = schemas.text({ error: "doit être un texte", max: 20, multiline: true, trim: false });
  const problems = (schema: typeof name, value: unknown) =>
    schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  test.each([
    ["\ud800", "texte mal encodé : caractère Unicode incomplet (demi-paire de substitution isolée) en position 1"],
    ["ab\udfff", "texte mal encodé : caractère Unicode incomplet (demi-paire de substitution isolée) en position 3"],
    ["a\ud83db", "texte mal encodé : caractère Unicode incomplet (demi-paire de substitution isolée) en position 2"],
    ["a\u0000", "caractère de contrôle interdit (U+0000), en position 2"],
    ["\u007f", "caractère de contrôle interdit (U+007F), en position 1"],
    ["x\u0085", "caractère de contrôle interdit (U+0085), en position 2"],
    ["a\tb", "retour à la ligne ou tabulation interdits dans ce champ d'une ligne, en position 2"],
    ["a\u2028b", "caractère invisible de mise en page interdit (U+2028), en position 2"],
    ["\u2066x", "caractère invisible de mise en page interdit (U+2066), en position 1"],
  ])("%j is refused with one reason, before its length", (value, reason) => {
    expect(problems(name, value + "x".repeat(20))).toEqual([reason]);
  });

  test("well-formed text passes: accents, emoji (a surrogate pair), trimmed; multi-line keeps tab and line breaks", () => {
    expect(name.parse("  Zoé 😀  ")).toBe("Zoé 😀");
    expect(comment.parse("a\r\n\tb ")).toBe("a\r\n\tb ");
    expect(problems(comment, "a\u0000")).toEqual(["caractère de contrôle interdit (U+0000), en position 2"]);
    expect(problems(name, "   ")).toEqual(["le nom est obligatoire"]);
    expect(problems(name, "x".repeat(11))).toEqual(["10 caractères au plus"]);
    expect(problems(name, 5)).toEqual(["doit être un nom"]);
  });

  test("a value quoted back in a message is short and shows nothing unstorable", () => {
    expect(schemas.shown("12\ud800\u0000,5")).toBe("12\ufffd\ufffd,5");
    expect(schemas.shown("9".repeat(50))).toBe(`${"9".repeat(40)}…`);
    expect(() => parseInput(schemas.moneyAmount, "1\ud800")).toThrow("« 1\ufffd » n'est pas un montant décimal");
  });
});

describe("bounds", () => {
  const amount = schemas.amountSchema({ allowZero: false, max: schemas.AMOUNT_MAX });

  test("amounts up to 999 999 999,99 €; the engine's own schema still takes 13 digits", () => {
    expect(amount.parse("999999999.99")).toBe("999999999.99");
    expect(amount.parse("000999999999.99")).toBe("000999999999.99");
    expect(amount.safeParse("1000000000.00").error?.issues.map((i) => i.message)).toEqual([
      "le montant dépasse le maximum de 999\u202f999\u202f999,99\u00a0€",
    ]);
    expect(amount.safeParse("9".repeat(30)).error?.issues.map((i) => i.message)).toEqual([
      "le montant dépasse le maximum de 999\u202f999\u202f999,99\u00a0€",
    ]);
    expect(amount.safeParse("0.00").error?.issues.map((i) => i.message)).toEqual([
      "le montant doit être supérieur à zéro",
    ]);
    expect(schemas.positiveAmount.parse("9999999999999.99")).toBe("9999999999999.99");
  });

  test("dates from 01/01/2000 to ten years ahead of today", () => {
    const window = schemas.dateWindow("2026-02-28");
    expect(window).toEqual({ min: "2000-01-01", max: "2036-02-28" });
    expect(schemas.dateWindowProblem("2000-01-01", window)).toBeNull();
    expect(schemas.dateWindowProblem("2036-02-28", window)).toBeNull();
    expect(schemas.dateWindowProblem("2036-02-29", window)).toBe(
      "la date doit être comprise entre le 01/01/2000 et le 28/02/2036",
    );
    expect(schemas.dateWindowProblem("1999-12-31", window)).not.toBeNull();
  });
});
