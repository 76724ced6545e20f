/**
 * The folder of `npm start`'s local data (`.local`, or ACOMPTE_LOCAL_DIR),
 * locked for the whole run: a second `npm start` on it stops at once with
 * one line rather than crashing on the shared files; another folder gives
 * a second, separate instance (every port is free by default).
 */
import { join } from "node:path";
import { DataDirLockedError, lockDataDir, type DataDirLock } from "../testing/data-dir-lock";

export function localDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.ACOMPTE_LOCAL_DIR ?? join(process.cwd(), ".local");
}

/** The local Sheets server's data: SHEETS_DATA_DIR, or `sheets` in the local folder. */
export function sheetsDataDir(local = localDir(), env: NodeJS.ProcessEnv = process.env): string {
  return env.SHEETS_DATA_DIR ?? join(local, "sheets");
}

export function lockLocalDir(dir: string): DataDirLock {
  return lockDataDir(dir, "npm start");
}

/** The one line a refused run prints. */
export function alreadyRunning(error: DataDirLockedError): string {
  const { pid, startedAt, purpose } = error.owner;
  const by = purpose === "npm start" ? "" : ` (${purpose})`;
  return `Acompte is already running locally on ${error.dir} (pid ${pid}${by}, started ${startedAt}): stop it with Ctrl-C, or run with ACOMPTE_LOCAL_DIR=<another folder> for a second instance.`;
}
