/**
 * Finding and creating customer records through the alias index
 * (companies/{c}/customerKeys): a customerKey resolves to at most one
 * record, and a customer seen for the first time gets one in the
 * transaction that first records it.
 */
import { notFound } from "../errors/api-error";
import { CUSTOMER_KEYS, CUSTOMERS } from "../model/collections";
import { customerKey, type Customer } from "../model/amounts";
import {
  customerIdOf,
  customerKeyDocId,
  customerRecordOf,
  type CustomerDoc,
  type CustomerKeyDoc,
} from "../model/customer";
import type { DocReader } from "../storage/doc-reader";
import type { UnitOfWork } from "../storage/unit-of-work";

export const customerRef = (reader: Pick<DocReader, "collection">, id: string) => reader.collection(CUSTOMERS).doc(id);
export const customerKeyRef = (reader: Pick<DocReader, "collection">, key: string) =>
  reader.collection(CUSTOMER_KEYS).doc(customerKeyDocId(key));

/** The record each key resolves to (null: none), read in one round trip. */
export async function resolveKeys(reader: DocReader, keys: readonly string[]): Promise<(string | null)[]> {
  const docs = await reader.getAll<CustomerKeyDoc>(keys.map((k) => customerKeyRef(reader, k)));
  return docs.map((d) => d?.customerId ?? null);
}

/** A record by id, or a French 404. */
export async function loadCustomer(reader: DocReader, id: string): Promise<CustomerDoc> {
  const doc = await reader.get<CustomerDoc>(customerRef(reader, id));
  if (!doc) throw notFound(`Client introuvable : ${id}.`);
  return doc;
}

/** Creates the record of `keys` (the first gives its id) with its aliases and the audit event. */
export function createCustomerRecord(uow: UnitOfWork, record: CustomerDoc, source: string): void {
  uow.create(customerRef(uow, record.id), record);
  for (const key of record.keys) uow.set(customerKeyRef(uow, key), { customerKey: key, customerId: record.id });
  uow.event("customer.created", { kind: "customer", id: record.id }, null, {
    name: record.name,
    kind: record.kind,
    keys: record.keys,
    source,
  });
}

/**
 * The record of a customer a document is being recorded for: the one its
 * key resolves to, or a new one created in this transaction (a deposit, an
 * external invoice). Returns the record's id.
 */
export async function ensureCustomer(uow: UnitOfWork, customer: Customer, source: string): Promise<string> {
  const key = customerKey(customer);
  const [resolved] = await resolveKeys(uow, [key]);
  if (resolved) return resolved;
  const id = customerIdOf(key);
  // A record with this id but no alias (written before the index) is never overwritten: the alias is put back.
  const existing = await uow.get<CustomerDoc>(customerRef(uow, id));
  if (existing) {
    const target = existing.mergedInto ?? id;
    uow.set(customerKeyRef(uow, key), { customerKey: key, customerId: target });
    return target;
  }
  createCustomerRecord(uow, customerRecordOf(customer, [key], uow.timestamp), source);
  return id;
}
