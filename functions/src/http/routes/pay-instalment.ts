import { badRequest } from "../../errors/api-error";
import { instalmentPaidBodySchema } from "../../workflow/bodies/refund-body";
import { payInstalment } from "../../workflow/pay-instalment";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";
import { refundAnswer } from "./refund-answer";

export const payInstalmentRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/refunds/:refundId/instalments/:n/pay",
  handle: (ctx) =>
    command(
      ctx,
      ["accounting_approver"],
      () => {
        const n = Number(ctx.params.n);
        if (!Number.isInteger(n) || n < 1)
          throw badRequest("Numéro d'échéance invalide (entier à partir de 1).", [
            { path: "n", message: "Numéro d'échéance : entier à partir de 1." },
          ]);
        return { n, ...parseBody(instalmentPaidBodySchema, ctx.body) };
      },
      async (uow, access, { n, paidOn }) =>
        refundAnswer(await payInstalment(uow, access, ctx.params.refundId, n, paidOn ?? uow.today)),
    ),
};
