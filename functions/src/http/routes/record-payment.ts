import { paymentBodySchema } from "../../workflow/bodies/payment-body";
import { recordPayment } from "../../workflow/record-payment";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const recordPaymentRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/payments",
  handle: (ctx) =>
    command(
      ctx,
      ["accounting_approver"],
      () => parseBody(paymentBodySchema, ctx.body),
      async (uow, access, body) => ({ status: 201, body: await recordPayment(uow, access, body) }),
    ),
};
