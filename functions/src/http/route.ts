import type { Firestore } from "@google-cloud/firestore";
import type { ChangeNotifier } from "../app/change-notifier";
import type { Clock } from "../app/clock";
import type { Caller, TokenVerifier } from "../auth/token-verifier";
import type { CompanyQueue } from "../storage/company-queue";
import type { IdempotencyScope } from "../storage/run-command";

/** What the api function is built from: storage, token verification, time, after-commit listeners. */
export interface ApiDeps {
  db: Firestore;
  verifier: TokenVerifier;
  clock: Clock;
  notifier: ChangeNotifier;
  /** This instance's commands, one at a time per company (one queue per api function). */
  companyQueue: CompanyQueue;
}

export interface RouteContext {
  deps: ApiDeps;
  /** `METHOD /path` as called, part of the idempotency fingerprint. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  caller: Caller;
  idempotencyKey: string | null;
  /**
   * Left unset for HTTP requests: a client's key is its own (`actor`). Only
   * in-process callers that derive the key from what they record (the sheet
   * import) set `company`, so the request can never choose it.
   */
  idempotencyScope?: IdempotencyScope;
  now: Date;
  today: string;
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PUT";
  /** Path pattern with `:name` parameters, e.g. `/v1/companies/:companyId/refunds/:refundId`. */
  path: string;
  handle(ctx: RouteContext): Promise<Answer>;
}
