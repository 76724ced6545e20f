import { depositBodySchema } from "../../workflow/bodies/deposit-body";
import { recordDeposit } from "../../workflow/record-deposit";
import { depositView } from "../../workflow/views";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const recordDepositRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/deposits",
  handle: (ctx) =>
    command(
      ctx,
      ["requester", "accounting_approver"],
      () => parseBody(depositBodySchema, ctx.body),
      async (uow, access, body) => {
        const { id, doc } = await recordDeposit(uow, access, body);
        return { status: 201, body: depositView(id, doc, []) };
      },
    ),
};
