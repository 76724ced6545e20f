import { USERS } from "../model/collections";
import type { Role, UserDoc } from "../model/roles";
import { conflict } from "../errors/api-error";
import type { UnitOfWork } from "../storage/unit-of-work";

/** Sets a member's roles (an empty list removes the member). An admin cannot remove their own admin role (the company would lose its last admin). */
export async function setRoles(uow: UnitOfWork, email: string, roles: Role[]): Promise<UserDoc> {
  const target = email.toLowerCase();
  if (target === uow.actor && !roles.includes("admin"))
    throw conflict(
      "SELF_DEMOTION",
      "Vous ne pouvez pas retirer votre propre rôle d'administrateur : demandez-le à un autre administrateur.",
    );
  const ref = uow.collection(USERS).doc(target);
  const before = await uow.get<UserDoc>(ref);
  const doc: UserDoc = {
    email: target,
    roles: [...new Set(roles)].sort() as Role[],
    updatedAt: uow.timestamp,
    updatedBy: uow.actor,
  };
  uow.set(ref, doc);
  uow.event("user.roles_set", { kind: "user", id: target }, before ? { roles: before.roles } : null, {
    roles: doc.roles,
  });
  return doc;
}
