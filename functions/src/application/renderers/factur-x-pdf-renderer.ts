import { pdfAssets, renderFacturX, renderRefundStatement } from "../../documents/pdf";
import type { DocumentRenderer, RenderSource, RenderedDocument } from "../ports/document-renderer";

/**
 * The Factur-X PDF/A-3B (documents/pdf/): the French page a person reads with
 * the EN 16931 CII XML embedded as `factur-x.xml`, so one file serves the
 * customer and their accounting software; the refund statement, not an
 * invoice, as a PDF/A-3B without XML. Deterministic (same sealed content
 * and seller → same bytes), as the port requires.
 */
export const facturXPdfRenderer: DocumentRenderer = {
  id: "factur-x-pdf",
  async render(source: RenderSource): Promise<RenderedDocument> {
    const rendered =
      source.kind === "refundStatement"
        ? await renderRefundStatement(source.content, source.seller, pdfAssets())
        : await renderFacturX(source.content, source.seller, pdfAssets());
    return { fileName: rendered.fileName, contentType: "application/pdf", bytes: rendered.pdf };
  },
};
