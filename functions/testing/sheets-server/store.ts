/**
 * Spreadsheets of the local server, kept in `<dataDir>/spreadsheets.json`
 * between runs. Writes to disk are coalesced (a burst of calls is saved
 * once) and flushed on stop. The folder is locked while the store is open:
 * a second server on it is refused rather than overwriting this one's file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { lockDataDir, type DataDirLock } from "../data-dir-lock";
import { notFound } from "./api-error";
import type { StoredSpreadsheet } from "./model";

export class SpreadsheetStore {
  private readonly spreadsheets = new Map<string, StoredSpreadsheet>();
  private timer: NodeJS.Timeout | null = null;
  private readonly lock: DataDirLock | null = null;

  constructor(private readonly dataDir: string | null) {
    if (!dataDir) return;
    mkdirSync(dataDir, { recursive: true });
    this.lock = lockDataDir(dataDir, "local Sheets API server");
    const file = this.file();
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, "utf8")) as StoredSpreadsheet[];
      for (const s of saved) this.spreadsheets.set(s.spreadsheetId, s);
    }
  }

  private file(): string | null {
    return this.dataDir ? join(this.dataDir, "spreadsheets.json") : null;
  }

  get(id: string): StoredSpreadsheet {
    const s = this.spreadsheets.get(id);
    if (!s) throw notFound();
    return s;
  }

  list(): StoredSpreadsheet[] {
    return [...this.spreadsheets.values()];
  }

  put(s: StoredSpreadsheet): void {
    this.spreadsheets.set(s.spreadsheetId, s);
    this.changed();
  }

  changed(): void {
    if (!this.dataDir || this.timer) return;
    this.timer = setTimeout(() => this.flush(), 200);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const file = this.file();
    if (!file) return;
    // Write then rename, so a crash never leaves half a file behind.
    writeFileSync(`${file}.tmp`, JSON.stringify(this.list()));
    renameSync(`${file}.tmp`, file);
  }

  /** Saves and unlocks the folder. */
  close(): void {
    this.flush();
    this.lock?.release();
  }
}
