/**
 * `npm start` run twice on one local folder: the Firestore emulator starts
 * empty each time (here: the project is cleared) but the workbooks are
 * kept, so the second run refills the same two workbooks instead of adding
 * two more, and the stored data does not grow.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { RunningService, StartContext } from "../../functions/dev/start";
import { validateAgainstSchema } from "../../functions/testing/bank/xmllint";
import { localRun, startService } from "./local-run";

// Two whole demo loads (about 14 MB of workbooks each) on a shared 2-core machine: a ceiling, not a speed goal.
jest.setTimeout(300_000);

const { firestore, local } = localRun("rerun");

/** The services of a run up to the demo workbooks (no SMTP, jobs or preview). */
const RUN = ["local Sheets API", "api function", "demo data", "demo workbooks"].map(startService);

async function run(): Promise<StartContext> {
  await firestore.clear(); // what a new emulator gives
  const ctx: StartContext = { projectId: firestore.projectId, localDir: local, db: firestore.db };
  const running: RunningService[] = [];
  try {
    for (const service of RUN) running.push(await service.start(ctx));
  } finally {
    for (const s of running.reverse()) await s.stop();
  }
  return ctx;
}

const stored = () =>
  (
    JSON.parse(readFileSync(path.join(local, "sheets", "spreadsheets.json"), "utf8")) as { spreadsheetId: string }[]
  ).map((s) => s.spreadsheetId);
const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? folderBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size),
    0,
  );

it("reuses each demo company's workbook: same ids, as many workbooks, no growth", async () => {
  const first = await run();
  const firstIds = Object.values(first.spreadsheetIds!);
  expect(firstIds).toHaveLength(2);
  expect(stored().sort()).toEqual([...firstIds].sort());
  const firstBytes = folderBytes(local);
  // The bank files the banner points to: a statement to import (valid camt.053) and the prepared transfer file.
  const bank = path.join(local, "bank");
  const statement = path.join(bank, "releve-demo.camt053.xml");
  expect(existsSync(statement)).toBe(true);
  expect(validateAgainstSchema(readFileSync(statement, "utf8"), "camt.053.001.08.xsd").ok).toBe(true);
  const transfers = readdirSync(bank).filter((f) => /^VIR-\d{4}-\d{6}\.xml$/.test(f));
  expect(transfers).toHaveLength(1);
  expect(validateAgainstSchema(readFileSync(path.join(bank, transfers[0]), "utf8"), "pain.001.001.09.xsd").ok).toBe(
    true,
  );

  const second = await run();
  expect(second.spreadsheetIds).toEqual(first.spreadsheetIds);
  expect(stored().sort()).toEqual([...firstIds].sort());
  const secondBytes = folderBytes(local);
  // Random ids of the reloaded demo data may change a few bytes, never a whole workbook's worth.
  expect(Math.abs(secondBytes - firstBytes)).toBeLessThan(firstBytes / 20);

  console.log(`local folder after runs 1 and 2: ${firstBytes}, ${secondBytes} bytes`);
});
