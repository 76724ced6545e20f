import { DEPOSITS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import { notFound } from "../../errors/api-error";
import { loadDepositView } from "../../workflow/views";
import { read } from "../command";
import type { Route } from "../route";

export const getDepositRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/deposits/:depositId",
  handle: (ctx) =>
    read(ctx, [], async (_access, reader) => {
      const doc = await reader.get<DepositDoc>(reader.collection(DEPOSITS).doc(ctx.params.depositId));
      if (!doc) throw notFound(`Acompte introuvable : ${ctx.params.depositId}.`);
      return { status: 200, body: await loadDepositView(reader, ctx.params.depositId, doc) };
    }),
};
