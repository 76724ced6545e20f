import { externalInvoiceBodySchema } from "../../workflow/record-external-invoice-body";
import { recordExternalInvoice } from "../../workflow/record-external-invoice";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const recordExternalInvoiceRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/invoices/external",
  handle: async (ctx) => {
    const body = parseBody(externalInvoiceBodySchema, ctx.body);
    return command(ctx, ["accounting_approver"], async (uow, access) => ({
      status: 201,
      body: await recordExternalInvoice(uow, access, body),
    }));
  },
};
