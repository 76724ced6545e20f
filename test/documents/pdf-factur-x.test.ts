/**
 * The Factur-X PDFs (PDF/A-3B) of the three invoice-like documents and the
 * refund statement, read back by tools that did not write them (poppler):
 * the embedded factur-x.xml passes the official EN 16931 schema and
 * Schematron with zero errors and states the sealed amounts; the PDF/A
 * structure is there (XMP pdfaid part 3, Factur-X extension schema, /AF,
 * output intent, fonts embedded); every page renders to a PNG with ink on
 * it; the same input gives the same bytes. The PDFs and PNGs are left in
 * test-artifacts/documents/ for review.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { renderFacturX, renderRefundStatement, type RefundStatement } from "../../functions/src/documents/pdf";
import type { InvoiceContent } from "../../functions/src/model/invoice";
import {
  CONSUMER,
  GARAGE,
  MIXED_ORDER,
  SELLER,
  arrhesOutsideVat,
  mixedDeposit,
  quoteOn,
  sealedCreditNote,
  sealedDeposit,
  sealedFinal,
} from "../domain/einvoice/sealed-documents";
import {
  expectPdfA3,
  expectRenders,
  expectValidXml,
  pageCount,
  pdfText,
  printed,
  readableText,
} from "./pdf-inspection";

const ARTIFACTS = resolve(__dirname, "../../test-artifacts/documents");

function keep(name: string, pdf: Uint8Array) {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.pdf`), pdf);
}

const chargedRates = (lines: readonly { vatRate: string; net: string; vat: string }[]) =>
  lines
    .filter((l) => Number(l.net) !== 0 || Number(l.vat) !== 0)
    .map(({ vatRate, net, vat }) => ({ vatRate, basis: net, vat }));

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("Factur-X PDF/A-3 of the documents Acompte issues", () => {
  const deposit = mixedDeposit();

  it("deposit invoice at 20 / 10 / 5.5 %: type 386 embedded, the sealed amounts per rate, PDF/A-3B, renders", async () => {
    const rendered = await renderFacturX(deposit, SELLER);
    keep("facture-acompte-taux-mixtes", rendered.pdf);
    const facts = await expectValidXml(rendered.pdf, rendered.xml);
    expect(facts.typeCode).toBe("386");
    expect(facts.number).toBe(deposit.number);
    expect(facts.vat).toEqual(chargedRates(deposit.lines));
    expect(facts.vat.map((v) => v.vatRate)).toEqual(["20", "10", "5.5"]);
    expect(facts.totals).toEqual({ ...deposit.total, prepaid: deposit.total.gross, due: "0.00" });
    expectPdfA3(rendered.pdf, { facturX: true });
    expectRenders(ARTIFACTS, "facture-acompte-taux-mixtes", rendered.pdf);
    // What a person reads: the mandatory mentions (CGI annex II art. 242 nonies A, Code de commerce L441-9).
    const page = readableText(rendered.pdf);
    for (const mention of [
      "Facture d'acompte",
      "N° FA2026-0041",
      "Date : 15/01/2026",
      "Menuiserie Durand SAS",
      "12 rue des Artisans",
      "SAS au capital de 50 000,00 € – RCS Lyon 542 107 651",
      "N° TVA intracommunautaire : FR13542107651",
      "Garage Dupuis SAS",
      "75016 Paris",
      "SIREN : 552 081 317",
      "N° TVA intracommunautaire : FR03552081317",
      "Pénalités de retard",
      "40,00 €",
    ])
      expect(page).toContain(mention);
    for (const line of deposit.lines) {
      expect(page).toContain(printed(line.net));
      expect(page).toContain(printed(line.vat));
      expect(page).toContain(printed(line.gross));
    }
    expect(page).toContain(printed(deposit.total.gross));
    expect(page).not.toMatch(/\d\.\d\d\b/);
    expect(rendered.fileName).toBe("FA2026-0041.pdf");
    expect(rendered.sha256).toBe(sha256(rendered.pdf));
  });

  it("credit note of a partial refund on that deposit: type 503 citing the deposit invoice, VAT reversed per rate", async () => {
    const note = sealedCreditNote("AV2026-0007", deposit, {
      reason: "customer_cancels",
      scope: { kind: "amount", amount: "1000.00" },
    });
    const rendered = await renderFacturX(note, SELLER);
    keep("avoir-acompte-remboursement-partiel", rendered.pdf);
    const facts = await expectValidXml(rendered.pdf, rendered.xml);
    expect(facts.typeCode).toBe("503");
    expect(facts.preceding).toEqual({ number: "FA2026-0041", date: "20260115" });
    expect(facts.vat).toEqual(chargedRates(note.lines));
    expect(facts.totals).toEqual({ ...note.total, prepaid: "0.00", due: note.total.gross });
    expectPdfA3(rendered.pdf, { facturX: true });
    expectRenders(ARTIFACTS, "avoir-acompte-remboursement-partiel", rendered.pdf);
  });

  it("arrhes outside VAT for a consumer and the credit note paying them back: category O, valid, renders", async () => {
    const arrhes = arrhesOutsideVat();
    const invoice = await renderFacturX(arrhes, SELLER);
    keep("facture-arrhes-hors-champ", invoice.pdf);
    const invoiceFacts = await expectValidXml(invoice.pdf, invoice.xml);
    expect(invoiceFacts.categories).toEqual(["O"]);
    expect(invoiceFacts.totals.gross).toBe("500.00");
    expectRenders(ARTIFACTS, "facture-arrhes-hors-champ", invoice.pdf);

    const note = sealedCreditNote("AV2026-0008", arrhes, { reason: "seller_cancels", scope: { kind: "full" } });
    const credit = await renderFacturX(note, SELLER);
    keep("avoir-arrhes", credit.pdf);
    const facts = await expectValidXml(credit.pdf, credit.xml);
    expect(facts.typeCode).toBe("503");
    expect(facts.totals).toEqual({ ...note.total, prepaid: "0.00", due: "500.00" });
    expectPdfA3(credit.pdf, { facturX: true });
  });

  it("final invoice after three deposits, VAT on debits: type 380, each deposit referenced, the sealed amount due", async () => {
    const deposits: InvoiceContent[] = [
      deposit,
      sealedDeposit("FA2026-0044", "2026-02-02", GARAGE, {
        supplyKind: "goods",
        order: MIXED_ORDER,
        deposit: { amount: "2000.00" },
      }),
      sealedDeposit("FA2026-0047", "2026-02-20", GARAGE, {
        supplyKind: "goods",
        order: MIXED_ORDER,
        deposit: { amount: "1500.00" },
      }),
    ];
    const { content: final } = sealedFinal(deposits);
    const rendered = await renderFacturX(final, { ...SELLER, vatOnDebits: true });
    keep("facture-solde-plusieurs-acomptes", rendered.pdf);
    const facts = await expectValidXml(rendered.pdf, rendered.xml);
    expect(facts.typeCode).toBe("380");
    expect(facts.vat).toEqual(chargedRates(final.lines));
    const prepaid = deposits.reduce((t, d) => t + Math.round(Number(d.total.gross) * 100), 0);
    expect(facts.totals).toEqual({
      ...final.total,
      prepaid: (prepaid / 100).toFixed(2),
      due: final.amountDue,
    });
    expect(Math.round(Number(final.total.gross) * 100) - prepaid).toBe(Math.round(Number(final.amountDue) * 100));
    expect(facts.supportingDocuments).toEqual(["FA2026-0041", "FA2026-0044", "FA2026-0047"]);
    expect(facts.notes.map((n) => n.subject)).toEqual(expect.arrayContaining(["PMD", "PMT", "TXD"]));
    const page = readableText(rendered.pdf);
    for (const d of deposits) expect(page).toContain(`Facture d'acompte ${d.number} du`);
    expect(page).toContain(`−${printed(deposits[1].total.gross)}`);
    expect(page).toMatch(new RegExp(`Net à payer\\s+${printed(final.amountDue!)}`));
    expect(page).toContain("Option pour le paiement de la taxe d'après les débits.");
    expect(page).toContain("Date d'échéance : 01/04/2026");
    expect(page).toContain("IBAN FR76 3000 6000 0112 3456 7890 189");
    expectPdfA3(rendered.pdf, { facturX: true });
    expectRenders(ARTIFACTS, "facture-solde-plusieurs-acomptes", rendered.pdf);
  });

  it("a final invoice deducting many deposits runs onto further pages, each numbered, each rendering", async () => {
    const deposits = Array.from({ length: 45 }, (_, i) =>
      sealedDeposit(`FA2026-${String(100 + i).padStart(4, "0")}`, "2026-01-15", GARAGE, {
        supplyKind: "goods",
        order: MIXED_ORDER,
        deposit: { amount: "100.00" },
      }),
    );
    const rendered = await renderFacturX(sealedFinal(deposits, "FA2026-0199").content, SELLER);
    await expectValidXml(rendered.pdf, rendered.xml);
    const pages = pageCount(rendered.pdf);
    expect(pages).toBeGreaterThan(1);
    expect(pdfText(rendered.pdf)).toContain(`/Count ${pages}`);
    expectRenders(ARTIFACTS, "facture-solde-pagination", rendered.pdf);
  });

  it("refund statement with offsets, credit kept and instalments: PDF/A-3B without XML, renders", async () => {
    const quote = quoteOn(
      deposit,
      {
        reason: "seller_cancels",
        scope: { kind: "full" },
        openInvoices: [
          { number: "FA2026-0030", dueDate: "2026-01-31", outstanding: "600.00" },
          { number: "FA2026-0035", dueDate: "2026-02-10", outstanding: "400.00" },
        ],
        settlement: {
          offsets: [
            { invoiceNumber: "FA2026-0030", amount: "600.00" },
            { invoiceNumber: "FA2026-0035", amount: "400.00" },
          ],
          keepAsCredit: "127.00",
        },
        schedule: { kind: "equal", count: 3, firstDate: "2026-03-01" },
      },
      "2026-02-16",
    );
    expect(quote.settlement.offset).toHaveLength(2);
    expect(quote.schedule).toHaveLength(3);
    const statement: RefundStatement = {
      number: "RB-2026-000012",
      date: "2026-02-16",
      customer: GARAGE,
      quote,
      creditNote: { number: "AV2026-0009", date: "2026-02-16" },
    };
    const rendered = await renderRefundStatement(statement, SELLER);
    keep("decompte-echeancier-compensations", rendered.pdf);
    expectPdfA3(rendered.pdf, { facturX: false });
    expectRenders(ARTIFACTS, "decompte-echeancier-compensations", rendered.pdf);
    expect(pdfText(rendered.pdf)).not.toContain("fx:DocumentType");
    const page = readableText(rendered.pdf);
    expect(page).toContain("Décompte et échéancier");
    expect(page).toContain("Avoir : AV2026-0009 du 16/02/2026");
    expect(page).toMatch(/Compensé avec la facture FA2026-0030\s+600,00 €/);
    expect(page).toMatch(/Compensé avec la facture FA2026-0035\s+400,00 €/);
    expect(page).toMatch(/Conservé en avoir sur votre compte client\s+127,00 €/);
    for (const i of quote.schedule)
      expect(page).toMatch(
        new RegExp(`n° ${i.n}\\s+${i.dueDate.split("-").reverse().join("/")}\\s+${printed(i.amount)}`),
      );
  });

  it("refund statement of doubled arrhes to a consumer paid in 40 instalments: compensation outside VAT, paginated", async () => {
    const arrhes = sealedDeposit("FA2026-0042", "2026-01-20", CONSUMER, {
      supplyKind: "goods",
      kind: "arrhes",
      order: { lines: [{ vatRate: "20", net: "2000.00" }] },
      deposit: { amount: "600.00" },
    });
    const quote = quoteOn(arrhes, {
      reason: "seller_cancels",
      scope: { kind: "full" },
      // 40 weekly instalments within the half-year whose legal interest rate is published.
      schedule: {
        kind: "percentages",
        instalments: Array.from({ length: 40 }, (_, i) => ({
          dueDate: new Date(Date.UTC(2026, 1, 20 + 3 * i)).toISOString().slice(0, 10),
          percent: "2.5",
        })),
      },
    });
    const doubled = quote.compensation.find((c) => c.kind === "arrhes_doubled");
    expect(doubled).toEqual(expect.objectContaining({ direction: "payable", amount: "600.00" }));
    const rendered = await renderRefundStatement(
      {
        number: "RB-2026-000013",
        date: "2026-02-16",
        customer: CONSUMER,
        quote,
        creditNote: { number: "AV2026-0010", date: "2026-02-16" },
      },
      SELLER,
    );
    keep("decompte-arrhes-doublees", rendered.pdf);
    const page = readableText(rendered.pdf);
    // The compensation outside VAT, with its legal basis.
    expect(page).toContain("Indemnités légales (hors champ de la TVA)");
    expect(page).toContain("Code civil art. 1590");
    expect(page).toContain(`n° 40`);
    expect(pageCount(rendered.pdf)).toBeGreaterThan(1);
    expectPdfA3(rendered.pdf, { facturX: false });
    expectRenders(ARTIFACTS, "decompte-arrhes-doublees", rendered.pdf);
  });

  it("same input, same bytes (the hash chain records the SHA-256); another input, other bytes and another ID", async () => {
    const first = await renderFacturX(mixedDeposit(), SELLER);
    const second = await renderFacturX(mixedDeposit(), SELLER);
    expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    // A fresh process (no font parsed yet) gives the same bytes as this one, warmed by the tests above.
    const cold = spawnSync(resolve(__dirname, "../../node_modules/.bin/tsx"), [join(__dirname, "pdf-render-once.ts")], {
      encoding: "utf8",
    });
    expect(cold.stderr).toBe("");
    expect(cold.stdout).toBe(first.sha256);
    const statement: RefundStatement = {
      number: "RB-2026-000012",
      date: "2026-02-16",
      customer: GARAGE,
      quote: quoteOn(deposit, { reason: "customer_cancels", scope: { kind: "amount", amount: "1000.00" } }),
      creditNote: { number: "AV2026-0007", date: "2026-02-16" },
    };
    const a = await renderRefundStatement(statement, SELLER);
    const b = await renderRefundStatement(JSON.parse(JSON.stringify(statement)) as RefundStatement, SELLER);
    expect(b.sha256).toBe(a.sha256);

    const other = await renderFacturX({ ...mixedDeposit(), number: "FA2026-0043" }, SELLER);
    expect(other.sha256).not.toBe(first.sha256);
    const id = (pdf: Uint8Array) => /\/ID \[ <([0-9A-F]+)>/.exec(pdfText(pdf))?.[1];
    expect(id(other.pdf)).not.toBe(id(first.pdf));
    // The dates are the document's, not the clock's.
    expect(pdfText(first.pdf)).toContain("<xmp:CreateDate>2026-01-15T00:00:00Z</xmp:CreateDate>");
    expect(pdfText(first.pdf)).toContain("/CreationDate (D:20260115000000Z)");
  });
});
