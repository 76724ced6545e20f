/**
 * Model-based test of the money in the workflow: random sequences of what a
 * finance team does — deposits (B2B/B2C, acompte/arrhes, goods/services, one
 * or two VAT rates, percent or amount), refund requests on them (full,
 * amount, lines; single or equal schedules; the reasons the law knows),
 * approvals by the right and the wrong people, rejections, cancellations,
 * instalments paid, final invoices, customer payments (lettrage), external
 * invoices, refunds of customer credits, replays of a call — against the real
 * `api` on the emulator, the date moving forward between steps.
 *
 * A small model of the company predicts each answer (status and error code),
 * the refundable balances, the invoices' open amounts and the quotes'
 * arithmetic. After every step Firestore is read directly and checked:
 * balanced entries, gapless chronological series, credit notes within their
 * deposit per rate and citing it, schedules that sum to what is paid out, the
 * ledger's accounts (512, 411, 4191, 44571, sales, compensation) equal to
 * what the documents say (domain.md, ledger table). A refusal must be a 4xx
 * that changes no document. Each run ends with the hash chains verified.
 *
 * MODEL_SEED / MODEL_RUNS / MODEL_PATH (fast-check's replay path) reproduce a failure;
 * MODEL_VERBOSE=1 prints every step and what the runs did (action → answer).
 */
import fc from "fast-check";
import { testFirestore } from "../../support/firestore";
import { TestApi, seedCompany, startTestApi } from "../../support/workflow-api";
import { must, ADAM, ROLES, Model } from "./model";
import { readState, tally, vatDeviations } from "./invariants";
import { Real, cmds } from "./commands";
// ---------------------------------------------------------------- the property

const fsm = testFirestore("wfmodel");
let api: TestApi;
let runs = 0;

beforeAll(async () => {
  api = await startTestApi(fsm.db);
});
afterAll(async () => {
  await api.close();
  await fsm.close();
});

test("random sequences of the finance team's actions keep every document, series and account consistent", async () => {
  const started = Date.now();
  let steps = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        threshold: fc.constantFrom("500.00", "2000.00", "5000.00"),
        arrhesVatOnReceipt: fc.boolean(),
        vatOnDebits: fc.boolean(),
        start: fc.constantFrom("2026-01-05", "2026-01-05", "2026-02-16", "2026-12-14"),
      }),
      fc.commands(cmds, { maxCommands: 70, size: "max" }),
      async (settings, commands) => {
        const companyId = `run-${++runs}`;
        await seedCompany(fsm.db, companyId, ROLES, {
          approvalThreshold: settings.threshold,
          arrhesVatOnReceipt: settings.arrhesVatOnReceipt,
          vatOnDebits: settings.vatOnDebits,
        });
        api.setToday(settings.start);
        const real: Real = { api, db: fsm.db, companyId, state: await readState(fsm.db, companyId), steps: [] };
        const model: Model = {
          today: settings.start,
          threshold: settings.threshold,
          arrhesVat: settings.arrhesVatOnReceipt,
          orders: [],
          deposits: [],
          refunds: [],
          invoices: [],
          credits: [],
          counter: 1,
          last: null,
        };
        try {
          await fc.asyncModelRun(() => ({ model, real }), commands);
          const verify = await api.call("GET", `/v1/companies/${companyId}/audit/verify`, { as: ADAM });
          must(verify.status === 200 && verify.body.ok === true, `chains: ${JSON.stringify(verify.body.firstBroken)}`);
          steps += real.steps.length;
          if (process.env.MODEL_VERBOSE) console.log(`${companyId}\n  ${real.steps.join("\n  ")}`);
        } catch (error) {
          if (error instanceof Error) error.message += `\n  steps:\n    ${real.steps.join("\n    ")}`;
          throw error;
        }
      },
    ),
    {
      numRuns: Number(process.env.MODEL_RUNS ?? 15),
      ...(process.env.MODEL_SEED ? { seed: Number(process.env.MODEL_SEED) } : {}),
      ...(process.env.MODEL_PATH ? { path: process.env.MODEL_PATH } : {}),
    },
  );
  const verbose = process.env.MODEL_VERBOSE
    ? [...[...vatDeviations].map((v) => `  allowed: ${v}`), ...[...tally].sort().map(([k, n]) => `  ${k}: ${n}`)]
    : [];
  console.log(
    [
      `model-based: ${runs} runs, ${steps} steps in ${Date.now() - started} ms; credit notes whose VAT is not half-up(net × rate), allowed: ${vatDeviations.size}`,
      ...verbose,
    ].join("\n"),
  );
}, 600_000);
