/**
 * The French wording check of issue #12: every refusal below is produced by
 * the real api (emulator, real commands) from an input a person can type;
 * its message and each detail are scanned, as are the label table and the
 * sheet headers. No English decimal point, no ISO date, no field path, no
 * untranslated code may reach a user.
 */
import * as labels from "../../functions/src/domain/vocabulary/labels";
import { WORKBOOK } from "../../functions/src/sheets/layout/workbook-spec";
import { testFirestore } from "../support/firestore";
import { wordingProblems } from "../support/french-wording";
import { TestApi, seedCompany, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, USERS, refundBody } from "./fixtures";

const fs = testFirestore("wfwording");
let api: TestApi;
const base = `/v1/companies/${C}`;
let depositId: string;

beforeAll(async () => {
  api = await startTestApi(fs.db);
  await seedCompany(fs.db, C, USERS as never, { approvalThreshold: "4000.00" });
  api.setToday("2026-01-15");
  depositId = (await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).body.id;
  api.setToday("2026-03-10");
});
afterAll(async () => {
  await api.close();
  await fs.close();
});

/** Every text of an error answer a person may read: the message and each detail. */
async function refusalTexts(path: string, as: string, body: unknown): Promise<string[]> {
  const answer = await api.call("POST", path, { as, body });
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  const error = answer.body.error as { message: string; details: { path: string; message: string }[] };
  return [error.message, ...error.details.map((d) => d.message)];
}

/** A commercial gesture: the only reason that refunds exactly the scope asked (the others decide it). */
const quote = (change: Record<string, unknown>) => ({
  ...refundBody(depositId),
  reason: "commercial_gesture",
  ...change,
});

/** [what a person did, route, who, body]: inputs a person can type in the sidebar or the sheets. */
const REFUSALS: [string, string, string, () => unknown][] = [
  [
    "asks more than the balance",
    "refunds/quote",
    REQUESTER,
    () => quote({ scope: { kind: "amount", amount: "99999.00" } }),
  ],
  [
    "asks more net than the balance at a rate",
    "refunds/quote",
    REQUESTER,
    () => quote({ scope: { kind: "lines", lines: [{ vatRate: "20", net: "99999.00" }] } }),
  ],
  [
    "asks a rate the deposit does not have",
    "refunds/quote",
    REQUESTER,
    () => quote({ scope: { kind: "lines", lines: [{ vatRate: "5.5", net: "10.00" }] } }),
  ],
  ["types three decimals", "refunds/quote", REQUESTER, () => quote({ scope: { kind: "amount", amount: "10.001" } })],
  [
    "plans instalments that do not add up",
    "refunds/quote",
    REQUESTER,
    () => quote({ schedule: { kind: "dates", instalments: [{ dueDate: "2026-04-30", amount: "100.00" }] } }),
  ],
  ["pays before today", "refunds/quote", REQUESTER, () => quote({ schedule: { kind: "single", date: "2026-03-01" } })],
  [
    "splits a tiny amount in many instalments",
    "refunds/quote",
    REQUESTER,
    () =>
      quote({
        scope: { kind: "amount", amount: "0.05" },
        schedule: { kind: "equal", count: 10, intervalMonths: 1, firstDate: "2026-03-31" },
      }),
  ],
  ["a withdrawal for a business customer", "refunds/quote", REQUESTER, () => quote({ reason: "consumer_withdrawal" })],
  ["an impossible termination date", "refunds/quote", REQUESTER, () => quote({ terminationDate: "2026-02-30" })],
  ["a deposit above its order", "deposits", ACCOUNTING, () => ({ ...DEPOSIT_BODY, deposit: { amount: "999999.00" } })],
  [
    "a professional customer without SIREN",
    "deposits",
    ACCOUNTING,
    () => ({ ...DEPOSIT_BODY, customer: { name: "X", kind: "b2b" } }),
  ],
  ["a deposit cashed tomorrow", "deposits", ACCOUNTING, () => ({ ...DEPOSIT_BODY, cashedDate: "2026-03-11" })],
  [
    "an external invoice whose net to pay is wrong",
    "invoices/external",
    ACCOUNTING,
    () => ({
      number: "2025-F-0917",
      date: "2026-02-10",
      customer: DEPOSIT_BODY.customer,
      total: { net: "450.00", vat: "90.00" },
      amountDue: "600.00",
    }),
  ],
];

describe("every refusal a person can meet reads French", () => {
  test.each(REFUSALS)("%s", async (_, route, as, body) => {
    const texts = await refusalTexts(`${base}/${route}`, as, body());
    expect(texts.flatMap((t) => wordingProblems(t).map((p) => `${p} in: ${t}`))).toEqual([]);
  });
});

describe("the label table and the sheet headers read French", () => {
  const tables = Object.entries(labels).filter(
    (e): e is [string, Record<string, string>] => e[0].endsWith("_LABELS") && typeof e[1] === "object",
  );
  test.each(tables)("%s", (_, table) => {
    expect(Object.values(table).flatMap(wordingProblems)).toEqual([]);
  });
  test.each(WORKBOOK.map((sheet) => [sheet.title, sheet] as const))("headers of %s", (_, sheet) => {
    expect([sheet.title, ...sheet.columns.map((c) => c.header)].flatMap(wordingProblems)).toEqual([]);
  });
});

describe("the check itself", () => {
  test.each([
    ["Le remboursement demandé (600.00) dépasse le solde", "English decimal point"],
    ["échéance du 2026-11-30", "ISO date"],
    ["Champ « scope.lines.0.net » : négatif", "field path"],
    ["Champ « terminationDate » : absent", "code identifier"],
    ["réservé au client b2c", "untranslated code"],
  ])("catches %s", (text, problem) => {
    expect(wordingProblems(text).join()).toContain(problem);
  });
  test("lets a French sentence pass", () => {
    expect(
      wordingProblems("Le remboursement demandé (1 234,56 €) dépasse le solde au 30/11/2026 (alice@acme.fr)."),
    ).toEqual([]);
  });
});
