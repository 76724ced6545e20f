import { paymentBodySchema } from "../../workflow/bodies/payment-body";
import { recordPayment } from "../../workflow/record-payment";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const recordPaymentRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/payments",
  handle: async (ctx) => {
    const body = parseBody(paymentBodySchema, ctx.body);
    return command(ctx, ["accounting_approver"], async (uow, access) => ({
      status: 201,
      body: await recordPayment(uow, access, body),
    }));
  },
};
