/**
 * `npm start`: the Firestore emulator, the `api` function on a loopback
 * port in local token mode, demo data, then the URLs and a ready-to-paste
 * curl. Each local server is a Service (start → stop + the lines to print),
 * so others (local Sheets API, add-on preview, SMTP sink) plug into
 * SERVICES below; they start in order and stop in reverse on Ctrl-C.
 */
import { Firestore } from "@google-cloud/firestore";
import { http } from "@google-cloud/functions-framework";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import type { AddressInfo } from "node:net";
import { createApiWithSheets, noticeMailFromEnv } from "../src/app/api-app";
import { localModeAllowed, verifierFromEnv } from "../src/auth/auth-config";
import { sheetsApiFromEnv } from "../src/sheets/sheets-api";
import { SheetsGateway } from "../src/sheets/sheets-gateway";
import { apiClient } from "./demo-data/api-client";
import { MENUISERIE } from "./demo-data/companies";
import { loadDemoData } from "./demo-data/load-demo";
import { writeDemoBankFiles } from "./demo-data/bank-files";
import { guardBodySize } from "../testing/body-size-guard";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { localModeEnv, mintLocalToken } from "../testing/local-tokens";
import { DataDirLockedError } from "../testing/data-dir-lock";
import type { SheetsServer } from "../testing/sheets-server/index";
import { alreadyRunning, localDir, lockLocalDir } from "./local-dir";
import { addonPreviewService } from "./services/addon-preview";
import { demoWorkbooksService, sheetsServerService } from "./services/sheets";
import { storageServerService } from "./services/storage";
import { jobsService, smtpSinkService } from "./services/jobs";

/** What the services share once started. */
export interface StartContext {
  emulatorHost?: string;
  projectId: string;
  /** The run's local data folder (locked by this run; default `localDir()`): functions/dev/local-dir.ts. */
  localDir?: string;
  db?: Firestore;
  apiUrl?: string;
  /** The local Sheets API server, when it runs. */
  sheetsUrl?: string;
  sheetsServer?: SheetsServer;
  /** Where the local Sheets server keeps its data (and the demo workbooks' index). */
  sheetsDataDir?: string;
  /** Company id → the spreadsheet bound to it (set by the demo workbooks). */
  spreadsheetIds?: Record<string, string>;
}

export interface RunningService {
  /** Lines printed once everything is up. */
  lines: string[];
  /** Pages a person opens in a browser, repeated at the end of the output. */
  open?: string[];
  stop(): Promise<void>;
}

export interface Service {
  name: string;
  start(ctx: StartContext): Promise<RunningService>;
}

const emulatorService: Service = {
  name: "Firestore emulator",
  async start(ctx) {
    const emulator = await startFirestoreEmulator({ projectId: ctx.projectId });
    ctx.emulatorHost = emulator.host;
    Object.assign(process.env, localModeEnv(emulator.host), { GCLOUD_PROJECT: ctx.projectId });
    ctx.db = new Firestore({ projectId: ctx.projectId, host: emulator.host, ssl: false });
    return {
      lines: [
        `Firestore emulator   ${emulator.host} (project ${ctx.projectId}); UI-less: FIRESTORE_EMULATOR_HOST=${emulator.host}`,
      ],
      stop: async () => {
        await ctx.db?.terminate();
        await emulator.stop();
      },
    };
  },
};

const apiService: Service = {
  name: "api function",
  async start(ctx) {
    if (!ctx.db || !localModeAllowed(process.env)) throw new Error("the api needs the emulator and local token mode");
    // The Sheets service started before: the api writes back to the local Sheets server after each change.
    const gateway = new SheetsGateway(sheetsApiFromEnv(process.env));
    const api = createApiWithSheets(
      { db: ctx.db, verifier: verifierFromEnv(process.env) },
      gateway,
      noticeMailFromEnv(process.env),
    );
    http("api", api as Parameters<typeof http>[1]);
    const server = guardBodySize(getTestServer("api"));
    await new Promise<void>((resolve) =>
      server.listen(Number(process.env.ACOMPTE_API_PORT ?? 0), "127.0.0.1", resolve),
    );
    ctx.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      lines: [
        `api function         ${ctx.apiUrl}/v1/companies/{companyId}/…  (local ID tokens: npx tsx functions/testing/local-tokens.ts <email>)`,
      ],
      async stop() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        // Before the Sheets server and the emulator stop (services stop in reverse): the last changes' dashboard is written.
        await api.flush();
      },
    };
  },
};

