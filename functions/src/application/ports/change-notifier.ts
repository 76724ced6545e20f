import type { CommittedChange } from "../../storage/unit-of-work";

/**
 * Called after each committed state change (never for a replay or a
 * refused call). The Sheets write-back plugs in here; listeners run after
 * the answer is decided and their failures never undo or fail the command.
 */
export interface ChangeNotifier {
  afterCommit(change: CommittedChange): Promise<void> | void;
}

export const noopNotifier: ChangeNotifier = { afterCommit: () => undefined };

/** Several listeners in turn; one failing does not keep the next from hearing the change. */
export function allNotifiers(...notifiers: ChangeNotifier[]): ChangeNotifier {
  return {
    async afterCommit(change) {
      for (const notifier of notifiers) {
        try {
          await notifier.afterCommit(change);
        } catch (error) {
          console.error("afterCommit listener failed", error);
        }
      }
    },
  };
}
