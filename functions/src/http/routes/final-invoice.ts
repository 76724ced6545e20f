import { finalInvoiceBodySchema } from "../../workflow/bodies/final-invoice-body";
import { issueFinalInvoice } from "../../workflow/issue-final-invoice";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const finalInvoiceRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/invoices/final",
  handle: (ctx) =>
    command(
      ctx,
      ["accounting_approver"],
      () => parseBody(finalInvoiceBodySchema, ctx.body),
      async (uow, access, body) => ({ status: 201, body: await issueFinalInvoice(uow, access, body) }),
    ),
};
