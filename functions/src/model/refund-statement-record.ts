import type { DocumentCustomer } from "../domain";
import type { DateString, MoneyString } from "./amounts";
import type { SealedRecord } from "./chain";

/**
 * The chained record of a customer-credit refund's statement: a refund of
 * money paid in excess issues no credit note (no invoice rectified, no VAT),
 * so its « décompte et échéancier » is sealed on a record of its own, in the
 * `statement` series (DR-2026-000001), beside `document` like any chained
 * file. What it says: the request and the credit it pays back, the customer
 * and the total. Hashed, never changed.
 */
export interface RefundStatementRecordContent {
  /** Its place in the statement series (`DR-2026-000001`). */
  number: string;
  date: DateString;
  refundId: string;
  /** The request's number (`RB-2026-000012`), the statement's printed number. */
  refundNumber: string;
  creditId: string;
  customer: DocumentCustomer;
  /** What the request pays back in all. */
  total: MoneyString;
}

/** Copies of the sealed content for queries, written only through `statementRecordCopies`, checked by the verifier. */
export interface RefundStatementRecordCopies {
  number: string;
  date: DateString;
  refundId: string;
}

export function statementRecordCopies(content: RefundStatementRecordContent): RefundStatementRecordCopies {
  return { number: content.number, date: content.date, refundId: content.refundId };
}

export const STATEMENT_RECORD_COPY_FIELDS = Object.keys({
  number: 1,
  date: 1,
  refundId: 1,
} satisfies Record<keyof RefundStatementRecordCopies, 1>) as (keyof RefundStatementRecordCopies)[];

/** companies/{c}/refundStatements/{refundId}: one per customer-credit refund, issued at its final approval. */
export interface RefundStatementRecordDoc
  extends SealedRecord<RefundStatementRecordContent>, RefundStatementRecordCopies {}
