import type { Role } from "../model/roles";
import { badRequest } from "../errors/api-error";
import { directReader } from "../storage/doc-reader";
import { runCommand } from "../storage/run-command";
import type { UnitOfWork } from "../storage/unit-of-work";
import { Access, accessRefs, memberAccess, requireAccess } from "../workflow/access";
import { companyCollection } from "../storage/refs";
import type { Answer, RouteContext } from "./route";

/** Firestore refuses `undefined`; answers are stored as plain JSON. */
function plain<T>(value: T): T {
  return value === undefined ? (null as T) : JSON.parse(JSON.stringify(value));
}

function idempotencyKey(ctx: RouteContext): string {
  const key = ctx.idempotencyKey;
  if (!key)
    throw badRequest(
      "En-tête Idempotency-Key obligatoire pour toute modification (une clé unique par action, réutilisée en cas de nouvel essai).",
      [{ path: "Idempotency-Key", message: "En-tête « Idempotency-Key » : obligatoire." }],
    );
  if (key.length > 200)
    throw badRequest("En-tête Idempotency-Key trop long (200 caractères au plus).", [
      { path: "Idempotency-Key", message: "En-tête « Idempotency-Key » : 200 caractères au plus." },
    ]);
  return key;
}

/**
 * Runs the request's checks (header, address, body) before any
 * transaction. A refusal is only shown to a member of the company: anyone
 * else — or on a company that does not exist — gets the 403 of
 * `memberAccess` instead, so a body's schema cannot be learnt from its
 * field errors. A valid request pays no extra read: its transaction checks
 * membership and role itself.
 */
async function checkedBeforeTransaction<T>(ctx: RouteContext, validate: () => T): Promise<T> {
  try {
    return validate();
  } catch (refusal) {
    await memberAccess(directReader(ctx.deps.db, ctx.params.companyId), ctx.caller.email);
    throw refusal;
  }
}

/**
 * A state change: `validate` checks the request (its refusals French 400s,
 * before any transaction, shown to members only), then `handler` runs with
 * what it returned in one transaction with the caller's role check, the
 * idempotency record and the audit events; after-commit listeners run once
 * it is committed. Commands of one company run one at a time in this
 * instance (the after-commit listeners outside that queue).
 */
export async function command<T>(
  ctx: RouteContext,
  roles: readonly Role[],
  validate: () => T,
  handler: (uow: UnitOfWork, access: Access, input: T) => Promise<Answer>,
): Promise<Answer> {
  const { key, input } = await checkedBeforeTransaction(ctx, () => ({ key: idempotencyKey(ctx), input: validate() }));
  const companyId = ctx.params.companyId;
  // Queued per company: this instance's commands never contend with each other (docs/contention.md).
  const result = await ctx.deps.companyQueue.run(companyId, () =>
    runCommand(
      ctx.deps.db,
      {
        companyId,
        actor: ctx.caller.email,
        idempotencyKey: key,
        idempotencyScope: ctx.idempotencyScope,
        route: ctx.route,
        body: { params: ctx.params, body: ctx.body ?? null },
        now: ctx.now,
        today: ctx.today,
        prefetch: accessRefs(
          { collection: (name) => companyCollection(ctx.deps.db, companyId, name) },
          ctx.caller.email,
        ),
      },
      async (uow) => {
        const access = await requireAccess(uow, ctx.caller.email, roles);
        const answer = await handler(uow, access, input);
        return { status: answer.status, body: plain(answer.body) };
      },
    ),
  );
  if (result.change) {
    try {
      await ctx.deps.notifier.afterCommit(result.change);
    } catch (error) {
      // The change is committed: a listener failure (e.g. Sheets write-back) must not turn it into an error.
      console.error("afterCommit listener failed", error);
    }
  }
  return { status: result.status, body: result.body };
}

/**
 * A read: membership and role checked first, no transaction; `handler`
 * checks the query or body itself, so only members see those refusals.
 */
export async function read(
  ctx: RouteContext,
  roles: readonly Role[],
  handler: (access: Access, reader: ReturnType<typeof directReader>) => Promise<Answer>,
): Promise<Answer> {
  const reader = directReader(ctx.deps.db, ctx.params.companyId);
  const access = await requireAccess(reader, ctx.caller.email, roles);
  return handler(access, reader);
}
