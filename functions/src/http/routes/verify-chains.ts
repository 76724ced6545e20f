import { verifyChains } from "../../storage/chain-verifier";
import { read } from "../command";
import type { Route } from "../route";

export const verifyChainsRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/audit/verify",
  handle: (ctx) =>
    read(ctx, ["admin"], async () => ({ status: 200, body: await verifyChains(ctx.deps.db, ctx.params.companyId) })),
};
