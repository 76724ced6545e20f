/** A user's roles in one company (companies/{c}/users/{email}.roles). */
export const ROLES = ["requester", "sales_approver", "accounting_approver", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** companies/{c}/users/{email}: the document id is the lower-cased e-mail. */
export interface UserDoc {
  email: string;
  roles: Role[];
  updatedAt: FirebaseFirestore.Timestamp;
  updatedBy: string;
}
