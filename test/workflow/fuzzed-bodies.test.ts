/**
 * "Bad input gets a clear French message and a 4xx, never a 500, and
 * changes nothing", checked on arbitrary input rather than on the cases we
 * thought of: a seeded share of the fuzz `npm run fuzz` runs at scale
 * (functions/testing/fuzz/): every route that takes a body or a query gets
 * any JSON, or a valid body with one field at any depth replaced —
 * malformed Unicode, control characters, 13-digit amounts, year 0000… —
 * or removed; outsiders and unknown companies get the same 403 whatever
 * they send. A bare number, string, boolean or null never reaches the
 * function: the functions framework's JSON parser (strict mode) refuses it
 * with its own 400, as it does invalid JSON (docs/api.md).
 */
import { ACCOUNTING, FUZZ_COMPANY, type FuzzIds, setUpFuzzCompany } from "../../functions/testing/fuzz/fuzz-targets";
import { type WriteWatch, watchWrites } from "../../functions/testing/firestore-writes";
import { MALFORMED_TEXT } from "../../functions/testing/fuzz/fuzz-values";
import { formatReport, runFuzz, sampleCases } from "../../functions/testing/fuzz/run-fuzz";
import { testFirestore } from "../support/firestore";
import { TestApi, startTestApi } from "../support/workflow-api";

/** Same requests every run; FUZZ_SEED replays another share. */
const SEED = Number(process.env.FUZZ_SEED ?? 20260117);
const RUNS = 600;

const fs = testFirestore("wffuzz");
let api: TestApi;
let ids: FuzzIds;
let written: WriteWatch;

beforeAll(async () => {
  written = watchWrites(fs.db);
  api = await startTestApi(fs.db);
  ids = await setUpFuzzCompany(api, fs.db);
});
afterAll(async () => {
  await api.close();
  await fs.close();
});

test("the share sent includes malformed text, 13-digit amounts, outsiders and unknown companies", () => {
  const sent = sampleCases(ids, SEED, RUNS).map((c) => ({ caller: c.caller, json: JSON.stringify(c.input) ?? "" }));
  const count = (match: (s: { caller: string; json: string }) => boolean) => sent.filter(match).length;
  expect(count((s) => /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|\\udc00/i.test(s.json))).toBeGreaterThan(5);
  expect(count((s) => s.json.includes("\\u0000"))).toBeGreaterThan(5);
  expect(count((s) => MALFORMED_TEXT.some((t) => s.json.includes(JSON.stringify(t).slice(1, -1))))).toBeGreaterThan(40);
  expect(count((s) => s.json.includes('"9999999999999.99"') || s.json.includes('"1234567890123.45"'))).toBeGreaterThan(
    5,
  );
  expect(count((s) => s.caller === "outsider")).toBeGreaterThan(20);
  expect(count((s) => s.caller === "unknown company")).toBeGreaterThan(20);
});

test(`${RUNS} generated requests: no 5xx, French refusals naming only known fields, outsiders 403, no write by a refusal`, async () => {
  const report = await runFuzz({ api, written, ids, seed: SEED, runs: RUNS });
  expect({ serverErrors: report.serverErrors, failures: report.failures }).toEqual({ serverErrors: 0, failures: [] });
  expect(report.sent).toBe(RUNS);
  // Refusals dominate, but some bodies still pass: the fuzz reaches the commands, not only the schemas.
  expect(Object.keys(report.byStatus).filter((s) => Number(s) < 300).length).toBeGreaterThan(0);
  expect(report.byStatus[403]).toBeGreaterThan(40);
  expect(report.writes).toBeGreaterThan(0);
  console.log(formatReport(report));
}, 600_000);

test("the write count the fuzz relies on sees every write of the client: single, batched, transactional", async () => {
  const before = written.writes;
  const probe = fs.db.doc(`companies/${FUZZ_COMPANY}/refunds/${ids.refundId}/instalments/9`);
  await probe.set({ probe: true });
  await fs.db.runTransaction(async (tx) => void tx.update(probe, { probe: false }));
  await fs.db
    .batch()
    .delete(probe)
    .set(fs.db.doc(`companies/${FUZZ_COMPANY}/probes/p`), { probe: true })
    .commit();
  await fs.db.doc(`companies/${FUZZ_COMPANY}/probes/p`).delete();
  expect(written.writes - before).toBe(5);
});

test("a bare JSON value is refused 400 by the framework's parser before the function runs, writing nothing", async () => {
  const before = written.writes;
  for (const rawBody of ["1e308", "0", '"texte"', "true", "null"]) {
    const answer = await api.call("POST", `/v1/companies/${FUZZ_COMPANY}/deposits`, { as: ACCOUNTING, rawBody });
    expect([rawBody, answer.status]).toEqual([rawBody, 400]);
  }
  expect(written.writes).toBe(before);
});