const demoDataService: Service = {
  name: "demo data",
  async start(ctx) {
    if (!ctx.db || !ctx.apiUrl) throw new Error("demo data needs the emulator and the api");
    const summary = await loadDemoData(ctx.db, apiClient(ctx.apiUrl));
    const bank = await writeDemoBankFiles(ctx.db, summary, ctx.localDir ?? localDir());
    const token = mintLocalToken("alice@menuiserie.test");
    return {
      lines: [
        `demo data            companies ${summary.companies.join(", ")}; ${summary.deposits} deposits; requests: ${Object.entries(
          summary.requests,
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(" ")}`,
        `bank files           statement to import (sidebar « Banque », as alice@): ${bank.statement}`,
        `                     SEPA transfer file prepared from the demo refunds: ${bank.transferFile}`,
        "users                rachel@ (requester), sam@ (sales), alice@ (accounting), adam@ (admin), chef@ (all) @menuiserie.test; lea@, marc@, ines@, admin@ @studio.test",
        "",
        "Try (pending approvals of alice, accounting approver of Menuiserie Durand):",
        `curl -s -H "Authorization: Bearer ${token}" ${ctx.apiUrl}/v1/companies/${MENUISERIE.id}/approvals/pending`,
        "",
        `Approve one (a new Idempotency-Key per action):`,
        `curl -s -X POST -H "Authorization: Bearer ${token}" -H "Idempotency-Key: $(uuidgen || date +%s%N)" -H "Content-Type: application/json" -d '{}' ${ctx.apiUrl}/v1/companies/${MENUISERIE.id}/refunds/${summary.requests.sales_approved}/approve`,
      ],
      stop: async () => undefined,
    };
  },
};

/**
 * In start order: the Sheets server, the storage server and the SMTP sink
 * before the api (the api writes back to the first, keeps its documents in
 * the second and sends its notices to the third), the
 * workbooks after the demo data they show, the jobs after the SMTP sink
 * they send to, the add-on preview last (it needs all of them).
 */
export const SERVICES: Service[] = [
  emulatorService,
  sheetsServerService,
  storageServerService,
  smtpSinkService,
  apiService,
  demoDataService,
  demoWorkbooksService,
  jobsService,
  addonPreviewService(MENUISERIE),
];

async function main(): Promise<void> {
  process.env.METADATA_SERVER_DETECTION = "none";
  const dir = localDir();
  const ctx: StartContext = { projectId: process.env.ACOMPTE_PROJECT ?? "demo-acompte", localDir: dir };
  let lock: ReturnType<typeof lockLocalDir>;
  try {
    // Before any service: a second run on the same folder stops here, having started nothing.
    lock = lockLocalDir(dir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(alreadyRunning(error));
    process.exit(1);
  }
  const running: RunningService[] = [];
  const stopAll = async () => {
    for (const s of running.reverse()) await s.stop().catch((e) => console.error(e));
    lock.release();
  };
  process.on("SIGINT", () => void stopAll().then(() => process.exit(0)));
  process.on("SIGTERM", () => void stopAll().then(() => process.exit(0)));
  try {
    for (const service of SERVICES) {
      process.stdout.write(`starting ${service.name}…\n`);
      running.push(await service.start(ctx));
    }
  } catch (error) {
    console.error(
      error instanceof DataDirLockedError ? alreadyRunning(error) : `npm start failed: ${(error as Error).message}`,
    );
    await stopAll();
    process.exit(1);
  }
  console.log(`\nAcompte is running (Ctrl-C to stop):\n`);
  for (const s of running) for (const line of s.lines) console.log(line);
  const pages = running.flatMap((s) => s.open ?? []);
  if (pages.length > 0) console.log(`\nOpen in your browser:\n${pages.map((page) => `  ${page}`).join("\n")}`);
  if (process.env.ACOMPTE_START_EXIT === "1") {
    await stopAll();
    process.exit(0);
  }
}

if (require.main === module) void main();
