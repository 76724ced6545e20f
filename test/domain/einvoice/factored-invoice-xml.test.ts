/**
 * The Factur-X XML (EN 16931) of a final invoice assigned to a factor
 * (issue #16, notified factoring with subrogation, C. civ. 1346-1): the
 * factor as payee (BG-10, BT-59), its account as the credit transfer's
 * (BG-16, code 58, BT-84 IBAN, BT-86 BIC) and the subrogation mention as a
 * note of subject ACC (UNTDID 4451 « factor assignment clause »); checked by
 * the official CII D16B schema and EN 16931 Schematron (zero error), and
 * shown to add exactly that to the invoice it would be unassigned. The XMLs
 * are left in test-artifacts/documents/.
 */
import { ciiXml, finalInvoiceCii } from "../../../functions/src/domain";
import { validateEn16931 } from "../../../functions/testing/einvoice/en16931-validation";
import { expectValidCii } from "./expect-valid-cii";
import { wordingProblems } from "../../support/french-wording";
import {
  FACTOR,
  GARAGE,
  MIXED_ORDER,
  SELLER,
  mixedDeposit,
  sealedDeposit,
  sealedFactoredFinal,
} from "./sealed-documents";

const deposits = () => [
  mixedDeposit(),
  sealedDeposit("FA2026-0044", "2026-02-02", GARAGE, {
    supplyKind: "goods",
    order: MIXED_ORDER,
    deposit: { amount: "2000.00" },
  }),
];

describe("Factur-X XML of a final invoice assigned to a factor", () => {
  it("names the factor as payee, its IBAN and BIC as the SEPA transfer's, the subrogation mention as an ACC note: valid", async () => {
    const { content, computed } = sealedFactoredFinal(deposits());
    const xml = ciiXml(finalInvoiceCii(content, SELLER));
    const facts = await expectValidCii(xml, "facture-solde-affacturee");
    expect(facts.payee).toBe("Rhône Affacturage SA");
    expect(facts.paymentMeansCode).toBe("58");
    expect(facts.iban).toBe(FACTOR.iban);
    expect(facts.bic).toBe("BNPAFRPP");
    // The seller's own account is not offered: paying it would not discharge the customer.
    expect(xml).not.toContain(SELLER.iban);
    expect(facts.notes[0]).toEqual({ subject: "ACC", text: FACTOR.mention });
    expect(FACTOR.mention).toMatch(/^Pour être libératoire, le règlement de cette facture doit être fait à Rhône/);
    expect(facts.paymentTerms).toBe("Paiement par virement à Rhône Affacturage SA au plus tard le 01/04/2026.");
    // The amounts are the sealed ones: factoring moves who is paid, not what.
    expect(facts.totals.due).toBe(computed.amountDue);
    expect([...facts.notes.map((n) => n.text), facts.paymentTerms ?? ""].flatMap(wordingProblems)).toEqual([]);
  });

  it("adds exactly the payee, the mention and the factor's account to the invoice it would be unassigned", () => {
    const { content } = sealedFactoredFinal(deposits());
    const unassigned = { ...content, factoring: undefined };
    const factored = ciiXml(finalInvoiceCii(content, SELLER));
    const plain = ciiXml(finalInvoiceCii(unassigned, SELLER));
    const payee = "<ram:PayeeTradeParty><ram:Name>Rhône Affacturage SA</ram:Name></ram:PayeeTradeParty>\n";
    // CII D16B: the payee between the invoice currency and the payment means.
    expect(factored).toContain(`<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>\n${payee}`);
    const undone = factored
      .replace(payee, "")
      .replace(
        /<ram:IncludedNote><ram:Content>[^<]*<\/ram:Content><ram:SubjectCode>ACC<\/ram:SubjectCode><\/ram:IncludedNote>\n/,
        "",
      )
      .replace(FACTOR.iban, SELLER.iban!)
      .replace(FACTOR.bic!, SELLER.bic!)
      .replace("Paiement par virement à Rhône Affacturage SA au", "Paiement par virement au");
    expect(undone).toBe(plain);
    expect(plain).not.toMatch(/PayeeTradeParty|ACC/);
  });

  it("without a BIC in the factor's contract: no BT-86, still valid; the company without an account of its own still gets the factor's", async () => {
    const { content } = sealedFactoredFinal(deposits(), "FA2026-0062");
    const withoutBic = { ...FACTOR, bic: undefined };
    const xml = ciiXml(
      finalInvoiceCii({ ...content, factoring: withoutBic }, { ...SELLER, iban: undefined, bic: undefined }),
    );
    const facts = await expectValidCii(xml, "facture-solde-affacturee-sans-bic");
    expect(facts.iban).toBe(FACTOR.iban);
    expect(facts.bic).toBeUndefined();
    expect(xml).not.toContain("BICID");
    expect(facts.payee).toBe("Rhône Affacturage SA");
  });

  it("the validator refuses a payee without its name (BR-17 / schema), so the checks above can fail", () => {
    const { content } = sealedFactoredFinal(deposits());
    const xml = ciiXml(finalInvoiceCii(content, SELLER)).replace("<ram:Name>Rhône Affacturage SA</ram:Name>", "");
    const verdict = validateEn16931(xml);
    expect([...verdict.schemaErrors, ...verdict.ruleErrors.map((r) => r.id)].join("\n")).toMatch(
      /PayeeTradeParty|BR-17/,
    );
  });
});
