import { USERS } from "../model/collections";
import type { ApproverRole, Approval } from "../model/refund";
import type { UserDoc } from "../model/roles";
import type { DocReader } from "../storage/doc-reader";

/** Members who may give one of the awaited approvals now: never the requester, nobody twice. */
export async function pendingApprovers(
  reader: DocReader,
  awaiting: readonly ApproverRole[],
  requester: string,
  approvals: readonly Approval[],
): Promise<string[]> {
  if (awaiting.length === 0) return [];
  const users = await reader.query<UserDoc>(
    reader.collection(USERS).where("roles", "array-contains-any", [...awaiting]),
  );
  const done = new Set(approvals.map((a) => a.by));
  return users
    .map((u) => u.data.email)
    .filter((e) => e !== requester && !done.has(e))
    .sort();
}
