/**
 * A command of the application layer: what the api's routes and the sheet
 * import call. A definition names the command, the roles allowed (none =
 * any member), the body schema, the handler and how its result is
 * presented (the contract's type named in `answer`). HTTP routes map a
 * method and path to one (http/routes/); the sheet import calls them
 * directly (sheets/import/import-workbook.ts); the API reference is
 * generated from them (npm run docs → docs/api-reference.md).
 */
import type { Firestore } from "@google-cloud/firestore";
import type { z } from "zod";
import type { Role } from "../model/roles";
import type { DocReader } from "../storage/doc-reader";
import type { IdempotencyScope } from "../storage/run-command";
import type { CompanyQueue } from "../storage/company-queue";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "../workflow/access";
import { parseBody } from "./parse-body";
import type { ChangeNotifier } from "./ports/change-notifier";

/** One call of a command, whoever makes it (an HTTP request, a typed row of the import). */
export interface Invocation {
  db: Firestore;
  notifier: ChangeNotifier;
  /** This api instance's queue: its commands of one company run one at a time (docs/contention.md). */
  companyQueue: CompanyQueue;
  caller: { email: string };
  /** The address's ids, `companyId` included. */
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  idempotencyKey: string | null;
  /**
   * Left unset for HTTP requests: a client's key is its own (`actor`). Only
   * callers that derive the key from what they record (the sheet import)
   * set `company`, so the request can never choose it.
   */
  idempotencyScope?: IdempotencyScope;
  /** `METHOD /path` as called: part of the idempotency fingerprint. */
  route: string;
  now: Date;
  today: string;
}

export interface Answer {
  status: number;
  body: unknown;
  /** A file answered as it is produced instead of `body` (e.g. the FEC): never held whole in memory. */
  download?: Download;
}

/** A file sent in chunks (text, or bytes for an issued document), with the name a browser saves it under. */
export interface Download {
  fileName: string;
  /** e.g. `text/plain; charset=utf-8`. */
  contentType: string;
  chunks: AsyncIterable<string | Uint8Array>;
}

interface Described {
  /** `resource.verb`, e.g. `refund.approve`. */
  name: string;
  /** One English sentence for the API reference. */
  summary: string;
  /** Roles allowed; empty: any member of the company. */
  roles: readonly Role[];
  /** The contract type (functions/src/contract) of the answer's body. */
  answer: string;
  /** The query parameters read, for the reference. */
  query?: z.ZodObject;
}

/**
 * A state change, run in one transaction with the caller's role check, the
 * idempotency record and the audit events. `input` checks the request (a
 * French 400 before any transaction): by default its body against `body`.
 */
export interface ChangeSpec<S extends z.ZodType, I, R> extends Described {
  body: S;
  status: 200 | 201;
  /** For a command that checks more than its body (an address parameter). */
  input?(invocation: Invocation): I;
  /**
   * For a change too large for one transaction (the customer sync over every
   * document of a company): work run after the role check and before the
   * command's transaction, in bounded transactions of its own, each safe to
   * run again (a request retried after a failure runs it again). What it
   * returns is the input `handler` receives, which records the answer with
   * the idempotency key: a retry of a request answered replays that answer.
   */
  prepare?(access: Access, input: NoInfer<I>, invocation: Invocation): Promise<NoInfer<I>>;
  handler(uow: UnitOfWork, access: Access, input: NoInfer<I>, invocation: Invocation): Promise<R>;
  present(result: R, uow: UnitOfWork): Promise<unknown> | unknown;
}

export interface ChangeCommand<I = unknown, R = unknown> extends ChangeSpec<z.ZodType, I, R> {
  kind: "change";
  input(invocation: Invocation): I;
}

/** A read: membership and role checked first, no transaction; the handler checks its query or body. */
export interface ReadSpec extends Described {
  body?: z.ZodType;
  handler(access: Access, reader: DocReader, invocation: Invocation): Promise<Answer>;
}

export interface ReadCommand extends ReadSpec {
  kind: "read";
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds commands of any input and result
export type CommandDefinition = ChangeCommand<any, any> | ReadCommand;

/** Defines a change, typing its handler's input and result from `input` and `handler`. */
export function defineChange<S extends z.ZodType, R, I = z.output<S>>(
  definition: ChangeSpec<S, I, R>,
): ChangeCommand<I, R> {
  const input = definition.input ?? ((invocation: Invocation) => parseBody(definition.body, invocation.body) as I);
  return { kind: "change", ...definition, input };
}

export function defineRead(definition: ReadSpec): ReadCommand {
  return { kind: "read", ...definition };
}
