import { ROLE_LABELS, admittedLabels } from "../../domain/vocabulary/labels";
import { z } from "zod";
import { ROLES } from "../../model/roles";

export const rolesBodySchema = z.strictObject({
  roles: z
    .array(z.enum(ROLES, { error: `rôle inconnu (${admittedLabels(ROLE_LABELS)})` }), {
      error: "doit être une liste de rôles",
    })
    .max(4, { message: "4 rôles au plus" }),
});

export { emailSchema as emailParamSchema } from "./email";
