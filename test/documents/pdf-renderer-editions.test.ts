/**
 * Renderer editions (docs/einvoice.md « Renderer editions »). A stored
 * document names the renderer that made it, and a lost upload is rendered
 * again by it and must hash to its seal, so:
 * - edition 1 (id `factur-x-pdf`) still makes, of one sealed source of every
 *   kind, the very bytes the code before editions made (hashes pinned below,
 *   computed from main at f190f87 with its renderer);
 * - edition 2 (id `factur-x-pdf-2`, the one new documents are issued with,
 *   its hashes pinned too since its release)
 *   differs from it only on the documents outside VAT (category O) and only
 *   by what was meant: « Non soumis à la TVA » once in the VAT breakdown, and
 *   the customer's VAT number left out where the XML leaves it out (BR-O-02);
 *   its PDFs stay PDF/A-3B with an embedded XML passing the official rules,
 *   the same XML as edition 1's. Its differing PDFs and their PNGs are left in
 *   test-artifacts/documents/ (edition-2-*).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { documentRenderer, rendererById } from "../../functions/src/application/renderers";
import type { DocumentSource } from "../../functions/src/model/document";
import { renderFacturX, type FacturXContent, type FacturXEdition } from "../../functions/src/documents/pdf";
import { expectPdfA3, expectValidXml, embeddedFile, keepRendered, readableText } from "./pdf-inspection";
import { sha256Hex as sha256 } from "../../functions/src/documents/pdf/factur-x-pdf";

const ARTIFACTS = resolve(__dirname, "../../test-artifacts/documents");

/** The frozen sources (fixtures/issued-sources.ts), as stored documents keep them. */
const SOURCES = JSON.parse(readFileSync(join(__dirname, "fixtures/issued-sources.json"), "utf8")) as Record<
  string,
  DocumentSource
>;

/** SHA-256 of each source rendered by main's `factur-x-pdf` renderer (f190f87), before editions existed. */
const BEFORE_EDITIONS: Record<string, string> = {
  deposit: "4dcc52ae07d06d151beb946bea8a7d5172e7ae9d36d14fc19796932a67712f70",
  creditNote: "85d14927ed96c5ee9d6897311c5b4e1a6cf5dad5bf9d6d7fe17c6ee1c9d36756",
  final: "858cd4bd23b17b2efa992626be6adda777e95c35edc2c54c305f450c136fcaf4",
  factoredFinal: "d827f7e258fb20db738f59026113da2bf7c9b460bc79d0b347d281c138a3481e",
  penalty: "6929163f7f5573b0788ddf493579149b23cfbe75e0178e27eb00825bfdf2cd19",
  arrhesOutsideVatB2c: "09e4bc9d38e1b25d9999a0e045c4886c8610d41650804b3936e93353e7ad4145",
  arrhesOutsideVatB2b: "6c68ad862e7d341238535615cd3cf71e03d1822fdbd557468fe896c155f26e04",
  arrhesCreditNoteB2b: "3cf1cb90d38233838578ad52e74706d598627c3640797430bfae7bc6c37a6b47",
  refundStatement: "9465bc34f77a5ea02576782bdd7553d18100a208d4267242c786eb4952bd61af",
  refundStatementB2c: "f566641277c93f137aa7109ca7b85f5fd59944d3aa418a409586578cd69eb717",
};

/**
 * SHA-256 of the documents outside VAT, the only ones edition 2 lays out differently, as edition 2 rendered
 * them when it was released (the others: BEFORE_EDITIONS). Released, so never to change either.
 */
const EDITION_2_OUTSIDE_VAT: Record<string, string> = {
  penalty: "2e94ffa28512a7ddfd4d67e94c5fd82ef21a283cb444bd0790e3121fb49cd4e4",
  arrhesOutsideVatB2c: "3c664383edc35d9f0bef3a2708c3fb2e9160b100bb17441790b442c4e938d38a",
  arrhesOutsideVatB2b: "9ab291baeb353d0a96e8ca029340e205a9c18a117aa200ddca0be89203fb481b",
  arrhesCreditNoteB2b: "f3bded109815272e15a2e7b9bbe1c0ffddfa30c93b13a206b5ed89488a1eb542",
};
const OUTSIDE_VAT = Object.keys(EDITION_2_OUTSIDE_VAT);

const edition1 = rendererById("factur-x-pdf");
const edition2 = rendererById("factur-x-pdf-2");

/** The page's lines, spaces collapsed: what a reader sees, line by line. */
const lines = (pdf: Uint8Array) =>
  readableText(pdf)
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");

const without = (a: string[], b: string[]) => a.filter((l) => !b.includes(l));

