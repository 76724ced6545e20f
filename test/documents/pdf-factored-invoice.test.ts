/**
 * The Factur-X PDF of a final invoice assigned to a factor (issue #16): right
 * under the amount due, a framed block « Règlement à l'ordre de <factor> –
 * IBAN … – BIC … » (IBAN in groups of four) and the subrogation mention
 * (C. civ. 1346-1), read back by poppler; the embedded XML passes the
 * official EN 16931 schema and Schematron; the page renders to PNG. The PDF
 * and PNG are left in test-artifacts/documents/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderFacturX } from "../../functions/src/documents/pdf";
import { expectValidCii } from "../domain/einvoice/expect-valid-cii";
import { FACTOR, SELLER, mixedDeposit, sealedFactoredFinal } from "../domain/einvoice/sealed-documents";
import { darkestChannel, embeddedFile, expectRenders, readableText, renderPages } from "./pdf-inspection";

const ARTIFACTS = resolve(__dirname, "../../test-artifacts/documents");

/** The text as pdftotext lays it out, lines joined: a paragraph wrapped over lines reads as one. */
const flowing = (pdf: Uint8Array) => readableText(pdf).replace(/\s+/g, " ");

/** Pixel rows of the first page (150 dpi) dark across most of the width: a frame's edges, not the grey table rules. */
function darkFullWidthRows(pdf: Uint8Array, name: string): number {
  const [page] = renderPages(pdf, join(ARTIFACTS, "frames"), name, 150);
  const { width, height, pixels } = darkestChannel(readFileSync(join(ARTIFACTS, "frames", page.file)));
  let rows = 0;
  for (let y = 0; y < height; y++) {
    let dark = 0;
    for (let x = 0; x < width; x++) if (pixels[y * width + x] < 128) dark++;
    if (dark > width * 0.7) rows++;
  }
  return rows;
}

describe("Factur-X PDF of a final invoice assigned to a factor", () => {
  it("frames « Règlement à l'ordre de » the factor with its IBAN by fours and BIC, and the subrogation mention, under the amount due", async () => {
    const { content } = sealedFactoredFinal([mixedDeposit()]);
    const rendered = await renderFacturX(content, SELLER);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, "facture-solde-affacturee.pdf"), rendered.pdf);
    expectRenders(ARTIFACTS, "facture-solde-affacturee", rendered.pdf);

    const xml = embeddedFile(rendered.pdf);
    expect(xml).toBe(rendered.xml);
    const facts = await expectValidCii(xml);
    expect({ payee: facts.payee, iban: facts.iban, bic: facts.bic }).toEqual({
      payee: "Rhône Affacturage SA",
      iban: "FR7630004000031234567890143",
      bic: "BNPAFRPP",
    });

    const text = flowing(rendered.pdf);
    const payTo = "Règlement à l'ordre de Rhône Affacturage SA – IBAN FR76 3000 4000 0312 3456 7890 143 – BIC BNPAFRPP";
    expect(text).toContain(payTo);
    expect(text).toContain(FACTOR.mention);
    // Where the reader looks: after the amount due, before the terms; once (not again among the mentions).
    const at = (s: string) => text.indexOf(s);
    expect(at("Net à payer")).toBeLessThan(at(payTo));
    expect(at(payTo)).toBeLessThan(at("Conditions de paiement : Paiement par virement à Rhône Affacturage SA"));
    expect(text.split(FACTOR.mention)).toHaveLength(2);
    // The seller's own account is not printed: the customer is told one place to pay.
    expect(text).not.toContain("FR76 3000 6000 0112 3456 7890 189");
    expect(text).not.toContain("Virement SEPA");

    // The block is framed: dark full-width edges the unassigned invoice does not have.
    const unassigned = { ...content, factoring: undefined };
    const plain = await renderFacturX(unassigned, SELLER);
    expect(darkFullWidthRows(plain.pdf, "sans-affacturage")).toBe(0);
    expect(darkFullWidthRows(rendered.pdf, "affacturee")).toBeGreaterThanOrEqual(2);
    expect(flowing(plain.pdf)).toContain("Virement SEPA : IBAN FR76 3000 6000 0112 3456 7890 189 – BIC AGRIFRPP");
  });
});
