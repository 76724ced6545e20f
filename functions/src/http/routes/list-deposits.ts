import { DEPOSITS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import { badRequest } from "../../errors/api-error";
import { depositView } from "../../workflow/views";
import { read } from "../command";
import type { Route } from "../route";

/** Deposits of one order (`?orderRef=`), oldest first. */
export const listDepositsRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/deposits",
  handle: (ctx) =>
    read(ctx, [], async (_access, reader) => {
      const orderRef = ctx.query.orderRef;
      if (!orderRef)
        throw badRequest("Paramètre orderRef obligatoire (référence de commande).", [
          { path: "orderRef", message: "Paramètre « orderRef » : obligatoire." },
        ]);
      const deposits = await reader.query<DepositDoc>(reader.collection(DEPOSITS).where("orderRef", "==", orderRef));
      deposits.sort((a, b) => a.data.invoiceNumber.localeCompare(b.data.invoiceNumber));
      return { status: 200, body: deposits.map((d) => depositView(d.id, d.data, [])) };
    }),
};
