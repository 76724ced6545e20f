/**
 * The add-on's « Importer » action: the rows typed without an id in
 * `Acomptes` (deposits) and in `Factures` (invoices of another tool and
 * their payments), and the rows of `Clients` (new customers, and typed
 * changes to recorded ones), each recorded through the same application command as
 * the api's route — same validation, roles, numbering and idempotency —
 * then one write of the ids and refusals and one write-back.
 */
import type { ChangeCommand, Invocation } from "../../application/command";
import { recordDepositCommand } from "../../application/commands/deposits";
import { recordExternalInvoiceCommand, recordPaymentCommand } from "../../application/commands/invoices";
import { executeChange } from "../../application/execute";
import { noopNotifier } from "../../application/ports/change-notifier";
import type { SyncDeps } from "../sync/sync-spreadsheet";
import { createCustomerCommand, updateCustomerCommand } from "../../application/commands/customers";
import { CUSTOMERS } from "../../model/collections";
import type { CustomerDoc } from "../../model/customer";
import { directReader } from "../../storage/doc-reader";
import { clientsSheet, type ClientRecorders } from "./import-clients";
import { acomptesSheet, type RecordDeposit } from "./import-deposits";
import { facturesSheet, type RecordExternalInvoice, type RecordPayment } from "./import-invoices";
import { importUnderLease, type ImportResult } from "./import-under-lease";

export interface WorkbookRecorders {
  deposit: RecordDeposit;
  invoice: RecordExternalInvoice;
  payment: RecordPayment;
  clients: ClientRecorders;
}

/**
 * Calls a command as the caller of `invocation`, with the key the import
 * derived. No after-commit sync per row: the import writes every id first,
 * then syncs once.
 *
 * The key is company-scoped: when the id of a recorded row was not written
 * (a Sheets failure), the next import — by any member — replays the first
 * answer (same id, nothing recorded again) instead of recording the row a
 * second time. The replay skips the role check, rightly: it reports what
 * was recorded by someone who had the role. Same row and content means same
 * command and body, so a replay cannot meet a different request's record.
 * `path` is the api route of the command: the idempotency fingerprint the
 * import's records have always carried, so records made before keep replaying.
 */
function viaCommand<T>(invocation: Invocation, command: ChangeCommand, path: string, ids: Record<string, string> = {}) {
  return async (body: unknown, idempotencyKey: string): Promise<T> => {
    const companyId = invocation.params.companyId;
    const answer = await executeChange(command, {
      ...invocation,
      params: { companyId, ...ids },
      notifier: noopNotifier,
      route: `POST /v1/companies/${companyId}/${path}`,
      body,
      idempotencyKey,
      idempotencyScope: "company",
    });
    return answer.body as T;
  };
}

export function commandRecorders(invocation: Invocation): WorkbookRecorders {
  return {
    deposit: viaCommand(invocation, recordDepositCommand, "deposits"),
    invoice: viaCommand(invocation, recordExternalInvoiceCommand, "invoices/external"),
    payment: viaCommand(invocation, recordPaymentCommand, "payments"),
    clients: {
      create: viaCommand(invocation, createCustomerCommand, "customers"),
      update: (id, body, key) =>
        viaCommand<{ id: string }>(invocation, updateCustomerCommand, `customers/${id}`, { customerId: id })(body, key),
      async records() {
        const reader = directReader(invocation.db, invocation.params.companyId);
        const docs = await reader.query<CustomerDoc>(reader.collection(CUSTOMERS));
        return new Map(docs.map((d) => [d.id, d.data]));
      },
    },
  };
}

export function importWorkbook(
  deps: SyncDeps,
  companyId: string,
  spreadsheetId: string,
  recorders: WorkbookRecorders,
): Promise<ImportResult> {
  return importUnderLease(deps, companyId, spreadsheetId, [
    acomptesSheet(recorders.deposit),
    facturesSheet(recorders),
    clientsSheet(recorders.clients),
  ]);
}
