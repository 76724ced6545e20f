import type { Firestore } from "@google-cloud/firestore";
import type { ChangeNotifier } from "../application/ports/change-notifier";
import type { Clock } from "../application/ports/clock";
import type { Caller, TokenVerifier } from "../auth/token-verifier";
import type { Answer, CommandDefinition } from "../application/command";
import type { CompanyQueue } from "../storage/company-queue";

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
  now: Date;
  today: string;
}

export type { Answer };

export interface Route {
  method: "GET" | "POST" | "PUT";
  /** Path pattern with `:name` parameters, e.g. `/v1/companies/:companyId/refunds/:refundId`. */
  path: string;
  /** The application command it calls (the API reference is generated from these). */
  command: CommandDefinition;
  handle(ctx: RouteContext): Promise<Answer>;
}
