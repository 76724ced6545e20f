import type { DocumentRenderer } from "../ports/document-renderer";
import { ciiXmlRenderer } from "./cii-xml-renderer";
import { facturXPdfRenderer } from "./factur-x-pdf-renderer";

/** The renderer new documents are issued with: the Factur-X PDF/A-3B. */
export const documentRenderer: DocumentRenderer = facturXPdfRenderer;

/** Every renderer a stored document may name: a lost upload is rendered again by the one that made it. */
export const RENDERERS: readonly DocumentRenderer[] = [facturXPdfRenderer, ciiXmlRenderer];

export function rendererById(id: string): DocumentRenderer {
  const found = RENDERERS.find((r) => r.id === id);
  if (!found) throw new Error(`unknown document renderer ${id}`);
  return found;
}
