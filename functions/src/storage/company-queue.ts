/**
 * One state change at a time per company in this instance, in arrival
 * order (docs/contention.md). Concurrent transactions of one company all
 * read the same counters (series numbers, chain heads); under pessimistic
 * locking each holds a shared lock on them and waits for the others to
 * upgrade to a write lock, so they abort and back off together — 20
 * parallel approvals took minutes on the emulator. Queued here they commit
 * one after the other without a retry. The transaction stays the guarantee
 * across instances: this only keeps one instance's commands from fighting.
 */
export class CompanyQueue {
  /** Per company, the end of the last queued task (settled either way); removed when it is the last one. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `task` after every task queued before for `companyId` has settled; its result or error is the caller's. */
  run<T>(companyId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(companyId) ?? Promise.resolve();
    const result = previous.then(() => task());
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(companyId, tail);
    void tail.then(() => {
      if (this.tails.get(companyId) === tail) this.tails.delete(companyId);
    });
    return result;
  }

  /** Companies with a task running or waiting (for tests). */
  get busy(): number {
    return this.tails.size;
  }
}
