/**
 * Inalterability: a chained document holds its issued content in `content`
 * (never changed after issue) and the SHA-256 of the canonical JSON of
 * {series, seq, prevHash, content} in `hash`. `prevHash` is the previous
 * document's hash in the same series ("" for the first one), so changing or
 * deleting any issued document breaks the chain at that point.
 */
export interface ChainLink {
  series: string;
  /** Position in the series, 1-based, gapless. */
  seq: number;
  prevHash: string;
  hash: string;
}

/** The chained series: invoices (deposit and final invoices share one series), credit notes, journal entries. */
export type SeriesKind = "invoice" | "creditNote" | "journal";
