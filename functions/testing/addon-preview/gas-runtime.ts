/**
 * Main-thread side of the Apps Script runtime used by the preview: starts the
 * worker (bundled on the fly with esbuild so it runs under node, tsx or jest
 * alike), performs its HTTP requests with fetch, and queues calls one at a
 * time, as Apps Script runs one execution per user action.
 */
import { build, stop } from "esbuild";
import path from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import type { FetchAnswer, GasAnswer, GasCall, GasWorkerData } from "./gas-worker";
import type { HttpRequest } from "./stand-ins";

export interface GasRuntime {
  call(call: Omit<GasCall, "id">): Promise<GasAnswer>;
  stop(): Promise<void>;
}

async function workerSource(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, "gas-worker.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
  });
  // esbuild's service process would otherwise keep the host process alive.
  await stop();
  return result.outputFiles[0].text;
}

async function performFetch(request: HttpRequest): Promise<FetchAnswer> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      response: {
        status: response.status,
        headers,
        body: bytes.toString("utf8"),
        bodyBase64: bytes.toString("base64"),
      },
    };
  } catch (error) {
    return { error: `Address unavailable: ${request.url} (${error instanceof Error ? error.message : String(error)})` };
  }
}

export async function startGasRuntime(code: string, htmlFiles: Record<string, string>): Promise<GasRuntime> {
  const flag = new SharedArrayBuffer(4);
  const signal = new Int32Array(flag);
  const { port1, port2 } = new MessageChannel();
  const data: GasWorkerData = { code, htmlFiles, fetchPort: port2, flag };
  const worker = new Worker(await workerSource(), { eval: true, workerData: data, transferList: [port2] });

  port1.on("message", (request: HttpRequest) => {
    void performFetch(request).then((answer) => {
      port1.postMessage(answer);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });

  let nextId = 1;
  const pending = new Map<number, { resolve: (a: GasAnswer) => void; reject: (e: Error) => void }>();
  worker.on("message", (answer: GasAnswer) => {
    pending.get(answer.id)?.resolve(answer);
    pending.delete(answer.id);
  });
  worker.on("error", (error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  });

  let queue: Promise<unknown> = Promise.resolve();
  return {
    call(call) {
      const run = () =>
        new Promise<GasAnswer>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ ...call, id });
        });
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async stop() {
      port1.close();
      await worker.terminate();
    },
  };
}
