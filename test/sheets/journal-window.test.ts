/**
 * #14: a large company limits the `Écritures` sheet to its last months (the
 * FEC is the full journal). The next sync drops the older rows and keeps
 * the rest in order; without the setting every entry stays.
 */
import { Timestamp } from "@google-cloud/firestore";
import { addMonths } from "../../functions/src/domain/dates/calendar-date";
import { journalWindowStart } from "../../functions/src/sheets/sync/journal-window";
import { C, SALES } from "../workflow/fixtures";
import { importSuite } from "./import-suite";

const suite = importSuite("sheetsjournalwindow");
const RANGE = "'Écritures'!A1:J";
const NOW = new Date("2026-12-03T09:00:00Z");
const resync = (spreadsheetId: string) =>
  suite.kit.call(suite.fs.db, C, "resync", SALES, { spreadsheetId }, { now: NOW });

/** A balanced deposit entry dated `date`, stored as the ledger stores it. */
async function seedEntry(seq: number, date: string): Promise<void> {
  const content = {
    kind: "deposit_cashed",
    journal: "BQ",
    date,
    pieceRef: `FA-${seq}`,
    label: `Acompte ${seq}`,
    number: `EC-${seq}`,
    source: { kind: "deposit", id: `D${seq}` },
    lines: [
      { account: "512", label: "Banque", debit: "120.00", credit: "0.00" },
      { account: "4191", label: "Acomptes reçus", debit: "0.00", credit: "100.00" },
      { account: "44571", label: "TVA collectée", debit: "0.00", credit: "20.00" },
    ],
  };
  await suite.fs.db.doc(`companies/${C}/journalEntries/E${seq}`).set({
    content,
    createdAt: Timestamp.now(),
    series: "journal",
    seq,
    prevHash: "",
    hash: "",
    number: content.number,
    date,
  });
}

async function sheetEntries(spreadsheetId: string): Promise<string[]> {
  const [values] = await suite.kit.gateway.readValues(spreadsheetId, [RANGE]);
  return values
    .slice(1)
    .filter((line) => line.some((cell) => cell !== ""))
    .map((line) => `${line[0]} ${line[5]}`);
}

test("the window starts on the first day of the month, the current month counted", () => {
  expect(journalWindowStart("2026-12-03", 1)).toBe("2026-12-01");
  expect(journalWindowStart("2026-12-03", 3)).toBe("2026-10-01");
  expect(journalWindowStart("2027-02-28", 3)).toBe("2026-12-01");
  expect(journalWindowStart("2026-03-31", 2)).toBe("2026-02-01");
});

test("a company limiting Écritures to its last 2 months sees the older entries leave the sheet at the next sync", async () => {
  const today = "2026-12-03";
  const old = addMonths(today, -5);
  const lastMonth = addMonths(today, -1);
  await seedEntry(1, old);
  await seedEntry(2, old);
  await seedEntry(3, lastMonth);
  await seedEntry(4, today);
  const spreadsheetId = await suite.workbookWith({});
  expect((await resync(spreadsheetId)).status).toBe(200);
  // No setting: the whole journal.
  expect(await sheetEntries(spreadsheetId)).toHaveLength(12);

  await suite.fs.db.doc(`companies/${C}`).update({ "settings.journalSheetMonths": 2 });
  expect((await resync(spreadsheetId)).status).toBe(200);
  expect(await sheetEntries(spreadsheetId)).toEqual([
    "EC-3 512",
    "EC-3 4191",
    "EC-3 44571",
    "EC-4 512",
    "EC-4 4191",
    "EC-4 44571",
  ]);
  const [values] = await suite.kit.gateway.readValues(spreadsheetId, [RANGE]);
  // Rows 2–7 hold the window, the six rows the older entries took below them are emptied.
  expect(values.slice(7).every((line) => line.every((cell) => cell === ""))).toBe(true);

  // A new entry of the window is added below the others, nothing else moves.
  await seedEntry(5, today);
  expect((await resync(spreadsheetId)).status).toBe(200);
  expect((await sheetEntries(spreadsheetId)).slice(6)).toEqual(["EC-5 512", "EC-5 4191", "EC-5 44571"]);
  expect(await sheetEntries(spreadsheetId)).toHaveLength(9);
});
