import type { CreditNoteContent } from "../domain";
import type { DateString } from "./amounts";
import type { SealedRecord } from "./chain";

/** What a credit note says: hashed, never changed; assembled by the domain (creditNoteContent). */
export type { CreditNoteContent } from "../domain";

/**
 * Copies of the sealed content kept beside it for queries and views,
 * written only through `creditNoteCopies` and checked by the verifier.
 * A credit note has no mutable state: once issued, nothing about it changes.
 */
export interface CreditNoteCopies {
  number: string;
  date: DateString;
  refundId: string;
}

export function creditNoteCopies(content: CreditNoteContent): CreditNoteCopies {
  return { number: content.number, date: content.date, refundId: content.refundId };
}

export const CREDIT_NOTE_COPY_FIELDS = Object.keys({
  number: 1,
  date: 1,
  refundId: 1,
} satisfies Record<keyof CreditNoteCopies, 1>) as (keyof CreditNoteCopies)[];

/** companies/{c}/creditNotes/{id}: issued on the final approval of a refund, in its own series. */
export interface CreditNoteDoc extends SealedRecord<CreditNoteContent>, CreditNoteCopies {}
