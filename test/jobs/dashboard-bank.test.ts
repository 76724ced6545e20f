/**
 * The dashboard's bank figures (issue #15): the closing booked balance
 * (CLBD) of the latest statement imported for the company's account against
 * the book balance of 512 on the statement's date, the difference, and the
 * entries still to reconcile. Statements go through the import route, the
 * deposit through its route (D512 on its cashing date), the job runs on the
 * emulator and writes `Tableau de bord` on the local Sheets server.
 */
import { dashboardJob } from "../../functions/src/jobs/dashboard-job";
import { publishDashboard } from "../../functions/src/jobs/sheets-publisher";
import { maskIban } from "../../functions/src/domain/bank/iban";
import { BANK_ENTRIES, COMPANIES, DASHBOARDS } from "../../functions/src/model/collections";
import { camtStatement, type FakeEntry } from "../../functions/testing/bank/camt-statement";
import { startSheetsKit, type SheetsKit } from "../sheets/sheets-test-kit";
import { testFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { seedCompany, startTestApi, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, USERS } from "../workflow/fixtures";

const fs = testFirestore("dashbank");
const IBAN = "FR7630006000011234567890189";
const base = `/v1/companies/${C}`;
const NNBSP = "\u202f";
let api: TestApi;
let kit: SheetsKit;

beforeAll(async () => {
  kit = await startSheetsKit();
  api = await startTestApi(fs.db);
});
afterAll(async () => {
  await api.close();
  await kit.stop();
  await fs.close();
});
beforeEach(async () => {
  await fs.clear();
  await seedCompany(fs.db, C, USERS as never, { bankIban: IBAN });
});

const importStatement = async (
  id: string,
  closing: { amount: string; direction: "credit" | "debit"; date: string } | undefined,
  entries: FakeEntry[],
  version: "001.08" | "001.02" = "001.08",
) => {
  const file = camtStatement({ id, iban: IBAN, closingBalance: closing, entries }, version);
  const res = await api.call("POST", `${base}/bank/statements`, { as: ACCOUNTING, body: { file } });
  expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
  return res.body;
};

const run = (day: string) =>
  dashboardJob().run({ db: fs.db, now: () => new Date(`${day}T06:00:00Z`), scheduleTime: day });
const latest = async () =>
  (await fs.db.collection(COMPANIES).doc(C).collection(DASHBOARDS).doc("latest").get()).data()!;

test("no statement yet: no balance to compare, nothing to reconcile", async () => {
  await run("2026-02-10");
  expect((await latest()).bank).toEqual({
    statement: null,
    toReconcile: { count: 0, credits: "0.00", debits: "0.00" },
  });
});

test("the latest statement's closing balance against 512 on its date, and what still waits « À rapprocher »", async () => {
  // Domain example 1's deposit: 12,000.00 HT at 20 %, 30 % → 4,320.00 TTC cashed on 15/01/2026: D512 4,320.00.
  api.setToday("2026-01-15");
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  // A second deposit cashed on 05/02, after the January statement: outside its book balance.
  api.setToday("2026-02-05");
  const later = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, orderRef: "CMD-2026-018", cashedDate: "2026-02-05" },
  });
  expect(later.status).toBe(201);

  api.setToday("2026-02-06");
  // January (camt.053.001.02): the deposit's transfer, bank fees the books do not have yet, a payment nobody knows.
  await importStatement(
    "REL-2026-01",
    { amount: "4284.50", direction: "credit", date: "2026-01-31" },
    [
      {
        ref: "J-1",
        amount: "4320.00",
        direction: "credit",
        bookingDate: "2026-01-15",
        counterpartyName: "Hôtel Bellevue SARL",
        remittance: ["Acompte CMD-2026-017"],
      },
      { ref: "J-2", amount: "55.50", direction: "debit", bookingDate: "2026-01-31", remittance: ["Frais de tenue"] },
      { ref: "J-3", amount: "20.00", direction: "credit", bookingDate: "2026-01-20", counterpartyName: "Inconnu" },
    ],
    "001.02",
  );
  // December, imported after January: an older statement, not the one compared.
  await importStatement("REL-2025-12", { amount: "0.00", direction: "credit", date: "2025-12-31" }, []);

  await run("2026-02-10");
  const bank = (await latest()).bank;
  // Book 512 at 31/01: the first deposit only (4,320.00); bank 4,284.50 = 4,320.00 − 55.50 + 20.00.
  expect(bank.statement).toEqual({
    accountIban: IBAN,
    statementId: "REL-2026-01",
    date: "2026-01-31",
    bankBalance: "4284.50",
    bookBalance: "4320.00",
    difference: "-35.50",
  });
  // Every entry of January waits (the import applies no incoming payment nor bank fees itself).
  const entries = await fs.db.collection(COMPANIES).doc(C).collection(BANK_ENTRIES).get();
  const waiting = entries.docs.filter((d) => ["to_reconcile", "unmatched"].includes(d.get("status")));
  expect(bank.toReconcile.count).toBe(waiting.length);
  expect(waiting.length).toBeGreaterThan(0);
  const total = (direction: string) =>
    waiting
      .filter((d) => d.get("entry.direction") === direction)
      .reduce((t, d) => t + Math.round(Number(d.get("entry.amount")) * 100), 0);
  expect(bank.toReconcile.credits).toBe((total("credit") / 100).toFixed(2));
  expect(bank.toReconcile.debits).toBe((total("debit") / 100).toFixed(2));

  // A person reconciles the fee (status applied) and undoes another match (unmatched): still counted.
  const fee = entries.docs.find((d) => d.get("entry.entryRef") === "J-2")!;
  await fee.ref.update({ status: "applied" });
  const unknown = entries.docs.find((d) => d.get("entry.entryRef") === "J-3")!;
  await unknown.ref.update({ status: "unmatched" });
  // An overdrawn February statement (DBIT balance), now the latest: 512 then holds both deposits (8,640.00).
  await importStatement("REL-2026-02", { amount: "120.00", direction: "debit", date: "2026-02-28" }, []);

  await run("2026-03-02");
  const after = (await latest()).bank;
  expect(after.statement).toMatchObject({
    statementId: "REL-2026-02",
    bankBalance: "-120.00",
    bookBalance: "8640.00",
    difference: "-8760.00",
  });
  expect(after.toReconcile).toEqual({
    count: bank.toReconcile.count - 1,
    credits: bank.toReconcile.credits,
    debits: (Number(bank.toReconcile.debits) - 55.5).toFixed(2),
  });

  // The figures in Tableau de bord, French amounts, below everything that was there.
  const spreadsheetId = await kit.newSpreadsheet("Acme — tableau de bord");
  await bindAsOperator(fs.db, C, spreadsheetId);
  await dashboardJob({ publish: publishDashboard(kit.gateway) }).run({
    db: fs.db,
    now: () => new Date("2026-03-02T06:00:00Z"),
    scheduleTime: "sheet",
  });
  const shown = (
    await kit.gateway.api.spreadsheets.values.get({
      spreadsheetId,
      range: "'Tableau de bord'!A1:B80",
      valueRenderOption: "FORMATTED_VALUE",
    })
  ).data.values as string[][];
  const value = (label: string) => shown.find((r) => r[0] === label)?.[1];
  expect(value("Banque : dernier relevé importé")).toBe(`REL-2026-02 (compte ${maskIban(IBAN)}) au 28/02/2026`);
  expect(value("Solde bancaire en fin de relevé")).toBe("-120,00 €");
  expect(value("Solde comptable du compte banque (512) à la date du relevé")).toBe(`8${NNBSP}640,00 €`);
  expect(value("Écart banque − comptabilité")).toBe(`-8${NNBSP}760,00 €`);
  expect(value("Opérations bancaires à rapprocher (nombre)")).toBe(String(after.toReconcile.count));
  const rowOf = (label: string) => shown.findIndex((r) => r[0] === label);
  expect(rowOf("Banque : dernier relevé importé")).toBeGreaterThan(rowOf("Semaine du"));
});
