import type { Role } from "../domain";

/** A user's roles in one company (companies/{c}/users/{email}.roles): the domain's roles. */
export { ROLES, type Role } from "../domain";

/** companies/{c}/users/{email}: the document id is the lower-cased e-mail. */
export interface UserDoc {
  email: string;
  roles: Role[];
  updatedAt: FirebaseFirestore.Timestamp;
  updatedBy: string;
}
