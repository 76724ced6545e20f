import { refundableBalance, type VatBreakdown } from "../domain";
import { REFUNDS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import { AWAITING_APPROVAL, RefundDoc } from "../model/refund";
import type { DocReader } from "../storage/doc-reader";

/** What is still refundable at each rate: the deposit less its credit notes and the given requests awaiting approval. */
export function depositBalanceByRate(deposit: DepositDoc, refunds: readonly RefundDoc[]): VatBreakdown {
  return refundableBalance({
    deposit: { lines: deposit.lines },
    issuedRefunds: deposit.creditNotes.map((c) => ({ lines: c.lines })),
    refundsInFlight: refunds
      .filter((r) => (AWAITING_APPROVAL as readonly string[]).includes(r.status))
      .map((r) => ({ lines: r.quote.creditNote.lines })),
  });
}

/** Gross still refundable on a deposit: issued credit notes and the requests in flight (but `except`) deducted. */
export async function depositBalance(
  reader: DocReader,
  depositId: string,
  deposit: DepositDoc,
  except: string,
): Promise<string> {
  const inFlight = await reader.query<RefundDoc>(
    reader
      .collection(REFUNDS)
      .where("depositId", "==", depositId)
      .where("status", "in", [...AWAITING_APPROVAL]),
  );
  return depositBalanceByRate(
    deposit,
    inFlight.filter((r) => r.id !== except).map((r) => r.data),
  ).total.gross;
}
