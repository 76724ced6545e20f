import type { RefundDoc } from "../../model/refund";
import type { Answer } from "../route";

/**
 * The answer of a command on a request: its new state. (Built from the
 * state the command wrote, without another read: inside the transaction a
 * read after the writes is not possible.)
 */
export function refundAnswer({ id, doc }: { id: string; doc: RefundDoc }): Answer {
  return {
    status: 200,
    body: {
      id,
      depositId: doc.depositId,
      status: doc.status,
      reason: doc.proposal.reason,
      requestedBy: doc.requestedBy,
      quote: doc.quote,
      awaiting: doc.awaiting,
      approvals: doc.approvals.map((a) => ({ role: a.role, by: a.by, at: a.at.toDate().toISOString() })),
      creditNote: doc.creditNoteId
        ? { id: doc.creditNoteId, number: doc.creditNoteNumber, date: doc.approvedOn }
        : null,
      schedule: doc.quote.schedule.map((i) => ({ n: i.n, dueDate: i.dueDate, amount: i.amount })),
    },
  };
}
