/** What the banner says comes next for a request: who must approve now, and that they were told by e-mail. */
import type { Refund } from "../interfaces/api";
import { roleLabel } from "./labels";

/** « À approuver maintenant par : approbateur comptable (alice@acme.fr), prévenu par e-mail. » */
export function nextApprovalSentence(refund: Pick<Refund, "awaiting" | "pendingApprovers">): string {
  const roles = (refund.awaiting ?? []).map(roleLabel).join(" et ");
  if (!roles) return "";
  const who = refund.pendingApprovers ?? [];
  if (who.length === 0)
    return `À approuver par : ${roles} — aucun membre n'a ce rôle, demandez à un administrateur de l'attribuer.`;
  return `À approuver maintenant par : ${roles} (${who.join(", ")}), ${who.length > 1 ? "prévenus" : "prévenu"} par e-mail.`;
}
