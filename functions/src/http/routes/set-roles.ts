import { badRequest } from "../../errors/api-error";
import { emailParamSchema, rolesBodySchema } from "../../workflow/bodies/roles-body";
import { setRoles } from "../../workflow/set-roles";
import { parseBody } from "../body";
import { command } from "../command";
import type { Route } from "../route";

export const setRolesRoute: Route = {
  method: "PUT",
  path: "/v1/companies/:companyId/users/:email",
  handle: (ctx) =>
    command(
      ctx,
      ["admin"],
      () => {
        if (!emailParamSchema.safeParse(ctx.params.email).success)
          throw badRequest("Adresse e-mail invalide dans l'adresse de la requête.", [
            { path: "email", message: "Adresse e-mail invalide." },
          ]);
        return parseBody(rolesBodySchema, ctx.body);
      },
      async (uow, _access, { roles }) => {
        const doc = await setRoles(uow, ctx.params.email, roles);
        return { status: 200, body: { email: doc.email, roles: doc.roles } };
      },
    ),
};
