/**
 * The add-on's « Importer » action: the rows typed without an id in
 * `Acomptes` (deposits) and in `Factures` (invoices of another tool and
 * their payments), each recorded through the workflow's own route — same
 * validation, roles, numbering and idempotency as the sidebar's calls —
 * then one write of the ids and refusals and one write-back.
 */
import { noopNotifier } from "../../app/change-notifier";
import type { Route, RouteContext } from "../../http/route";
import { recordDepositRoute } from "../../http/routes/record-deposit";
import { recordExternalInvoiceRoute } from "../../http/routes/record-external-invoice";
import { recordPaymentRoute } from "../../http/routes/record-payment";
import type { SyncDeps } from "../sync/sync-spreadsheet";
import { acomptesSheet, type RecordDeposit } from "./import-deposits";
import { facturesSheet, type RecordExternalInvoice, type RecordPayment } from "./import-invoices";
import { importUnderLease, type ImportResult } from "./import-under-lease";

export interface WorkbookRecorders {
  deposit: RecordDeposit;
  invoice: RecordExternalInvoice;
  payment: RecordPayment;
}

/**
 * Calls a route of the `api` as the caller of `ctx`, with the key the
 * import derived. No after-commit sync per row: the import writes every id
 * first, then syncs once.
 *
 * The key is company-scoped: when the id of a recorded row was not written
 * (a Sheets failure), the next import — by any member — replays the first
 * answer (same id, nothing recorded again) instead of recording the row a
 * second time. The replay skips the role check, rightly: it reports what
 * was recorded by someone who had the role. Same row and content means same
 * route and body, so a replay cannot meet a different request's record.
 */
function viaRoute<T>(ctx: RouteContext, route: Route) {
  return async (body: unknown, idempotencyKey: string): Promise<T> => {
    const answer = await route.handle({
      ...ctx,
      deps: { ...ctx.deps, notifier: noopNotifier },
      route: `${route.method} ${route.path.replace(":companyId", ctx.params.companyId)}`,
      body,
      idempotencyKey,
      idempotencyScope: "company",
    });
    return answer.body as T;
  };
}

export function routeRecorders(ctx: RouteContext): WorkbookRecorders {
  return {
    deposit: viaRoute(ctx, recordDepositRoute),
    invoice: viaRoute(ctx, recordExternalInvoiceRoute),
    payment: viaRoute(ctx, recordPaymentRoute),
  };
}

export function importWorkbook(
  deps: SyncDeps,
  companyId: string,
  spreadsheetId: string,
  recorders: WorkbookRecorders,
): Promise<ImportResult> {
  return importUnderLease(deps, companyId, spreadsheetId, [acomptesSheet(recorders.deposit), facturesSheet(recorders)]);
}
