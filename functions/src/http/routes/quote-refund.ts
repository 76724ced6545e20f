import { refundBodySchema } from "../../workflow/bodies/refund-body";
import { quoteForSource } from "../../workflow/quote-for-source";
import { parseBody } from "../body";
import { read } from "../command";
import type { Route } from "../route";

/** The sidebar's live preview: the engine's answer, nothing stored. */
export const quoteRefundRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds/quote",
  handle: (ctx) =>
    read(ctx, [], async (_access, reader) => ({
      status: 200,
      body: (await quoteForSource(reader, parseBody(refundBodySchema, ctx.body), ctx.today)).quote,
    })),
};
