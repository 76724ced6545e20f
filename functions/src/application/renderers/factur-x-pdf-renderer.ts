import { pdfAssets, renderFacturX } from "../../documents/pdf";
import type { DocumentRenderer, RenderSource, RenderedDocument } from "../ports/document-renderer";

/**
 * The Factur-X PDF/A-3B (documents/pdf/): the French page a person reads with
 * the EN 16931 CII XML embedded as `factur-x.xml`, so one file serves the
 * customer and their accounting software. Deterministic (same sealed content
 * and seller → same bytes), as the port requires.
 */
export const facturXPdfRenderer: DocumentRenderer = {
  id: "factur-x-pdf",
  async render(source: RenderSource): Promise<RenderedDocument> {
    const rendered = await renderFacturX(source.content, source.seller, pdfAssets());
    return { fileName: rendered.fileName, contentType: "application/pdf", bytes: rendered.pdf };
  },
};
