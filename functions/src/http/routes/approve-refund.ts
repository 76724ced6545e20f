import { approveRefund } from "../../workflow/approve-refund";
import { emptyBodySchema } from "../../workflow/bodies/refund-body";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";
import { refundAnswer } from "./refund-answer";

export const approveRefundRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds/:refundId/approve",
  handle: (ctx) =>
    command(
      ctx,
      ["sales_approver", "accounting_approver"],
      () => parseBody(emptyBodySchema, ctx.body),
      async (uow, access) => refundAnswer(await approveRefund(uow, access, ctx.params.refundId)),
    ),
};
