import type { DocumentSource } from "../../model/document";

export type { DocumentKind } from "../../model/document";
/** What a document is rendered from (model/document.ts). */
export type RenderSource = DocumentSource;

export interface RenderedDocument {
  /** The name a download and an attachment carry, e.g. `AV-2026-000001.xml`. */
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Renders a document. Must be deterministic (same source → same bytes): the
 * SHA-256 of the bytes is sealed in the hash chain at issue, a lost upload
 * is rendered again and must hash the same, and downloads are byte-identical.
 */
export interface DocumentRenderer {
  /** Recorded on each document (`documents/{id}.renderer`): a stored document is re-rendered by the renderer that made it. */
  readonly id: string;
  render(source: RenderSource): RenderedDocument | Promise<RenderedDocument>;
}
