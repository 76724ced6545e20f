/** What a member may do in a company. A person can hold several roles; roles are per company. */
export const ROLES = ["requester", "sales_approver", "accounting_approver", "admin"] as const;
/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/** The roles that approve refunds: sales for large amounts, accounting always. */
export const APPROVER_ROLES = ["sales_approver", "accounting_approver"] as const satisfies readonly Role[];
/** One of APPROVER_ROLES. */
export type ApproverRole = (typeof APPROVER_ROLES)[number];
