import { DEPOSITS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import { z } from "zod";
import { badRequest } from "../../errors/api-error";
import { orderRefSchema } from "../../workflow/bodies/order-ref";
import { depositView } from "../../workflow/views";
import { parseQuery } from "../body";
import { read } from "../command";
import type { Route } from "../route";

/** Other parameters (a cache-buster…) are ignored, as a query string's are. */
const querySchema = z.object({ orderRef: orderRefSchema });

/** Deposits of one order (`?orderRef=`), oldest first. */
export const listDepositsRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/deposits",
  handle: (ctx) =>
    read(ctx, [], async (_access, reader) => {
      if (!ctx.query.orderRef)
        throw badRequest("Paramètre orderRef obligatoire (référence de commande).", [
          { path: "orderRef", message: "Paramètre « orderRef » : obligatoire." },
        ]);
      const { orderRef } = parseQuery(querySchema, ctx.query);
      const deposits = await reader.query<DepositDoc>(reader.collection(DEPOSITS).where("orderRef", "==", orderRef));
      deposits.sort((a, b) => a.data.invoiceNumber.localeCompare(b.data.invoiceNumber));
      return { status: 200, body: deposits.map((d) => depositView(d.id, d.data, [])) };
    }),
};
