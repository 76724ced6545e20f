import { refundBodySchema } from "../../workflow/bodies/refund-body";
import { requestRefund } from "../../workflow/request-refund";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";
import { refundAnswer } from "./refund-answer";

export const requestRefundRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds",
  handle: (ctx) =>
    command(
      ctx,
      ["requester"],
      () => parseBody(refundBodySchema, ctx.body),
      // Answered from what was written: a read after the writes is impossible in the transaction and extra reads slow it.
      async (uow, access, body) => ({ ...refundAnswer(await requestRefund(uow, access, body)), status: 201 }),
    ),
};
