import type { CommandDefinition, Invocation } from "../application/command";
import { execute } from "../application/execute";
import type { Route, RouteContext } from "./route";

/** What a command is called with for an HTTP request. */
export function invocationOf(ctx: RouteContext): Invocation {
  return {
    db: ctx.deps.db,
    notifier: ctx.deps.notifier,
    companyQueue: ctx.deps.companyQueue,
    caller: ctx.caller,
    params: ctx.params,
    query: ctx.query,
    body: ctx.body,
    idempotencyKey: ctx.idempotencyKey,
    route: ctx.route,
    now: ctx.now,
    today: ctx.today,
  };
}

/** A route that calls one command of the application layer: the method and path are all HTTP adds. */
export function commandRoute(method: Route["method"], path: string, command: CommandDefinition): Route {
  return { method, path, command, handle: (ctx) => execute(command, invocationOf(ctx)) };
}
