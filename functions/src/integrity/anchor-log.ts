/**
 * The anchor as Cloud Logging keeps it. Cloud Functions turn a JSON line on
 * stdout into a structured entry: `severity` sets the level, `message` is
 * the entry's summary (a stable text to filter on) and
 * `logging.googleapis.com/labels` its labels. Logs are kept outside the
 * project's Firestore, under their own retention and access rules.
 */
import type { AnchorDoc } from "../model/anchor";

export const ANCHOR_LOG_MESSAGE = "acompte integrity anchor";

export function anchorLogLine(companyId: string, anchor: AnchorDoc): string {
  return JSON.stringify({
    severity: anchor.findingsCount === 0 ? "NOTICE" : "ERROR",
    message: ANCHOR_LOG_MESSAGE,
    "logging.googleapis.com/labels": { component: "acompte-anchors", companyId, anchorDate: anchor.date },
    companyId,
    date: anchor.date,
    // number before hash in each head: the anchor readers (anchor-text.ts) pair a number with the hash after it.
    heads: anchor.heads.map((h) => ({ series: h.series, number: h.number, seq: h.seq, hash: h.hash })),
    since: anchor.since,
    checked: anchor.checked,
    findingsCount: anchor.findingsCount,
    findings: anchor.findings,
  });
}
