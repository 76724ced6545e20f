/**
 * The EN 16931 CII XML (Factur-X profile EN 16931) of each document Acompte
 * issues, built from content the domain engine computes and seals, checked
 * by the official artefacts (third_party/einvoice: CII D16B schema and
 * EN 16931 Schematron): zero schema error, zero fatal business-rule error,
 * and the XML's amounts are the sealed ones. The XMLs are left in
 * test-artifacts/documents/ for review.
 */
import { ciiXml, creditNoteCii, depositInvoiceCii, finalInvoice, finalInvoiceCii } from "../../../functions/src/domain";
import type { InvoiceContent } from "../../../functions/src/model/invoice";
import { validateEn16931 } from "../../../functions/testing/einvoice/en16931-validation";
import { expectValidCii } from "./expect-valid-cii";
import { wordingProblems } from "../../support/french-wording";
import {
  CONSUMER,
  GARAGE,
  MIXED_ORDER,
  SELLER,
  arrhesOutsideVat,
  mixedDeposit as sealedMixedDeposit,
  sealedCreditNote,
  sealedDeposit,
  sealedFinal,
} from "./sealed-documents";

/** The sealed per-rate lines that carry an amount, as the XML's VAT breakdown must state them. */
function chargedRates(lines: readonly { vatRate: string; net: string; vat: string }[]) {
  return lines
    .filter((l) => Number(l.net) !== 0 || Number(l.vat) !== 0)
    .map(({ vatRate, net, vat }) => ({ vatRate, basis: net, vat }));
}

const mixedOrder = MIXED_ORDER;
const mixedDeposit = sealedMixedDeposit();

