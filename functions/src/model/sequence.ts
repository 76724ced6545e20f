import type { DateString } from "./amounts";
import type { SeriesKind } from "./chain";

/**
 * companies/{c}/sequences/{kind-year}: counter and chain head of one number
 * series, read and written in the transaction that issues a number, so
 * numbers are gapless and follow the commit order.
 */
export interface SequenceDoc {
  kind: SeriesKind;
  year: number;
  last: number;
  lastDate: DateString | null;
  lastHash: string;
  lastId: string | null;
}
