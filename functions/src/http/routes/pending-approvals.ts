import { DEPOSITS, REFUNDS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import { AWAITING_APPROVAL, mayApprove } from "../../domain";
import type { RefundDoc } from "../../model/refund";
import { actorOf, lifecycleState } from "../../workflow/load-refund";
import { read } from "../command";
import type { Route } from "../route";

/** Requests the caller can approve now, by the lifecycle's rules: an awaited role they hold, not their own, not already approved by them. */
export const pendingApprovalsRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/approvals/pending",
  handle: (ctx) =>
    read(ctx, ["sales_approver", "accounting_approver"], async (access, reader) => {
      const waiting = await reader.query<RefundDoc>(
        reader.collection(REFUNDS).where("status", "in", [...AWAITING_APPROVAL]),
      );
      const mine = waiting.filter(({ data }) => mayApprove(lifecycleState(data), actorOf(access)));
      const deposits = await reader.getAll<DepositDoc>(
        mine.map((r) => reader.collection(DEPOSITS).doc(r.data.depositId ?? "-")),
      );
      const body = mine
        .map(({ id, data }, i) => ({
          id,
          depositId: data.depositId,
          depositNumber: deposits[i]?.invoiceNumber ?? null,
          customerName: data.customerName,
          requestedBy: data.requestedBy,
          createdAt: data.createdAt.toDate().toISOString(),
          reason: data.proposal.reason,
          total: data.quote.total,
          vat: data.quote.creditNote.total.vat,
          awaiting: data.awaiting,
        }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return { status: 200, body };
    }),
};
