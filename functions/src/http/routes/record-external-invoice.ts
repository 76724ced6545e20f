import { externalInvoiceBodySchema } from "../../workflow/record-external-invoice-body";
import { recordExternalInvoice } from "../../workflow/record-external-invoice";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const recordExternalInvoiceRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/invoices/external",
  handle: (ctx) =>
    command(
      ctx,
      ["accounting_approver"],
      () => parseBody(externalInvoiceBodySchema, ctx.body),
      async (uow, access, body) => ({ status: 201, body: await recordExternalInvoice(uow, access, body) }),
    ),
};
