import { badRequest } from "../errors/api-error";
import { directReader } from "../storage/doc-reader";
import { companyCollection } from "../storage/refs";
import { runCommand } from "../storage/run-command";
import { accessRefs, memberAccess, requireAccess } from "../workflow/access";
import type { CommittedChange } from "../storage/unit-of-work";
import type { Answer, ChangeCommand, CommandDefinition, Invocation, ReadCommand } from "./command";
import type { ChangeNotifier } from "./ports/change-notifier";

/** Firestore refuses `undefined`; answers are stored as plain JSON. */
function plain<T>(value: T): T {
  return value === undefined ? (null as T) : JSON.parse(JSON.stringify(value));
}

function idempotencyKey(invocation: Invocation): string {
  const key = invocation.idempotencyKey;
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
async function checkedBeforeTransaction<T>(invocation: Invocation, validate: () => T): Promise<T> {
  try {
    return validate();
  } catch (refusal) {
    await memberAccess(directReader(invocation.db, invocation.params.companyId), invocation.caller.email);
    throw refusal;
  }
}

/** Runs the after-commit listeners of a committed change (also each committed page of a `prepare`). */
export async function notifyCommitted(notifier: ChangeNotifier, change: CommittedChange): Promise<void> {
  try {
    await notifier.afterCommit(change);
  } catch (error) {
    // The change is committed: a listener failure (e.g. Sheets write-back) must not turn it into an error.
    console.error("afterCommit listener failed", error);
  }
}

/**
 * A state change: `input` checks the request (French 400s, before any
 * transaction, shown to members only), then the handler runs with what it
 * returned in one transaction with the caller's role check, the idempotency
 * record and the audit events, and its result is presented in the same
 * transaction (the answer a replay gives back); after-commit listeners run
 * once it is committed. Commands of one company run one at a time in this
 * instance; the after-commit listeners run outside that queue.
 */
export async function executeChange<I, R>(command: ChangeCommand<I, R>, invocation: Invocation): Promise<Answer> {
  const { key, input } = await checkedBeforeTransaction(invocation, () => ({
    key: idempotencyKey(invocation),
    input: command.input(invocation),
  }));
  const companyId = invocation.params.companyId;
  const prepared = command.prepare
    ? await command.prepare(
        await requireAccess(directReader(invocation.db, companyId), invocation.caller.email, command.roles),
        input,
        invocation,
      )
    : input;
  // Queued per company: this instance's commands never contend with each other (docs/contention.md).
  const result = await invocation.companyQueue.run(companyId, () =>
    runCommand(
      invocation.db,
      {
        companyId,
        actor: invocation.caller.email,
        idempotencyKey: key,
        idempotencyScope: invocation.idempotencyScope,
        route: invocation.route,
        body: { params: invocation.params, body: invocation.body ?? null },
        now: invocation.now,
        today: invocation.today,
        prefetch: accessRefs(
          { collection: (name) => companyCollection(invocation.db, companyId, name) },
          invocation.caller.email,
        ),
      },
      async (uow) => {
        const access = await requireAccess(uow, invocation.caller.email, command.roles);
        const done = await command.handler(uow, access, prepared, invocation);
        return { status: command.status, body: plain(await command.present(done, uow)) };
      },
    ),
  );
  if (result.change) await notifyCommitted(invocation.notifier, result.change);
  return { status: result.status, body: result.body };
}

/** A read: membership and role checked first, no transaction; the handler checks the query or body itself. */
export async function executeRead(command: ReadCommand, invocation: Invocation): Promise<Answer> {
  const reader = directReader(invocation.db, invocation.params.companyId);
  const access = await requireAccess(reader, invocation.caller.email, command.roles);
  return command.handler(access, reader, invocation);
}

export function execute(command: CommandDefinition, invocation: Invocation): Promise<Answer> {
  return command.kind === "change" ? executeChange(command, invocation) : executeRead(command, invocation);
}
