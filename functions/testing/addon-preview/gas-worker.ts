/**
 * Worker thread that runs the add-on's server functions the way Apps Script
 * does: synchronously. UrlFetchApp.fetch blocks this thread on a shared flag
 * while the main thread performs the real HTTP request, so the main thread
 * (which may also host the functions themselves) never blocks.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { loadAddon } from "./load-addon";
import { createStandIns, type HttpResponse, type SpreadsheetModel, type StandInOptions } from "./stand-ins";

export interface GasWorkerData {
  code: string;
  htmlFiles: Record<string, string>;
  fetchPort: MessagePort;
  flag: SharedArrayBuffer;
}

export interface GasCall {
  id: number;
  fn: string;
  args: unknown[];
  token: string | null;
  spreadsheet: SpreadsheetModel;
  scriptProperties: Record<string, string>;
  documentProperties: Record<string, string>;
  promptAnswers: NonNullable<StandInOptions["promptAnswers"]>;
  /** Where SpreadsheetApp stores developer metadata (the local Sheets server), as the acting user. */
  sheetsApi?: StandInOptions["sheetsApi"];
}

export interface GasAnswer {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
  alerts: { title?: string; prompt: string }[];
  /** Every question ui.prompt asked: one more than the answers given means the last went unanswered (CANCEL). */
  prompts: { title?: string; prompt: string }[];
  documentProperties: Record<string, string>;
}

/** What the main thread answers to a fetch: the response, or the reason it failed. */
export type FetchAnswer = { response: HttpResponse } | { error: string };

const { code, htmlFiles, fetchPort, flag } = workerData as GasWorkerData;
const signal = new Int32Array(flag);

function syncFetch(request: unknown): HttpResponse {
  Atomics.store(signal, 0, 0);
  fetchPort.postMessage(request);
  Atomics.wait(signal, 0, 0);
  const message = receiveMessageOnPort(fetchPort);
  if (!message) throw new Error("Exception: no answer from the preview's HTTP bridge");
  const answer = message.message as FetchAnswer;
  if ("error" in answer) throw new Error(`Exception: ${answer.error}`);
  return answer.response;
}

parentPort?.on("message", (call: GasCall) => {
  const standIns = createStandIns({
    htmlFiles,
    spreadsheet: call.spreadsheet,
    transport: syncFetch,
    identityToken: () => call.token,
    scriptProperties: call.scriptProperties,
    documentProperties: call.documentProperties,
    promptAnswers: call.promptAnswers,
    sheetsApi: call.sheetsApi,
  });
  const { alerts, prompts } = standIns.recorder;
  const answer: GasAnswer = { id: call.id, ok: true, alerts, prompts, documentProperties: {} };
  try {
    const addon = loadAddon(code, standIns) as unknown as Record<string, (...args: unknown[]) => unknown>;
    // Apps Script hands results to google.script.run as JSON-like data.
    answer.result = JSON.parse(JSON.stringify(addon[call.fn](...call.args) ?? null));
  } catch (error) {
    answer.ok = false;
    answer.error = error instanceof Error ? error.message : String(error);
  }
  answer.documentProperties = standIns.documentProperties;
  parentPort?.postMessage(answer);
});
