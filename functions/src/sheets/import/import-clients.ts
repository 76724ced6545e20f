/**
 * Import of the `Clients` rows: a row typed without id creates the
 * customer's record (POST …/customers), a typed change to a row with an id
 * updates it (POST …/customers/{id}) — each through the application's
 * command, with its validation, roles, audit and idempotency (the key
 * derived from spreadsheet, row, id and values: an import repeated records
 * nothing new). A refused row gets « Erreur » and the French reason in
 * Statut and Message; the write-back then shows the record as it stands.
 */
import type { CustomerDoc } from "../../model/customer";
import { CLIENTS } from "../layout/workbook-spec";
import { clientCreateBody, clientImportMessage, clientUpdateBody, isBlankClientRow } from "./client-row-body";
import { statusAndMessage, type TypedSheet } from "./typed-rows";

export interface ClientRecorders {
  create(body: unknown, idempotencyKey: string): Promise<{ id: string }>;
  update(id: string, body: unknown, idempotencyKey: string): Promise<{ id: string }>;
  /** The company's records by id, read once per import when a row with an id is met. */
  records(): Promise<Map<string, CustomerDoc>>;
}

export function clientsSheet(record: ClientRecorders): TypedSheet {
  let records: Promise<Map<string, CustomerDoc>> | undefined;
  return {
    spec: CLIENTS,
    isBlank: isBlankClientRow,
    async record(line, key) {
      const body = clientCreateBody(line);
      return { id: (await record.create(body, key(body))).id };
    },
    async recordEdit(line, id, key) {
      const doc = (await (records ??= record.records())).get(id);
      if (!doc)
        return { message: `Aucune fiche client ${id} : videz la colonne « Identifiant » pour créer le client.` };
      const body = clientUpdateBody(line, doc);
      if (body === null) return null;
      return { id: (await record.update(id, body, key({ id, body }))).id };
    },
    message: clientImportMessage,
    status: statusAndMessage(CLIENTS),
  };
}
