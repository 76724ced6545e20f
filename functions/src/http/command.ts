import type { Role } from "../model/roles";
import { badRequest } from "../errors/api-error";
import { directReader } from "../storage/doc-reader";
import { runCommand } from "../storage/run-command";
import type { UnitOfWork } from "../storage/unit-of-work";
import { Access, accessRefs, memberAccess, requireAccess, withRole } from "../workflow/access";
import { companyCollection } from "../storage/refs";
import type { Answer, RouteContext } from "./route";

/** Firestore refuses `undefined`; answers are stored as plain JSON. */
function plain<T>(value: T): T {
  return value === undefined ? (null as T) : JSON.parse(JSON.stringify(value));
}

/**
 * A state change: requires an Idempotency-Key, checks the caller's role
 * and runs `handler` in one transaction with the idempotency record and
 * the audit events; after-commit listeners run once it is committed.
 */
export async function command(
  ctx: RouteContext,
  roles: readonly Role[],
  handler: (uow: UnitOfWork, access: Access) => Promise<Answer>,
): Promise<Answer> {
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
  const companyId = ctx.params.companyId;
  const result = await runCommand(
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
      prefetch: accessRefs({ collection: (name) => companyCollection(ctx.deps.db, companyId, name) }, ctx.caller.email),
    },
    async (uow) => {
      const access = await requireAccess(uow, ctx.caller.email, roles);
      const answer = await handler(uow, access);
      return { status: answer.status, body: plain(answer.body) };
    },
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

/** A read: membership (and role) checked, no transaction. */
export async function read(
  ctx: RouteContext,
  roles: readonly Role[],
  handler: (access: Access, reader: ReturnType<typeof directReader>) => Promise<Answer>,
): Promise<Answer> {
  const reader = directReader(ctx.deps.db, ctx.params.companyId);
  const access = withRole(ctx.member ?? (await memberAccess(reader, ctx.caller.email)), roles);
  return handler(access, reader);
}
