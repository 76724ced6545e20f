import { anchorFromBody, anchorFromQuery } from "../../integrity/anchor-input";
import { verifyChains } from "../../integrity/chain-verifier";
import { read } from "../command";
import type { Route } from "../route";

/** Admins: every finding on the company's chains, compared with the anchor given in the query, if any, and the latest stored one. */
export const verifyChainsRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/audit/verify",
  handle: (ctx) =>
    read(ctx, ["admin"], async () => {
      const anchor = anchorFromQuery(ctx.query);
      return { status: 200, body: await verifyChains(ctx.deps.db, ctx.params.companyId, { anchor }) };
    }),
};

/** The same with an anchor kept outside Firestore in the body (values, or the mail or sheet rows as text); changes nothing. */
export const verifyChainsWithAnchorRoute: Route = {
  method: "POST",
  path: "/v1/companies/:companyId/audit/verify",
  handle: (ctx) =>
    read(ctx, ["admin"], async () => {
      const anchor = anchorFromBody(ctx.body);
      return { status: 200, body: await verifyChains(ctx.deps.db, ctx.params.companyId, { anchor }) };
    }),
};
