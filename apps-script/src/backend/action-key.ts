/**
 * The menu's counterpart of the sidebar's SubmissionKey
 * (frontend/submission-key.ts): one idempotency key per action on one
 * document, reused while the content is the same and the last answer left
 * the outcome unknown (retryable), so running the menu item again after a
 * lost answer cannot record the change twice. Each menu run is a new script
 * execution, hence the document properties.
 */
import type { CallResult } from "../interfaces/result";

const PREFIX = "ACOMPTE_PENDING_KEY ";

interface PendingKey {
  key: string;
  content: string;
}

function pendingKey(text: string | null): PendingKey | null {
  try {
    const value = text ? (JSON.parse(text) as Partial<PendingKey>) : null;
    return typeof value?.key === "string" && typeof value.content === "string"
      ? { key: value.key, content: value.content }
      : null;
  } catch {
    return null;
  }
}

/** `action` names the change and its document (e.g. `pay ref_1-2`); `content` is what is sent. */
export function withActionKey<T>(
  action: string,
  content: unknown,
  call: (idempotencyKey: string) => CallResult<T>,
): CallResult<T> {
  const properties = PropertiesService.getDocumentProperties();
  const name = PREFIX + action;
  const fingerprint = JSON.stringify(content);
  const pending = pendingKey(properties?.getProperty(name) ?? null);
  const key = pending && pending.content === fingerprint ? pending.key : Utilities.getUuid();
  properties?.setProperty(name, JSON.stringify({ key, content: fingerprint }));
  const result = call(key);
  // A definitive answer (success or refusal): the next run is a new action.
  if (result.ok || !result.error.retryable) properties?.deleteProperty(name);
  return result;
}
