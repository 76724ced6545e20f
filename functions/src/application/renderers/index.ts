import type { DocumentRenderer } from "../ports/document-renderer";
import { ciiXmlRenderer } from "./cii-xml-renderer";
import { facturXPdfEdition1, facturXPdfEdition2 } from "./factur-x-pdf-renderer";

/** The renderer new documents are issued with: the latest edition of the Factur-X PDF/A-3B. */
export const documentRenderer: DocumentRenderer = facturXPdfEdition2;

/**
 * Every renderer a stored document may name: a lost upload is rendered again
 * by the one that made it, so a renderer stays here, its bytes unchanged,
 * as long as a document names it (docs/einvoice.md « Renderer editions »).
 */
export const RENDERERS: readonly DocumentRenderer[] = [facturXPdfEdition2, facturXPdfEdition1, ciiXmlRenderer];

export function rendererById(id: string): DocumentRenderer {
  const found = RENDERERS.find((r) => r.id === id);
  if (!found) throw new Error(`unknown document renderer ${id}`);
  return found;
}
