/**
 * Anchors as text, both ways. Written: the lines of the auditors' mail
 * (each hash on its own short line, so mail encodings never cut it).
 * Read: any text holding anchors — that mail (or its .eml, quoted-printable
 * soft line breaks undone), the log line's
 * JSON, the `Intégrité` sheet's rows or their CSV export — where each head
 * is a number of our series followed by a 64-hex SHA-256, dated by a date
 * on the same line or else by the first date of the text.
 */
import { frenchDate } from "../domain/dates/calendar-day";
import type { Anchor, AnchorHead } from "../model/anchor";
import { parseNumber, seriesLabel } from "../storage/series";
import { capitalise } from "../domain/validation/field-errors";

const NUMBER = /\b(?:FA|AV|EC|DR)-\d{4}-\d{6}\b/;
/** A number, then (with no other number in between) the next 64-hex hash. */
const HEAD = new RegExp(`(${NUMBER.source})((?:(?!${NUMBER.source})[\\s\\S]){0,400}?)\\b([0-9a-fA-F]{64})\\b`, "g");
const DATE = /\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{2})\/(\d{2})\/(\d{4})\b/;

function firstDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
  const iso = `${y}-${mo}-${d}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : iso;
}

export class AnchorTextError extends Error {}

/** A head from its printed number and hash; null when the number is not one of our series'. */
export function anchorHead(number: string, hash: string): AnchorHead | null {
  const parsed = parseNumber(number);
  if (!parsed || !/^[0-9a-f]{64}$/i.test(hash)) return null;
  return { series: parsed.series, number, seq: parsed.seq, hash: hash.toLowerCase() };
}

/** Every anchor in `text`, oldest first. Throws AnchorTextError (French) when a day gives one series two heads. */
export function parseAnchors(input: string): Anchor[] {
  // A mailbox keeps the mail quoted-printable: its soft line breaks (`=` at a line's end) may cut a hash.
  const text = input.replace(/=\r?\n/g, "");
  const fallback = firstDate(text);
  const byDate = new Map<string, Map<string, AnchorHead>>();
  for (const m of text.matchAll(HEAD)) {
    const start = text.lastIndexOf("\n", m.index) + 1;
    const end = text.indexOf("\n", m.index);
    const date = firstDate(text.slice(start, end < 0 ? undefined : end)) ?? fallback;
    const head = anchorHead(m[1], m[3]);
    if (!date || !head) continue;
    const heads = byDate.get(date) ?? new Map<string, AnchorHead>();
    byDate.set(date, heads);
    const other = heads.get(head.series);
    if (other && (other.seq !== head.seq || other.hash !== head.hash))
      throw new AnchorTextError(
        `Deux empreintes différentes pour les ${seriesLabel(head.series)} le ${frenchDate(date)} (${other.number} et ${head.number}) : gardez celle que vous avez reçue.`,
      );
    heads.set(head.series, head);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, heads]) => ({ date, heads: [...heads.values()].sort((a, b) => a.series.localeCompare(b.series)) }));
}

/** The anchor of `date`, or the latest one; throws AnchorTextError (French) when there is none. */
export function pickAnchor(anchors: Anchor[], date?: string): Anchor {
  const found = date ? anchors.find((a) => a.date === date) : anchors[anchors.length - 1];
  if (!found)
    throw new AnchorTextError(
      date
        ? `Aucune empreinte du ${frenchDate(date)} dans ce qui a été fourni.`
        : "Aucune empreinte trouvée : il faut au moins un numéro (FA-2026-000012) suivi de son empreinte SHA-256 (64 caractères hexadécimaux).",
    );
  return found;
}

/** « Factures 2026 : FA-2026-000012 » then the hash on its own line. */
export function anchorLines(anchor: Anchor): string[] {
  return anchor.heads.flatMap((h) => [`${capitalise(seriesLabel(h.series))} : ${h.number}`, `    ${h.hash}`]);
}
