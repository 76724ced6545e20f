import type { AuditVerification, Me, UserRoles } from "../../contract";
import { badRequest } from "../../errors/api-error";
import { anchorFromBody, anchorFromQuery } from "../../integrity/anchor-input";
import { verifyChains } from "../../integrity/chain-verifier";
import { emailParamSchema, rolesBodySchema } from "../../workflow/bodies/roles-body";
import { setRoles } from "../../workflow/set-roles";
import { defineChange, defineRead } from "../command";
import { parseBody } from "../parse-body";

export const meCommand = defineRead({
  name: "me.get",
  summary: "The caller: e-mail, roles and company.",
  roles: [],
  answer: "Me",
  handler: async (access) => {
    const me: Me = {
      email: access.email,
      roles: access.roles,
      companyId: access.companyId,
      companyName: access.company.settings?.name ?? null,
    };
    return { status: 200, body: me };
  },
});

export const setRolesCommand = defineChange({
  name: "user.set_roles",
  summary: "Sets a member's roles (an empty list removes them); an admin cannot remove their own admin role.",
  roles: ["admin"],
  body: rolesBodySchema,
  status: 200,
  answer: "UserRoles",
  input: ({ params, body }) => {
    if (!emailParamSchema.safeParse(params.email).success)
      throw badRequest("Adresse e-mail invalide dans l'adresse de la requête.", [
        { path: "email", message: "Adresse e-mail invalide." },
      ]);
    return parseBody(rolesBodySchema, body);
  },
  handler: (uow, _access, { roles }, { params }) => setRoles(uow, params.email, roles),
  present: (doc): UserRoles => ({ email: doc.email, roles: doc.roles }),
});

/** Admins: every finding on the company's chains, compared with the anchor given in the query, if any, and the latest stored one. */
export const verifyChainsCommand = defineRead({
  name: "audit.verify",
  summary:
    "Verifies every hash chain of the company, against the anchor in the query (if any) and the latest stored one.",
  roles: ["admin"],
  answer: "AuditVerification",
  handler: async (_access, _reader, { db, params, query }) => {
    const report: AuditVerification = await verifyChains(db, params.companyId, { anchor: anchorFromQuery(query) });
    return { status: 200, body: report };
  },
});

/** The same with an anchor kept outside Firestore in the body (values, or the mail or sheet rows as text); changes nothing. */
export const verifyChainsWithAnchorCommand = defineRead({
  name: "audit.verify_with_anchor",
  summary: "The same verification against an anchor sent in the body (values, or the mail or sheet rows as text).",
  roles: ["admin"],
  answer: "AuditVerification",
  handler: async (_access, _reader, { db, params, body }) => {
    const report: AuditVerification = await verifyChains(db, params.companyId, { anchor: anchorFromBody(body) });
    return { status: 200, body: report };
  },
});
