/**
 * An exclusive lock on a local data folder (`npm start`'s `.local`, the
 * local Sheets server's data): a `.lock` file created with `wx`, holding the
 * owner's pid, start time and purpose. A lock whose pid is dead (a run
 * killed with -9) is stale and taken over; a live one refuses with the
 * owner, so two processes never write the same files.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";

export interface LockOwner {
  pid: number;
  startedAt: string;
  purpose: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
  ) {
    super(`${dir} is in use by pid ${owner.pid} (${owner.purpose}, started ${owner.startedAt})`);
  }
}

export interface DataDirLock {
  release(): void;
}

export const lockFile = (dir: string) => join(dir, ".lock");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, owned by someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): { text: string; owner: LockOwner | null } | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null; // released meanwhile
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, owner: Number.isInteger(owner.pid) ? owner : null };
  } catch {
    return { text, owner: null }; // a half-written lock of a crashed owner
  }
}

/** Takes the lock on `dir` (created if missing) or throws DataDirLockedError. */
export function lockDataDir(dir: string, purpose: string): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const file = lockFile(dir);
  const me: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), purpose };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          // Only our own lock: never remove one a later owner took over.
          if (readOwner(file)?.owner?.pid === process.pid) unlinkSync(file);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const held = readOwner(file);
    if (!held) continue;
    if (held.owner && alive(held.owner.pid)) throw new DataDirLockedError(dir, held.owner);
    // Stale: removed only if still the very file judged stale, then retried with `wx` (one winner).
    if (readOwner(file)?.text === held.text) unlinkSync(file);
  }
  const last = readOwner(file)?.owner;
  throw new DataDirLockedError(dir, last ?? { pid: 0, startedAt: "?", purpose: "unknown" });
}
