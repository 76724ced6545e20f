/**
 * Two runs on one local data folder: the second `npm start` stops at once
 * with one line (no stack, nothing started), a second Sheets server on the
 * same data is refused and the first one's file stays whole; a lock left by
 * a dead process is taken over.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { DataDirLockedError, lockDataDir, lockFile } from "../../functions/testing/data-dir-lock";
import { startSheetsServer } from "../../functions/testing/sheets-server";

const ROOT = path.resolve(__dirname, "../..");
const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "acompte-local-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

it("a second npm start on a folder in use stops at once with one clear line and starts nothing", () => {
  const dir = freshDir();
  const held = lockDataDir(dir, "npm start");
  const lockBefore = readFileSync(lockFile(dir), "utf8");
  try {
    const second = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["functions/dev/start.ts"], {
      cwd: ROOT,
      env: { ...process.env, ACOMPTE_LOCAL_DIR: dir, ACOMPTE_START_EXIT: "1" },
      encoding: "utf8",
    });
    expect(second.status).toBe(1);
    expect(second.stdout).toBe(""); // not even « starting Firestore emulator… »
    const lines = second.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Acompte is already running locally on ${dir} \\(pid ${process.pid}, started \\d{4}-\\d\\d-\\d\\dT[^)]+\\): stop it with Ctrl-C, or run with ACOMPTE_LOCAL_DIR=<another folder> for a second instance\\.$`,
      ),
    );
    // The running instance's lock and folder are as they were.
    expect(readFileSync(lockFile(dir), "utf8")).toBe(lockBefore);
    expect(existsSync(path.join(dir, "sheets"))).toBe(false);
  } finally {
    held.release();
  }
  expect(existsSync(lockFile(dir))).toBe(false);
});

it("a second Sheets server on the same data is refused; the first keeps serving and saving whole", async () => {
  const dataDir = freshDir();
  const first = await startSheetsServer({ dataDir });
  const api = createSheetsApi(first.functionsAccess);
  const created = await api.spreadsheets.create({ requestBody: { properties: { title: "Premier" } } });
  const refusal = await startSheetsServer({ dataDir }).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(DataDirLockedError);
  expect((refusal as DataDirLockedError).owner).toMatchObject({ pid: process.pid, purpose: "local Sheets API server" });
  await api.spreadsheets.values.update({
    spreadsheetId: created.data.spreadsheetId!,
    range: "Sheet1!A1",
    valueInputOption: "RAW",
    requestBody: { values: [["après le refus"]] },
  });
  await first.stop();

  const saved = JSON.parse(readFileSync(path.join(dataDir, "spreadsheets.json"), "utf8")) as {
    spreadsheetId: string;
  }[];
  expect(saved.map((s) => s.spreadsheetId)).toEqual([created.data.spreadsheetId]);
  // Stopped, the folder is free again, with the data as left.
  const again = await startSheetsServer({ dataDir });
  const read = await createSheetsApi(again.functionsAccess).spreadsheets.values.get({
    spreadsheetId: created.data.spreadsheetId!,
    range: "Sheet1!A1",
  });
  expect(read.data.values).toEqual([["après le refus"]]);
  await again.stop();
});

it("takes over a lock whose owner is dead, or that is unreadable, but never a live one", () => {
  const dir = freshDir();
  writeFileSync(
    lockFile(dir),
    JSON.stringify({ pid: deadPid(), startedAt: "2026-01-01T00:00:00.000Z", purpose: "npm start" }),
  );
  const taken = lockDataDir(dir, "npm start");
  expect(JSON.parse(readFileSync(lockFile(dir), "utf8"))).toMatchObject({ pid: process.pid });
  expect(() => lockDataDir(dir, "npm start")).toThrow(DataDirLockedError);
  taken.release();

  writeFileSync(lockFile(dir), '{"pid":');
  lockDataDir(dir, "npm start").release();
  expect(existsSync(lockFile(dir))).toBe(false);
});
