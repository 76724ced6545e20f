/**
 * A refusal of the functions shown where the person looks: each detail
 * under the field its path names, the message in the banner only when no
 * field holds a detail (it sums them up, never shown beside them).
 */
import type { UserError } from "../interfaces/result";
import { showError } from "./banner";
import { byId } from "./dom";

/** `slotOfPath` maps an api error path to the id of its error slot; `slots` are the slots this form owns (cleared first). */
export function showFieldRefusal(error: UserError, slotOfPath: Record<string, string>, slots: string[]): void {
  const placed = new Map<string, string[]>();
  const unplaced: UserError["details"] = [];
  for (const detail of error.details ?? []) {
    const slot = slotOfPath[detail.path];
    if (slot && slots.includes(slot)) placed.set(slot, [...(placed.get(slot) ?? []), detail.message]);
    else unplaced.push(detail);
  }
  for (const slot of slots) byId(slot).textContent = (placed.get(slot) ?? []).join(" ");
  if (placed.size === 0) showError(error);
  else if (unplaced.length > 0) showError({ ...error, message: unplaced.map((d) => d.message).join(" ") });
}
