import { pendingApprovers as approversOf, type RefundState } from "../domain";
import { USERS } from "../model/collections";
import type { UserDoc } from "../model/roles";
import type { DocReader } from "../storage/doc-reader";

/**
 * Members who may give one of the awaited approvals now, by the lifecycle's
 * rules (never the requester, nobody twice). Stored on the request: the
 * reminders write to them.
 */
export async function pendingApprovers(reader: DocReader, state: RefundState): Promise<string[]> {
  if (state.awaiting.length === 0) return [];
  const users = await reader.query<UserDoc>(
    reader.collection(USERS).where("roles", "array-contains-any", [...state.awaiting]),
  );
  return approversOf(
    state,
    users.map((u) => ({ email: u.data.email, roles: u.data.roles })),
  );
}
