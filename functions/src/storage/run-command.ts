import { createHash } from "node:crypto";
import { type Firestore, Timestamp } from "@google-cloud/firestore";
import { IDEMPOTENCY } from "../model/collections";
import type { IdempotencyDoc } from "../model/idempotency";
import { canonicalJson } from "./canonical-json";
import { conflict } from "../errors/api-error";
import { companyCollection } from "./refs";
import { CommittedChange, UnitOfWork } from "./unit-of-work";

/**
 * Whose calls a key's record answers. `actor` (the default, for a client's
 * Idempotency-Key header): each user's keys are their own, so two users
 * never replay each other's answers. `company`: for keys the server derives
 * from what is recorded (the sheet import's), so that the same import
 * repeated by any member replays the first answer instead of recording it
 * again. Chosen by the calling code, never by the key's text.
 */
export type IdempotencyScope = "actor" | "company";

export interface CommandRequest {
  companyId: string;
  actor: string;
  idempotencyKey: string;
  /** Default `actor`. */
  idempotencyScope?: IdempotencyScope;
  /** Method and route pattern with ids, e.g. `POST /refunds/abc/approve`. */
  route: string;
  body: unknown;
  now: Date;
  today: string;
  /** Documents the handler will read first (company, caller): fetched with the idempotency record in one round trip. */
  prefetch?: FirebaseFirestore.DocumentReference[];
}

export interface CommandResult {
  status: number;
  body: unknown;
  /** Set when this call committed (not a replay). */
  change: CommittedChange | null;
}

const ABORTED = 10;
/** How long a key's first answer is kept for replays (a retry comes within minutes; 30 days covers a forgotten sidebar). */
const REPLAY_WINDOW_MS = 30 * 86_400_000;
const MAX_ROUNDS = 8;

function isAborted(error: unknown): boolean {
  const e = error as { code?: number; message?: string };
  return e?.code === ABORTED || /ABORTED|contention/i.test(e?.message ?? "");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The record's doc id. Actor-scoped ids are bare sha256 hex (unchanged, so
 * records made before company scope existed still replay); company-scoped
 * ids carry a prefix, so no actor and no header text can reach them.
 */
function idempotencyDocId(req: CommandRequest): string {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  return req.idempotencyScope === "company"
    ? `company-${sha256(req.idempotencyKey)}`
    : sha256(`${req.actor}\n${req.idempotencyKey}`);
}

/**
 * Runs a command in one Firestore transaction together with its idempotency
 * record: either both commit or neither does, so a replay with the same key
 * returns the first answer and changes nothing. A replay is answered before
 * the handler runs (no role check): it reports what was already committed,
 * legitimately, by whoever made the first call. Aborted transactions
 * (contention) are retried with jittered exponential backoff.
 */
export async function runCommand(
  db: Firestore,
  req: CommandRequest,
  handler: (uow: UnitOfWork) => Promise<{ status: number; body: unknown }>,
): Promise<CommandResult> {
  const keyRef = companyCollection(db, req.companyId, IDEMPOTENCY).doc(idempotencyDocId(req));
  const requestHash = createHash("sha256")
    .update(`${req.route}\n${canonicalJson(req.body ?? null)}`)
    .digest("hex");

  for (let round = 1; ; round++) {
    try {
      return await db.runTransaction(
        async (tx) => {
          const uow = new UnitOfWork(db, tx, req.companyId, req.actor, req.now, req.today);
          const [previous] = await uow.getAll<IdempotencyDoc>([keyRef, ...(req.prefetch ?? [])]);
          if (previous) {
            if (previous.requestHash !== requestHash) {
              throw conflict(
                "IDEMPOTENCY_KEY_REUSED",
                "Cette clé d'idempotence a déjà servi pour une autre demande : générez une nouvelle clé.",
              );
            }
            return { status: previous.status, body: previous.response, change: null };
          }
          const answer = await handler(uow);
          const record: IdempotencyDoc = {
            user: req.actor,
            route: req.route,
            requestHash,
            status: answer.status,
            response: answer.body,
            createdAt: uow.timestamp,
            ...(req.idempotencyScope === "company"
              ? {}
              : { expiresAt: Timestamp.fromMillis(req.now.getTime() + REPLAY_WINDOW_MS) }),
          };
          uow.raw((t) => t.create(keyRef, record));
          return { ...answer, change: uow.flush() };
        },
        { maxAttempts: 5 },
      );
    } catch (error) {
      if (!isAborted(error) || round >= MAX_ROUNDS) throw error;
      await sleep(Math.min(2000, 25 * 2 ** round) * (0.5 + Math.random()));
    }
  }
}
