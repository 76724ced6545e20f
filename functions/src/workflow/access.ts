import { inSentence, ROLE_LABELS } from "../domain";
import { COMPANIES, USERS } from "../model/collections";
import type { CompanyDoc } from "../model/company";
import type { Role, UserDoc } from "../model/roles";
import { forbidden } from "../errors/api-error";
import type { DocReader } from "../storage/doc-reader";

/** The caller inside one company: its settings and the caller's roles there. */
export interface Access {
  companyId: string;
  email: string;
  roles: Role[];
  company: CompanyDoc;
}

export function hasRole(access: Access, role: Role): boolean {
  return access.roles.includes(role);
}

/**
 * The caller must be a member of the company: a users/{email} document
 * with at least one role. Roles are per company: a member of A is nobody
 * in B. An unknown company is answered exactly like a company the caller
 * is not a member of, so that company ids cannot be probed.
 */
export async function memberAccess(reader: DocReader, email: string): Promise<Access> {
  const [company, user] = await reader.getAll<CompanyDoc | UserDoc>(accessRefs(reader, email));
  const roles = (user as UserDoc | null)?.roles ?? [];
  if (!company || roles.length === 0)
    throw forbidden("Vous n'êtes pas membre de cette société : demandez l'accès à un administrateur.");
  return { companyId: reader.companyId, email, roles, company: company as CompanyDoc };
}

/** The member must hold one of `anyOf` (any role when empty). */
export function withRole(access: Access, anyOf: readonly Role[]): Access {
  if (anyOf.length > 0 && !anyOf.some((r) => access.roles.includes(r))) {
    throw forbidden(
      `Vous n'avez pas le rôle nécessaire pour cette action (il faut : ${anyOf.map(roleLabel).join(" ou ")}).`,
    );
  }
  return access;
}

/** Membership and role, read through `reader` (inside a command's transaction: consistent with its writes). */
export async function requireAccess(reader: DocReader, email: string, anyOf: readonly Role[]): Promise<Access> {
  return withRole(await memberAccess(reader, email), anyOf);
}

/** The documents requireAccess reads: the company and the caller's membership. */
export function accessRefs(
  reader: Pick<DocReader, "collection">,
  email: string,
): FirebaseFirestore.DocumentReference[] {
  const companyRef = reader.collection(USERS).parent;
  if (!companyRef || companyRef.parent.id !== COMPANIES) throw new Error("unexpected layout");
  return [companyRef, reader.collection(USERS).doc(email)];
}

/** A role inside a sentence (« il faut : approbateur comptable »), from the label table. */
function roleLabel(role: Role): string {
  return inSentence(ROLE_LABELS[role]);
}
