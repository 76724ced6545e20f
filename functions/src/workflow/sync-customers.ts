/**
 * `POST …/customers/sync`: the records of the customers already met in
 * deposits, invoices, payments and customer credits (a refund's customer is
 * its deposit's or its credit's), deduplicated by the domain's
 * `groupCustomers`. Each group resolves through the alias index: no record
 * → one is created with every key of the group; one record → the keys it
 * lacks are linked to it; several → left for a person to merge, and said.
 * A second run finds every key resolved and writes nothing.
 */
import { FieldValue } from "@google-cloud/firestore";
import { groupCustomers, type CustomerSighting } from "../domain";
import { customerKey, type Customer } from "../model/amounts";
import { CUSTOMER_CREDITS, DEPOSITS, INVOICES, PAYMENTS } from "../model/collections";
import { customerIdOf, customerRecordOf, type CustomerDoc } from "../model/customer";
import type { UnitOfWork } from "../storage/unit-of-work";
import { createCustomerRecord, customerKeyRef, customerRef, resolveKeys } from "./customer-records";

export interface CustomerSyncResult {
  /** Ids of the records created. */
  created: string[];
  /** Keys added to a record that already existed. */
  linked: number;
  /** Groups whose keys resolve to several records: candidates for a merge (an object each: Firestore stores no nested arrays). */
  possibleDuplicates: { ids: string[] }[];
  /** Groups found in all. */
  customers: number;
}

async function sightings(uow: UnitOfWork): Promise<CustomerSighting[]> {
  const [deposits, invoices, payments, credits] = await Promise.all([
    uow.query<{ customer: Customer }>(uow.collection(DEPOSITS).select("customer")),
    uow.query<{ content: { customer: Customer } }>(uow.collection(INVOICES).select("content.customer")),
    uow.query<{ customer: Customer }>(uow.collection(PAYMENTS).select("customer")),
    uow.query<{ customer: Customer }>(uow.collection(CUSTOMER_CREDITS).select("customer")),
  ]);
  const customers = [
    ...deposits.map((d) => d.data.customer),
    ...invoices.map((d) => d.data.content?.customer),
    ...payments.map((d) => d.data.customer),
    ...credits.map((d) => d.data.customer),
  ].filter((c): c is Customer => c !== undefined);
  return customers.map((customer) => ({ key: customerKey(customer), customer }));
}

export async function syncCustomers(uow: UnitOfWork): Promise<CustomerSyncResult> {
  const groups = groupCustomers(await sightings(uow));
  const resolved = await resolveKeys(
    uow,
    groups.flatMap((g) => g.keys),
  );
  // Records that already carry a group's first id (written before the index) are reused, never overwritten.
  const existing = await uow.getAll<CustomerDoc>(groups.map((g) => customerRef(uow, customerIdOf(g.keys[0]))));
  const result: CustomerSyncResult = { created: [], linked: 0, possibleDuplicates: [], customers: groups.length };
  let at = 0;
  groups.forEach((group, i) => {
    const ids = resolved.slice(at, at + group.keys.length);
    at += group.keys.length;
    const records = [...new Set(ids.filter((id): id is string => id !== null))];
    const unresolved = group.keys.filter((_k, j) => ids[j] === null);
    if (records.length > 1) result.possibleDuplicates.push({ ids: records });
    if (unresolved.length === 0) return;
    const target = records[0] ?? (existing[i] ? (existing[i].mergedInto ?? existing[i].id) : null);
    if (target === null) {
      const record = customerRecordOf(group.customer as Customer, group.keys, uow.timestamp);
      createCustomerRecord(uow, record, "sync");
      result.created.push(record.id);
      return;
    }
    for (const key of unresolved) uow.set(customerKeyRef(uow, key), { customerKey: key, customerId: target });
    uow.update(customerRef(uow, target), { keys: FieldValue.arrayUnion(...unresolved), updatedAt: uow.timestamp });
    result.linked += unresolved.length;
  });
  return result;
}
