import type { DateString } from "./amounts";
import type { SeriesKind } from "./chain";

/**
 * Numbered but not chained: a refund request is no accounting document, its
 * number only names it for people (`RB-2026-000012`). Its counter lives
 * beside the chained ones (sequences/refundRequest-2026), is taken the same
 * way (UnitOfWork.nextNumber) so its numbers are unique, gapless and in
 * commit order, and keeps `lastHash` "": the integrity checks walk the
 * chained series only. A SEPA transfer file is numbered the same way
 * (`VIR-2026-000001`, its message id at the bank).
 */
export type PlainSeriesKind = "refundRequest" | "transferFile";
export type NumberedKind = SeriesKind | PlainSeriesKind;

/**
 * companies/{c}/sequences/{kind-year}: counter and chain head of one number
 * series, read and written in the transaction that issues a number, so
 * numbers are gapless and follow the commit order.
 */
export interface SequenceDoc {
  kind: NumberedKind;
  year: number;
  last: number;
  lastDate: DateString | null;
  lastHash: string;
  lastId: string | null;
}
