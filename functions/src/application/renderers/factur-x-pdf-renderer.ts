import { pdfAssets, renderFacturX, renderRefundStatement, type FacturXEdition } from "../../documents/pdf";
import type { DocumentRenderer, RenderSource, RenderedDocument } from "../ports/document-renderer";

/**
 * The Factur-X PDF/A-3B (documents/pdf/): the French page a person reads with
 * the EN 16931 CII XML embedded as `factur-x.xml`, so one file serves the
 * customer and their accounting software; the refund statement, not an
 * invoice, as a PDF/A-3B without XML (the same in every edition so far).
 * Deterministic (same sealed content and seller → same bytes), as the port
 * requires; one renderer id per layout edition, so that a stored document is
 * rendered again with the layout it was sealed with.
 */
function facturXPdfRenderer(id: string, edition: FacturXEdition): DocumentRenderer {
  return {
    id,
    async render(source: RenderSource): Promise<RenderedDocument> {
      const rendered =
        source.kind === "refundStatement"
          ? await renderRefundStatement(source.content, source.seller, pdfAssets())
          : await renderFacturX(source.content, source.seller, pdfAssets(), { edition });
      return { fileName: rendered.fileName, contentType: "application/pdf", bytes: rendered.pdf };
    },
  };
}

/** Edition 1, released first: its bytes never change (documents sealed with it are re-rendered by it). */
export const facturXPdfEdition1 = facturXPdfRenderer("factur-x-pdf", 1);

/** Edition 2: outside VAT, the customer's VAT number only where the XML has it, « Non soumis à la TVA » once. */
export const facturXPdfEdition2 = facturXPdfRenderer("factur-x-pdf-2", 2);
