import { rejectBodySchema } from "../../workflow/bodies/refund-body";
import { rejectRefund } from "../../workflow/close-refund";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";
import { refundAnswer } from "./refund-answer";

export const rejectRefundRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds/:refundId/reject",
  handle: (ctx) =>
    command(
      ctx,
      ["sales_approver", "accounting_approver"],
      () => parseBody(rejectBodySchema, ctx.body),
      async (uow, access, { reason }) => refundAnswer(await rejectRefund(uow, access, ctx.params.refundId, reason)),
    ),
};