describe("renderer editions", () => {
  it("every kind of document is in the fixtures and pinned", () => {
    expect(Object.keys(SOURCES).sort()).toEqual(Object.keys(BEFORE_EDITIONS).sort());
    expect(new Set(Object.values(SOURCES).map((s) => s.kind))).toEqual(
      new Set(["depositInvoice", "creditNote", "finalInvoice", "penaltyInvoice", "refundStatement"]),
    );
  });

  it("new documents are issued with edition 2; both editions stay renderable by their id", () => {
    expect(documentRenderer.id).toBe("factur-x-pdf-2");
    expect(documentRenderer).toBe(edition2);
    expect(edition1.id).toBe("factur-x-pdf");
    expect(() => rendererById("factur-x-pdf-3")).toThrow(/unknown document renderer/);
  });

  it("an edition that does not exist is refused, never laid out as another", async () => {
    const deposit = SOURCES.deposit.content as FacturXContent;
    await expect(
      renderFacturX(deposit, SOURCES.deposit.seller, undefined, { edition: 3 as FacturXEdition }),
    ).rejects.toThrow("unknown Factur-X PDF edition 3");
  });

  it.each(Object.keys(BEFORE_EDITIONS))("edition 1 renders %s byte for byte as before editions", async (name) => {
    const rendered = await edition1.render(SOURCES[name]);
    expect(sha256(rendered.bytes)).toBe(BEFORE_EDITIONS[name]);
  });

  it.each(Object.keys(BEFORE_EDITIONS).filter((n) => !OUTSIDE_VAT.includes(n)))(
    "edition 2 renders %s, subject to VAT or not an invoice, with the same bytes as edition 1",
    async (name) => {
      expect(sha256((await edition2.render(SOURCES[name])).bytes)).toBe(BEFORE_EDITIONS[name]);
    },
  );

  it.each(OUTSIDE_VAT)("edition 2 changes %s only where meant; still PDF/A-3B, the same valid XML", async (name) => {
    const source = SOURCES[name];
    const before = (await edition1.render(source)).bytes;
    const after = (await edition2.render(source)).bytes;
    keepRendered(ARTIFACTS, `edition-2-${name}`, after);
    expect(sha256(after)).toBe(EDITION_2_OUTSIDE_VAT[name]);
    expect(sha256(after)).not.toBe(sha256(before));
    expectPdfA3(after, { facturX: true });
    const xml = embeddedFile(before);
    expect(embeddedFile(after)).toBe(xml);
    await expectValidXml(after, xml);

    // The lines only one edition prints: the breakdown row's name, and the customer's VAT number when the XML omits it.
    const customerVat = source.content.customer.vatNumber;
    const dropsVatNumber = customerVat !== undefined && !xml.includes(customerVat);
    const old = lines(before);
    const now = lines(after);
    const gone = without(old, now);
    const added = without(now, old);
    const vatLine = `N° TVA intracommunautaire : ${customerVat}`;
    // Edition 1's row name wraps: « Non soumis (Non soumis à la <amounts> » then « TVA) ».
    const oldRow = gone.filter((l) => l.startsWith("Non soumis (Non soumis à la "));
    expect(oldRow).toHaveLength(1);
    expect(gone).toEqual(expect.arrayContaining(dropsVatNumber ? [vatLine] : []));
    expect(without(gone, [...oldRow, "TVA)", ...(dropsVatNumber ? [vatLine] : [])])).toEqual([]);
    expect(added).toEqual([oldRow[0].replace("Non soumis (Non soumis à la ", "Non soumis à la TVA ")]);
    expect(now.join("\n")).not.toContain("Non soumis (");
    // The seller's number stays, in its mentions, as on every document.
    expect(now.join("\n")).toContain(`N° TVA intracommunautaire : ${source.seller.vatNumber}`);
  });

  it("outside VAT for a professional with a VAT number, edition 2 leaves the number out of the page as the XML does; a consumer has none to leave out", async () => {
    const b2b = SOURCES.arrhesOutsideVatB2b;
    const vatNumber = b2b.content.customer.vatNumber!;
    expect(vatNumber).toMatch(/^FR/);
    const before = await edition1.render(b2b);
    const after = await edition2.render(b2b);
    expect(embeddedFile(after.bytes)).not.toContain(vatNumber);
    expect(readableText(before.bytes)).toContain(vatNumber);
    expect(readableText(after.bytes)).not.toContain(vatNumber);
    // The same customer's deposit subject to VAT keeps its number on the page in edition 2, as in its XML.
    const subject = await edition2.render(SOURCES.deposit);
    expect(embeddedFile(subject.bytes)).toContain(SOURCES.deposit.content.customer.vatNumber);
    expect(readableText(subject.bytes)).toContain(
      `N° TVA intracommunautaire : ${SOURCES.deposit.content.customer.vatNumber}`,
    );
    expect(SOURCES.arrhesOutsideVatB2c.content.customer.vatNumber).toBeUndefined();
  });
});
