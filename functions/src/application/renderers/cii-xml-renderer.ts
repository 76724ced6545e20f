import { ciiXml, creditNoteCii, depositInvoiceCii, finalInvoiceCii, penaltyInvoiceCii } from "../../domain";
import type { DocumentRenderer, RenderSource, RenderedDocument } from "../ports/document-renderer";

function cii(source: RenderSource) {
  switch (source.kind) {
    case "depositInvoice":
      return depositInvoiceCii(source.content, source.seller);
    case "finalInvoice":
      return finalInvoiceCii(source.content, source.seller);
    case "creditNote":
      return creditNoteCii(source.content, source.seller);
    case "penaltyInvoice":
      return penaltyInvoiceCii(source.content, source.seller);
    case "refundStatement":
      // Not an invoice: no EN 16931 XML; statements are issued by the PDF renderer only.
      throw new Error("a refund statement has no CII XML");
  }
}

/**
 * The EN 16931 CII XML alone (what a Factur-X PDF embeds as `factur-x.xml`):
 * a valid e-invoice by itself, issued until the PDF/A-3 renderer replaces it
 * (application/renderers/index.ts). Deterministic: the builder writes only
 * what the sealed content says, in a fixed order.
 */
export const ciiXmlRenderer: DocumentRenderer = {
  id: "cii-xml",
  render(source: RenderSource): RenderedDocument {
    return {
      fileName: `${source.content.number}-factur-x.xml`,
      contentType: "application/xml",
      bytes: Buffer.from(ciiXml(cii(source)), "utf8"),
    };
  },
};
