/**
 * The readable page of the documents outside VAT (category O), read back by
 * poppler: the penalty invoice (Code de commerce L441-10, D441-5; CGI art.
 * 256) and arrhes kept outside VAT. What the page says of VAT agrees with
 * the embedded XML, which stays as it was. The PDFs and PNGs are left in
 * test-artifacts/documents/ for review.
 */
import { resolve } from "node:path";
import { renderFacturX } from "../../functions/src/documents/pdf";
import { validateEn16931 } from "../../functions/testing/einvoice/en16931-validation";
import {
  GARAGE,
  SELLER,
  arrhesOutsideVat,
  mixedDeposit,
  sealedFinal,
  sealedPenalty,
} from "../domain/einvoice/sealed-documents";
import { keepRendered, printed, readableText } from "./pdf-inspection";

const ARTIFACTS = resolve(__dirname, "../../test-artifacts/documents");

describe("documents outside VAT (category O): the page says it once", () => {
  it("penalty invoice: the VAT breakdown row reads « Non soumis à la TVA », once, beside its amounts; the XML keeps its reason", async () => {
    const penalty = sealedPenalty();
    const rendered = await renderFacturX(penalty, SELLER);
    keepRendered(ARTIFACTS, "facture-penalites-hors-champ", rendered.pdf);
    const page = readableText(rendered.pdf);
    const { gross } = penalty.total;
    // One row, on one line: the category's name, base, VAT 0, total.
    expect(page).toMatch(
      new RegExp(`Non soumis à la TVA\\s+${printed(gross)}\\s+${printed("0.00")}\\s+${printed(gross)}`),
    );
    expect(page).not.toMatch(/Non soumis\s*\(/);
    // The XML still states the category O reason and code (BT-120, BT-121) and passes the official rules.
    expect(rendered.xml).toContain("<ram:ExemptionReason>Non soumis à la TVA</ram:ExemptionReason>");
    expect(rendered.xml).toContain("<ram:ExemptionReasonCode>VATEX-EU-O</ram:ExemptionReasonCode>");
    const verdict = validateEn16931(rendered.xml);
    expect(verdict.schemaErrors).toEqual([]);
    expect(verdict.ruleErrors).toEqual([]);
  });

  it("arrhes outside VAT: the same single wording in the VAT breakdown", async () => {
    const arrhes = arrhesOutsideVat();
    const page = readableText((await renderFacturX(arrhes, SELLER)).pdf);
    expect(page).toMatch(new RegExp(`Non soumis à la TVA\\s+${printed(arrhes.total.net)}\\s+${printed("0.00")}`));
    expect(page).not.toMatch(/Non soumis\s*\(/);
  });

  it("penalty invoice: the customer's block leaves out its VAT number as the XML does (BR-O-02); the seller's stays in its mentions", async () => {
    const penalty = sealedPenalty();
    expect(penalty.customer.vatNumber).toBe(GARAGE.vatNumber);
    const rendered = await renderFacturX(penalty, SELLER);
    const page = readableText(rendered.pdf);
    expect(page).toContain(GARAGE.name);
    expect(page).toContain("SIREN : 552 081 317");
    expect(page).not.toContain(GARAGE.vatNumber!);
    expect(rendered.xml).not.toContain(GARAGE.vatNumber!);
    expect(page).toContain(`N° TVA intracommunautaire : ${SELLER.vatNumber}`);
    expect(page).toContain(`TVA intracommunautaire ${SELLER.vatNumber}`);

    // The same customer's final invoice, subject to VAT, prints its number on the page and in the XML.
    const final = await renderFacturX(sealedFinal([mixedDeposit()]).content, SELLER);
    expect(readableText(final.pdf)).toContain(`N° TVA intracommunautaire : ${GARAGE.vatNumber}`);
    expect(final.xml).toContain(GARAGE.vatNumber!);
  });
});
