import { emptyBodySchema } from "../../workflow/bodies/refund-body";
import { cancelRefund } from "../../workflow/close-refund";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";
import { refundAnswer } from "./refund-answer";

export const cancelRefundRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds/:refundId/cancel",
  handle: (ctx) =>
    command(
      ctx,
      ["requester", "admin"],
      () => parseBody(emptyBodySchema, ctx.body),
      async (uow, access) => refundAnswer(await cancelRefund(uow, access, ctx.params.refundId)),
    ),
};
