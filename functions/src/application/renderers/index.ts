import type { DocumentRenderer } from "../ports/document-renderer";
import { ciiXmlRenderer } from "./cii-xml-renderer";

/**
 * The renderer new documents are issued with. THE line to change when the
 * Factur-X PDF/A-3 renderer (functions/src/documents/pdf/) lands; add it to
 * RENDERERS too.
 */
export const documentRenderer: DocumentRenderer = ciiXmlRenderer;

/** Every renderer a stored document may name: a lost upload is rendered again by the one that made it. */
export const RENDERERS: readonly DocumentRenderer[] = [ciiXmlRenderer];

export function rendererById(id: string): DocumentRenderer {
  const found = RENDERERS.find((r) => r.id === id);
  if (!found) throw new Error(`unknown document renderer ${id}`);
  return found;
}
