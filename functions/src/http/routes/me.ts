import { read } from "../command";
import type { Route } from "../route";

export const meRoute: Route = {
  method: "GET",
  path: "/v1/companies/:companyId/me",
  handle: (ctx) =>
    read(ctx, [], async (access) => ({
      status: 200,
      body: {
        email: access.email,
        roles: access.roles,
        companyId: access.companyId,
        companyName: access.company.settings?.name ?? null,
      },
    })),
};
