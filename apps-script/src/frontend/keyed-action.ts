/**
 * One change sent from the sidebar: buttons disabled while it runs, the same
 * idempotency key on every retry of the same content, errors shown in the
 * banner. Resolves with the answer's data, or undefined when it failed or a
 * call was already running.
 */
import type { CallResult, UserError } from "../interfaces/result";
import { clearBanner, showError } from "./banner";
import { whileBusy } from "./busy";
import { SubmissionKey } from "./submission-key";

export class KeyedActions {
  private readonly keys = new Map<string, SubmissionKey>();

  async run<T>(
    name: string,
    content: unknown,
    buttons: HTMLButtonElement[],
    busyLabel: string,
    call: (idempotencyKey: string) => Promise<CallResult<T>>,
    /** Where a refusal is shown: the banner unless the caller puts it under its fields. */
    showRefusal: (error: UserError) => void = showError,
  ): Promise<T | undefined> {
    let key = this.keys.get(name);
    if (!key) this.keys.set(name, (key = new SubmissionKey()));
    const submission = key;
    clearBanner();
    const answer = await whileBusy(buttons, () => call(submission.for(content)), busyLabel);
    if (!answer) return undefined;
    if (answer.ok) {
      submission.done();
      return answer.data;
    }
    // A retryable failure keeps the key: sending again cannot apply the change twice.
    if (!answer.error.retryable) submission.done();
    showRefusal(answer.error);
    return undefined;
  }
}
