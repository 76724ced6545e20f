import { depositBodySchema } from "../../workflow/bodies/deposit-body";
import { recordDeposit } from "../../workflow/record-deposit";
import { depositView } from "../../workflow/views";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const recordDepositRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/deposits",
  handle: async (ctx) => {
    const body = parseBody(depositBodySchema, ctx.body);
    return command(ctx, ["requester", "accounting_approver"], async (uow, access) => {
      const { id, doc } = await recordDeposit(uow, access, body);
      return { status: 201, body: depositView(id, doc, []) };
    });
  },
};
