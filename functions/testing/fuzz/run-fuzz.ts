/**
 * The fuzz of the `api`'s input, shared by the Jest test (a seeded share)
 * and `npm run fuzz` (10,000 bodies and more). Each generated request
 * must be answered:
 *   - never 5xx (a 431 for an address above 16 KiB is Node's own answer);
 *   - a refusal: our error shape, in French, naming only fields the
 *     route's schema knows or the caller sent;
 *   - by anyone outside the company, or on a company that does not exist:
 *     exactly the same 403, whatever the body;
 *   - a refusal writes nothing: every commit of the api's Firestore client
 *     is counted (firestore-writes.ts), so each request is checked.
 * Same seed and runs, same requests: a failure is replayed with FUZZ_SEED.
 */
import fc from "fast-check";
import type { WriteWatch } from "../firestore-writes";
import type { CallResult, TestApi } from "../local-api";
import { FUZZ_COMPANY, type FuzzIds, STRANGER } from "./fuzz-targets";
import { type FuzzCase, fuzzCases, requestOf } from "./fuzz-values";

export interface FuzzOptions {
  api: TestApi;
  /** Watching the Firestore client the api writes with. */
  written: WriteWatch;
  ids: FuzzIds;
  seed: number;
  runs: number;
  /** Called every `progressEvery` requests. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
}

export interface FuzzFailure {
  index: number;
  case: FuzzCase;
  status: number;
  problem: string;
  answer: unknown;
}

export interface FuzzReport {
  seed: number;
  runs: number;
  sent: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  /** Documents written by the requests that succeeded (refusals must write none). */
  writes: number;
  failures: FuzzFailure[];
  ms: number;
}

const FRENCH =
  /[éèàâêëîïôûùçœ]|vous|champ|demande|obligatoire|introuvable|montant|doit|facture|acompte|invalide|inconnu|taux|ligne|chiffre/i;

/** The answer every outsider gets, taken once from GET …/me. */
async function forbiddenAnswer(api: TestApi): Promise<CallResult> {
  const answer = await api.call("GET", `/v1/companies/${FUZZ_COMPANY}/me`, { as: STRANGER });
  if (answer.status !== 403) throw new Error(`an outsider's GET /me answered ${answer.status}`);
  return answer;
}

/** What is wrong with `answer` to `fuzzCase`, or null. */
function problemOf(
  fuzzCase: FuzzCase,
  answer: CallResult,
  forbidden: CallResult,
  fields: readonly string[],
  sent: unknown,
): string | null {
  if (answer.status >= 500) return "server error";
  // Node's HTTP parser refuses an address above 16 KiB itself, before the framework (Cloud Run's front end does too).
  if (answer.status === 431 && answer.body === "") return null;
  if (fuzzCase.caller !== "member") {
    return JSON.stringify(answer) === JSON.stringify(forbidden) ? null : "an outsider is not answered the usual 403";
  }
  if (answer.status < 400) return null;
  const error = answer.body?.error;
  if (typeof error?.code !== "string" || typeof error?.message !== "string") return "not our error shape";
  if (!FRENCH.test(error.message)) return "message not in French";
  const sentKeys = sent && typeof sent === "object" ? Object.keys(sent) : [];
  // A sent key may hold dots: « a.b » names it, not a field « a ».
  const named = (path: string) =>
    path === "" || fields.includes(path.split(".")[0]) || sentKeys.some((k) => path === k || path.startsWith(`${k}.`));
  const foreign = (error.details ?? []).map((d: { path: string }) => d.path).filter((p: string) => !named(p));
  return foreign.length ? `refusal names fields the caller never sent: ${foreign.join(", ")}` : null;
}

/** The requests of a seed, in order: what `runFuzz` sends. */
export function sampleCases(ids: FuzzIds, seed: number, runs: number): FuzzCase[] {
  return fc.sample(fuzzCases(ids), { seed, numRuns: runs });
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const { api, ids, written } = options;
  const forbidden = await forbiddenAnswer(api);
  const report: FuzzReport = {
    seed: options.seed,
    runs: options.runs,
    sent: 0,
    byStatus: {},
    serverErrors: 0,
    writes: 0,
    failures: [],
    ms: 0,
  };
  for (const [index, fuzzCase] of sampleCases(ids, options.seed, options.runs).entries()) {
    const request = requestOf(fuzzCase, ids);
    const writesBefore = written.writes;
    const answer = await api.call(request.method, request.path, { as: request.as, body: request.body });
    const writes = written.writes - writesBefore;
    report.sent++;
    report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
    if (answer.status >= 500) report.serverErrors++;
    let problem = problemOf(fuzzCase, answer, forbidden, request.target.fields, request.body ?? fuzzCase.input);
    if (answer.status >= 400 && writes > 0) problem ??= `a refusal wrote ${writes} document(s)`;
    report.writes += writes;
    if (problem) report.failures.push({ index, case: fuzzCase, status: answer.status, problem, answer: answer.body });
    if (options.onProgress && (index + 1) % (options.progressEvery ?? 1000) === 0) options.onProgress(index + 1);
  }
  report.ms = Date.now() - started;
  return report;
}

/** A few lines for a person: what was sent, how it was answered, how long it took. */
export function formatReport(report: FuzzReport): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  const seconds = report.ms / 1000;
  const lines = [
    `fuzz seed ${report.seed}: ${report.sent} requests in ${seconds.toFixed(1)} s (${(report.sent / seconds).toFixed(0)}/s)`,
    `  by status  ${statuses}`,
    `  5xx        ${report.serverErrors}`,
    `  documents written by the successes ${report.writes}, by the refusals 0 unless listed below`,
    `  failures   ${report.failures.length}`,
  ];
  for (const f of report.failures.slice(0, 10)) {
    const input = JSON.stringify(f.case).slice(0, 300);
    lines.push(`  #${f.index} ${f.problem} (${f.status}): ${input} → ${JSON.stringify(f.answer).slice(0, 300)}`);
  }
  return lines.join("\n");
}
