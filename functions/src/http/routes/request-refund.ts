import { refundBodySchema } from "../../workflow/bodies/refund-body";
import { requestRefund } from "../../workflow/request-refund";
import { refundView } from "../../workflow/views";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const requestRefundRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds",
  handle: async (ctx) => {
    const body = parseBody(refundBodySchema, ctx.body);
    return command(ctx, ["requester"], async (uow, access) => {
      const { id, doc } = await requestRefund(uow, access, body);
      return { status: 201, body: await refundView(uow, id, doc, false) };
    });
  },
};
