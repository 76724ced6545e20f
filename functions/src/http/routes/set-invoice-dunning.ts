import { invoiceDunningBodySchema } from "../../workflow/set-invoice-dunning-body";
import { setInvoiceDunning } from "../../workflow/set-invoice-dunning";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const setInvoiceDunningRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/invoices/:invoiceId/dunning",
  handle: (ctx) =>
    command(
      ctx,
      ["accounting_approver"],
      () => parseBody(invoiceDunningBodySchema, ctx.body),
      async (uow, access, body) => ({
        status: 200,
        body: await setInvoiceDunning(uow, access, ctx.params.invoiceId, body),
      }),
    ),
};
