/**
 * The `api` function for tests and `npm run fuzz`: registered with the
 * functions framework (its Express JSON parsing included) and served on a
 * loopback port, with local tokens and an injectable clock.
 */
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { http } from "@google-cloud/functions-framework";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createApi } from "../src/app/api-app";
import type { ChangeNotifier } from "../src/application/ports/change-notifier";
import type { Route } from "../src/http/route";
import { localTokenVerifier } from "../src/auth/token-verifier";
import type { CompanySettings } from "../src/model/company";
import type { Role } from "../src/model/roles";
import { guardBodySize } from "./body-size-guard";
import { LOCAL_AUDIENCE, LOCAL_PUBLIC_KEY_FILE, mintLocalToken } from "./local-tokens";
import { COMPANIES, USERS } from "../src/model/collections";

export interface CallOptions {
  as?: string;
  token?: string | null;
  body?: unknown;
  key?: string | null;
  rawBody?: string | Uint8Array | ReadableStream<Uint8Array>;
  /** Extra request headers (e.g. a Content-Length announcing more than is sent). */
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export interface TestApi {
  url: string;
  /** Sets the service's date (`YYYY-MM-DD`, noon in Paris). */
  setToday(day: string): void;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

/** `extraRoutes`: e.g. the Sheets routes (sheetsRoutes(gateway)), as the deployed api has them. */
export async function startTestApi(
  db: Firestore,
  notifier?: ChangeNotifier,
  extraRoutes: readonly Route[] = [],
): Promise<TestApi> {
  let today = "2026-01-15";
  // Time moves on between calls (1 ms each), as it does in real life, so events keep their order.
  let tick = 0;
  const name = `api-${randomUUID()}`;
  const verifier = localTokenVerifier(readFileSync(LOCAL_PUBLIC_KEY_FILE, "utf8"), LOCAL_AUDIENCE);
  http(
    name,
    createApi(
      {
        db,
        verifier,
        clock: () => new Date(Date.parse(`${today}T11:00:00Z`) + tick++),
        ...(notifier ? { notifier } : {}),
      },
      extraRoutes,
    ) as Parameters<typeof http>[1],
  );
  const server = guardBodySize(getTestServer(name));
  // Idle connections are closed by the client (fetch keeps them 4 s), never by the server: a server closing one
  // just as the client reuses it (Node's default 5 s, late under load) resets that request (ECONNRESET).
  // close() below ends whatever is still open.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    setToday: (day) => (today = day),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
      const token = options.token === undefined ? (options.as ? mintLocalToken(options.as) : null) : options.token;
      if (token) headers.authorization = `Bearer ${token}`;
      const key = options.key === undefined ? (method === "GET" ? null : randomUUID()) : options.key;
      if (key) headers["idempotency-key"] = key;
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        body:
          options.rawBody ?? (method === "GET" || method === "HEAD" ? undefined : JSON.stringify(options.body ?? {})),
        // A stream body (sent chunked, no Content-Length) needs it.
        ...(options.rawBody instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON: kept as text so the test shows it */
      }
      // Headers (dates, lengths) differ between a call and its replay: kept out of equality checks.
      return Object.defineProperty({ status: res.status, body }, "headers", {
        value: res.headers,
        enumerable: false,
      }) as CallResult;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const DEFAULT_SETTINGS: CompanySettings = {
  name: "Menuiserie Durand SAS",
  siren: "552100554",
  vatOnDebits: false,
  arrhesVatOnReceipt: true,
  accounts: {},
  approvalThreshold: "5000.00",
  paymentTerms: { kind: "days", days: 30 },
};

/** A company with its settings and members (email → roles), written directly. */
export async function seedCompany(
  db: Firestore,
  companyId: string,
  users: Record<string, Role[]>,
  settings: Partial<CompanySettings> = {},
): Promise<void> {
  const company = db.collection(COMPANIES).doc(companyId);
  await company.set({ settings: { ...DEFAULT_SETTINGS, ...settings }, createdAt: Timestamp.now() });
  for (const [email, roles] of Object.entries(users)) {
    await company.collection(USERS).doc(email).set({ email, roles, updatedAt: Timestamp.now(), updatedBy: "seed" });
  }
}

/** Every document of the project, path → data, to prove a refused call changed nothing. */
export async function snapshotAll(db: Firestore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  async function walk(refs: FirebaseFirestore.CollectionReference[]): Promise<void> {
    for (const col of refs) {
      for (const doc of await col.listDocuments()) {
        const snap = await doc.get();
        if (snap.exists) out[doc.path] = snap.data();
        await walk(await doc.listCollections());
      }
    }
  }
  await walk(await db.listCollections());
  return out;
}
