/**
 * A built function (dist/functions/NAME) served the way Cloud Functions runs
 * it: the functions framework in its own Node process, loading the bundle
 * from `--source` and serving `--target` on a loopback port. Used by the
 * bundled-api test and the cold-start bench.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { dirname, join } from "node:path";
import { FUNCTION_NODE_FLAGS } from "../tools/deploy/runtime";
import { freeLoopbackPort } from "./firestore-emulator";
import { stopChild } from "./stop-child";

/** The framework's command (its package.json `bin`; `exports` does not expose it, so found next to the main module). */
export const FRAMEWORK_MAIN = join(dirname(require.resolve("@google-cloud/functions-framework")), "main.js");

export interface ServeOptions {
  /** The folder holding the bundle and its package.json. */
  source: string;
  target: string;
  /** The function's environment (nothing else is inherited but PATH; the heap limit is the deployed one). */
  env: Record<string, string>;
}

export interface ServedFunction {
  url: string;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  /** What the process printed so far (for failure messages). */
  output(): string;
  /** Whether the process has ended (a crash while loading, for instance). */
  exited(): boolean;
  /** CPU time the process used so far (user + system), where /proc tells it; null elsewhere. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

export async function serveFunction(options: ServeOptions): Promise<ServedFunction> {
  const port = await freeLoopbackPort();
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [FRAMEWORK_MAIN, `--target=${options.target}`, `--source=${options.source}`, `--port=${port}`],
    {
      env: { PATH: process.env.PATH ?? "", NODE_OPTIONS: FUNCTION_NODE_FLAGS.join(" "), ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const collect = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-20_000));
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  return {
    url: `http://127.0.0.1:${port}`,
    spawnedAt,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    cpuMs: () => processCpuMs(child.pid),
    stop: () => stopChild(child),
  };
}

/** utime + stime of /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms on Linux). */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface HttpCall {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request with node:http (no fetch: its first use in a process costs tens of milliseconds, which a timing would count). */
export function httpCall(url: string, call: HttpCall = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: call.method ?? "GET", headers: call.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(call.body);
  });
}

/**
 * The first answer of a function still starting: the request is retried
 * every few milliseconds while nothing listens on the port yet, then waits
 * for its response. `sentAt` is performance.now() when the request that
 * got through was sent (the port was listening by then, give or take the
 * retry interval), `at` when its answer arrived.
 */
export async function firstAnswer(
  fn: ServedFunction,
  path: string,
  call: HttpCall = {},
  timeoutMs = 60_000,
): Promise<HttpAnswer & { sentAt: number; at: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const sentAt = performance.now();
    try {
      const answer = await httpCall(`${fn.url}${path}`, call);
      return { ...answer, sentAt, at: performance.now() };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ECONNREFUSED") throw error;
      if (fn.exited()) throw new Error(`${fn.url}: the function's process ended:\n${fn.output()}`);
      if (performance.now() > deadline)
        throw new Error(`${fn.url} did not answer within ${timeoutMs} ms:\n${fn.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
