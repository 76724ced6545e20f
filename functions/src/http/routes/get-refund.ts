import { loadRefund } from "../../workflow/load-refund";
import { refundView } from "../../workflow/views";
import { read } from "../command";
import type { Route } from "../route";

export const getRefundRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/refunds/:refundId",
  handle: (ctx) =>
    read(ctx, [], async (_access, reader) => {
      const { doc } = await loadRefund(reader, ctx.params.refundId);
      return { status: 200, body: await refundView(reader, ctx.params.refundId, doc, true) };
    }),
};
