import { rejectBodySchema } from "../../workflow/bodies/refund-body";
import { rejectRefund } from "../../workflow/close-refund";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";
import { refundAnswer } from "./refund-answer";

export const rejectRefundRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds/:refundId/reject",
  handle: async (ctx) => {
    const { reason } = parseBody(rejectBodySchema, ctx.body);
    return command(ctx, ["sales_approver", "accounting_approver"], async (uow, access) =>
      refundAnswer(await rejectRefund(uow, access, ctx.params.refundId, reason)),
    );
  },
};
