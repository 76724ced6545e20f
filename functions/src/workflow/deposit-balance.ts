import { refundableBalance } from "../domain";
import { REFUNDS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import { AWAITING_APPROVAL, RefundDoc } from "../model/refund";
import type { DocReader } from "../storage/doc-reader";

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
  const balance = refundableBalance({
    deposit: { lines: deposit.lines },
    issuedRefunds: deposit.creditNotes.map((c) => ({ lines: c.lines })),
    refundsInFlight: inFlight.filter((r) => r.id !== except).map((r) => ({ lines: r.data.quote.creditNote.lines })),
  });
  return balance.total.gross;
}