describe("Factur-X XML (EN 16931) of the documents Acompte issues", () => {
  it("deposit invoice on a 20 / 10 / 5.5 % order: type 386, VAT per rate as sealed, prepaid in full", async () => {
    const xml = ciiXml(depositInvoiceCii(mixedDeposit, SELLER));
    const facts = await expectValidCii(xml, "facture-acompte-taux-mixtes");
    expect(facts.typeCode).toBe("386");
    expect(facts.number).toBe("FA2026-0041");
    expect(facts.vat).toEqual(chargedRates(mixedDeposit.lines));
    expect(facts.vat.map((v) => v.vatRate)).toEqual(["20", "10", "5.5"]);
    expect(facts.totals).toEqual({
      net: mixedDeposit.total.net,
      vat: mixedDeposit.total.vat,
      gross: mixedDeposit.total.gross,
      prepaid: mixedDeposit.total.gross,
      due: "0.00",
    });
    // The seller's and the professional customer's legal identity, and the B2B payment mentions.
    expect(facts.sellerLegalId).toEqual({ id: "542107651", scheme: "0002" });
    expect(facts.sellerVatId).toBe("FR13542107651");
    expect(facts.sellerMentions).toBe(
      "SAS au capital de 50\u202f000,00\u00a0€ – RCS Lyon 542 107 651 – SIRET 54210765113030",
    );
    expect(facts.buyerLegalId).toEqual({ id: "552081317", scheme: "0002" });
    expect(facts.buyerVatId).toBe("FR03552081317");
    expect(facts.buyerAddress).toEqual({ line1: "4 avenue Foch", postcode: "75016", city: "Paris", country: "FR" });
    expect(facts.notes.map((n) => n.subject)).toEqual(["AAI", "PMD", "PMT", "AAB"]);
    expect(facts.notes.find((n) => n.subject === "PMT")!.text).toMatch(
      /40,00\u00a0€ \(Code de commerce, art\. L441-10 et D441-5\)/,
    );
  });

  it("credit note of a partial refund on that deposit: type 503, citing the deposit invoice, VAT reversed per rate as sealed", async () => {
    const note = sealedCreditNote("AV2026-0007", mixedDeposit, {
      reason: "customer_cancels",
      scope: { kind: "amount", amount: "1000.00" },
    });
    // A partial refund: less than the deposit, spread over its rates.
    expect(Number(note.total.gross)).toBeLessThan(Number(mixedDeposit.total.gross));
    const xml = ciiXml(creditNoteCii(note, SELLER));
    const facts = await expectValidCii(xml, "avoir-acompte-remboursement-partiel");
    expect(facts.typeCode).toBe("503");
    expect(facts.preceding).toEqual({ number: "FA2026-0041", date: "20260115" });
    expect(facts.vat).toEqual(chargedRates(note.lines));
    expect(facts.totals).toEqual({ ...note.total, prepaid: "0.00", due: note.total.gross });
    // A credit note asks for no payment: no late-payment mentions.
    expect(facts.notes.map((n) => n.subject)).toEqual(["AAI"]);
  });

  it("arrhes outside VAT (company setting) and the credit note paying them back: category O, no VAT identifier (BR-O-02)", async () => {
    const arrhes = arrhesOutsideVat();
    expect(arrhes.lines).toEqual([{ vatRate: "0", net: "500.00", vat: "0.00", gross: "500.00" }]);
    const invoiceXml = ciiXml(depositInvoiceCii(arrhes, SELLER));
    const invoice = await expectValidCii(invoiceXml, "facture-arrhes-hors-champ");
    // Not subject to VAT: no rate written at all (BR-O-05).
    expect(invoice.vat).toEqual([{ vatRate: "", basis: "500.00", vat: "0.00" }]);
    expect(invoice.categories).toEqual(["O"]);
    expect(invoice.sellerVatId).toBeUndefined();
    // The VAT number stays on the document, in the seller's legal mentions.
    expect(invoice.sellerMentions).toMatch(/TVA intracommunautaire FR13542107651$/);
    // A consumer: no B2B penalty mentions.
    expect(invoice.notes.map((n) => n.subject)).toEqual(["AAI"]);

    // The seller withdraws: the arrhes come back (doubled, the double being compensation outside the credit note).
    const note = sealedCreditNote("AV2026-0008", arrhes, { reason: "seller_cancels", scope: { kind: "full" } });
    const noteXml = ciiXml(creditNoteCii(note, SELLER));
    const credit = await expectValidCii(noteXml, "avoir-arrhes");
    expect(credit.totals).toEqual({ ...note.total, prepaid: "0.00", due: "500.00" });
    expect(credit.preceding).toEqual({ number: "FA2026-0042", date: "20260120" });
  });

  it("final invoice after two deposits: type 380, the whole supply per rate, the deposits referenced and prepaid, the sealed amount due", async () => {
    const second = sealedDeposit("FA2026-0044", "2026-02-02", GARAGE, {
      supplyKind: "goods",
      order: mixedOrder,
      deposit: { amount: "2000.00" },
    });
    const { content, computed } = sealedFinal([mixedDeposit, second]);
    const xml = ciiXml(finalInvoiceCii(content, { ...SELLER, vatOnDebits: true }));
    const facts = await expectValidCii(xml, "facture-solde-deux-acomptes");
    expect(facts.typeCode).toBe("380");
    expect(facts.vat).toEqual(chargedRates(computed.lines));
    expect(facts.totals).toEqual({
      net: computed.total.net,
      vat: computed.total.vat,
      gross: computed.total.gross,
      prepaid: computed.depositsTotal.gross,
      due: computed.amountDue,
    });
    expect(facts.supportingDocuments).toEqual(["FA2026-0041", "FA2026-0044"]);
    expect(facts.dueDate).toBe("20260401");
    expect(facts.iban).toBe("FR7630006000011234567890189");
    expect(facts.notes.find((n) => n.subject === "PMD")!.text).toMatch(/^Pénalités de retard : 12\u00a0% l'an/);
    // What a person reads in the notes and the seller's mentions is French (no ISO date, no English decimal point).
    expect([...facts.notes.map((n) => n.text), facts.sellerMentions ?? ""].flatMap(wordingProblems)).toEqual([]);
    expect(facts.notes.find((n) => n.subject === "TXD")!.text).toBe(
      "Option pour le paiement de la taxe d'après les débits.",
    );
  });

  it("final invoice to a consumer whose advance was held over three months: the L214-2 interest deducted is prepaid too, the amount due is the sealed one", async () => {
    const advance = sealedDeposit("FA2025-0120", "2025-09-01", CONSUMER, {
      supplyKind: "goods",
      kind: "acompte",
      order: { lines: [{ vatRate: "20", net: "3000.00" }] },
      deposit: { percent: "40" },
    });
    const computed = finalInvoice({
      supplyKind: "goods",
      customerKind: "b2c",
      date: "2026-03-02",
      lines: [{ vatRate: "20", net: "3000.00" }],
      deposits: [{ number: advance.number, date: advance.date, paidDate: advance.date, lines: advance.lines }],
    });
    expect(computed.advanceInterest).not.toBeNull();
    const interest = computed.advanceInterest!;
    const content: InvoiceContent = {
      type: "final",
      typeCode: "380",
      number: "FA2026-0052",
      date: "2026-03-02",
      seller: { name: SELLER.name, siren: SELLER.siren },
      customer: CONSUMER,
      orderRef: "CMD-2025-311",
      lines: computed.lines,
      total: computed.total,
      deductedDeposits: [
        {
          depositId: "deposit-9",
          number: advance.number,
          date: advance.date,
          lines: advance.lines,
          total: advance.total,
        },
      ],
      advanceInterest: interest,
      amountDue: computed.amountDue,
      dueDate: "2026-03-02",
    };
    const xml = ciiXml(finalInvoiceCii(content, SELLER));
    const facts = await expectValidCii(xml, "facture-solde-consommateur-interets-L214-2");
    expect(facts.totals.due).toBe(computed.amountDue);
    expect(facts.totals.prepaid).toBe(
      (Math.round((Number(advance.total.gross) + Number(interest.deducted)) * 100) / 100).toFixed(2),
    );
    // A single deducted deposit invoice is also the preceding invoice (BG-3).
    expect(facts.preceding).toEqual({ number: "FA2025-0120", date: "20250901" });
    expect(facts.notes.map((n) => n.subject)).toEqual(["AAI", "AAI"]);
    expect(facts.notes[1].text).toContain(interest.legalBasis);
  });

  it("the validator catches a document whose totals do not add up, and an element the schema does not know (so the checks above can fail)", () => {
    const xml = ciiXml(depositInvoiceCii(mixedDeposit, SELLER)).replace(
      `<ram:GrandTotalAmount>${mixedDeposit.total.gross}</ram:GrandTotalAmount>`,
      "<ram:GrandTotalAmount>1.00</ram:GrandTotalAmount>",
    );
    const verdict = validateEn16931(xml);
    expect(verdict.ruleErrors.map((r) => r.id)).toContain("BR-CO-15");
    const unknownElement = xml.replace(
      "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>",
      "<ram:Devise>EUR</ram:Devise>",
    );
    expect(validateEn16931(unknownElement).schemaErrors.join("\n")).toMatch(/Devise/);
  });
});
