/**
 * What settled invoices and when, from what they carry: the payments matched
 * to them (by the lettering letters on the invoice) on their dates, and the
 * refunds set against them (applySettlement's `AV:` letters) on the day they
 * were approved. The penalty claim reads it for one invoice, the risk
 * profile for all of a customer's.
 */
import { FieldPath } from "@google-cloud/firestore";
import { formatMoney, money } from "../domain";
import { PAYMENTS, REFUNDS } from "../model/collections";
import { invoiceCopies, type InvoiceDoc } from "../model/invoice";
import type { PaymentDoc } from "../model/payment";
import type { RefundDoc } from "../model/refund";
import type { DocReader } from "../storage/doc-reader";

/** Firestore's limit on the values of an `in` filter. */
const IN_LIMIT = 30;
/** applySettlement's letter for a refund set against an invoice: `AV:` and the refund id's first six characters. */
const OFFSET_LETTER = "AV:";

export interface Settlement {
  date: string;
  amount: string;
}

/** `values` in pieces an `in` filter accepts. */
export function inChunks<T>(values: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(values.length / IN_LIMIT) }, (_, i) =>
    values.slice(i * IN_LIMIT, (i + 1) * IN_LIMIT),
  );
}

async function paymentsOf(reader: DocReader, ids: Set<string>, letters: string[]) {
  const found = await Promise.all(
    inChunks(letters).map((chunk) =>
      reader.query<PaymentDoc>(reader.collection(PAYMENTS).where("letter", "in", chunk)),
    ),
  );
  return found
    .flat()
    .filter((p) => !p.data.cancelled)
    .flatMap((p) =>
      p.data.allocations
        .filter((a) => ids.has(a.invoiceId))
        .map((a) => ({ invoiceId: a.invoiceId, date: p.data.date, amount: a.amount })),
    );
}

async function offsetsOf(reader: DocReader, numbers: Map<string, string>, prefixes: string[]) {
  const found = await Promise.all(
    prefixes.map((prefix) =>
      reader.query<RefundDoc>(
        reader
          .collection(REFUNDS)
          .where(FieldPath.documentId(), ">=", prefix)
          .where(FieldPath.documentId(), "<", `${prefix}\uf8ff`),
      ),
    ),
  );
  return found
    .flat()
    .filter((r) => r.data.approvedOn !== null)
    .flatMap((r) =>
      r.data.quote.settlement.offset
        .filter((o) => numbers.has(o.invoiceNumber))
        .map((o) => ({
          invoiceId: numbers.get(o.invoiceNumber)!,
          date: r.data.approvedOn as string,
          amount: o.amount,
        })),
    );
}

/**
 * Each invoice's settlements: its payments, then its offsets, then whatever
 * else lowered its open amount (none today) counted as settled on the due
 * date — so a penalty claim may fall short, never overcharge, and the
 * lateness reads it as paid on time.
 */
export async function invoiceSettlements(
  reader: DocReader,
  invoices: readonly { id: string; data: InvoiceDoc }[],
): Promise<Map<string, Settlement[]>> {
  const letters = [...new Set(invoices.flatMap((i) => i.data.letters ?? []))];
  const ids = new Set(invoices.map((i) => i.id));
  const numbers = new Map(invoices.map((i) => [i.data.content.number, i.id]));
  const [payments, offsets] = await Promise.all([
    paymentsOf(
      reader,
      ids,
      letters.filter((l) => !l.startsWith(OFFSET_LETTER)),
    ),
    offsetsOf(reader, numbers, [
      ...new Set(letters.filter((l) => l.startsWith(OFFSET_LETTER)).map((l) => l.slice(OFFSET_LETTER.length))),
    ]),
  ]);
  const settled = new Map<string, Settlement[]>();
  for (const { id, data } of invoices) {
    const dated = [...payments, ...offsets]
      .filter((s) => s.invoiceId === id && !money(s.amount).isZero())
      .map(({ date, amount }) => ({ date, amount }));
    const sealed = invoiceCopies(data.content);
    const undated = dated.reduce((left, s) => left.minus(s.amount), money(sealed.gross).minus(data.openAmount));
    settled.set(
      id,
      undated.greaterThan(0) ? [...dated, { date: sealed.dueDate, amount: formatMoney(undated) }] : dated,
    );
  }
  return settled;
}
