/**
 * `POST …/customers/sync`: the records of the customers already met in
 * deposits, invoices, payments and customer credits (a refund's customer is
 * its deposit's or its credit's), deduplicated by the domain's
 * `groupCustomers`. Each group resolves through the alias index: no record
 * → one is created with every key of the group; one record → the keys it
 * lacks are linked to it; several → left for a person to merge, and said.
 *
 * A company's documents do not fit one transaction (its time and size
 * limits), so the sources are read a page at a time outside any
 * transaction, grouped whole, and the groups are resolved and written a
 * bounded number per transaction. Each of those transactions reads the
 * index entries and records it decides on, so a deposit creating one of the
 * same records meanwhile makes it retry and find that record (never
 * overwritten: ids come from the keys, `create` refuses an existing one).
 * A run stopped midway leaves whole pages written; run again, it finds
 * their keys resolved and writes only what is left. A second run writes
 * nothing.
 */
import { FieldPath, FieldValue, type DocumentSnapshot, type Firestore, type Query } from "@google-cloud/firestore";
import { groupCustomers, type CustomerGroup, type CustomerSighting } from "../domain";
import { customerKey, type Customer } from "../model/amounts";
import { CUSTOMER_CREDITS, DEPOSITS, INVOICES, PAYMENTS } from "../model/collections";
import { customerIdOf, customerRecordOf, type CustomerDoc } from "../model/customer";
import { companyCollection } from "../storage/refs";
import { runUnkeyed, type UnkeyedRequest } from "../storage/run-unkeyed";
import type { CommittedChange, UnitOfWork } from "../storage/unit-of-work";
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

export interface CustomerSyncOptions {
  /** Source documents read per query. */
  readPage?: number;
  /** Groups resolved and written per transaction (each creates at most one record). */
  groupsPerTransaction?: number;
  /** Called once a transaction that wrote committed (the Sheets write-back; the crash tests stop there). */
  afterCommit?: (change: CommittedChange) => void | Promise<void>;
}

/** Far below Firestore's limits: a page of 200 new records writes about 600 small documents. */
export const SYNC_GROUPS_PER_TRANSACTION = 200;
const READ_PAGE = 1000;

/** The customers `field` holds in every document of `query`, read by id a page at a time. */
async function customersOf(query: Query, field: string, page: number): Promise<Customer[]> {
  const found: Customer[] = [];
  let last: DocumentSnapshot | null = null;
  for (;;) {
    let next = query.select(field).orderBy(FieldPath.documentId()).limit(page);
    if (last) next = next.startAfter(last);
    const snap = await next.get();
    for (const doc of snap.docs) {
      const customer = doc.get(field) as Customer | undefined;
      if (customer !== undefined) found.push(customer);
    }
    if (snap.size < page) return found;
    last = snap.docs[snap.docs.length - 1];
  }
}

async function sightings(db: Firestore, companyId: string, page: number): Promise<CustomerSighting[]> {
  const of = (name: string) => companyCollection(db, companyId, name);
  const customers = (
    await Promise.all([
      customersOf(of(DEPOSITS), "customer", page),
      customersOf(of(INVOICES), "content.customer", page),
      customersOf(of(PAYMENTS), "customer", page),
      customersOf(of(CUSTOMER_CREDITS), "customer", page),
    ])
  ).flat();
  return customers.map((customer) => ({ key: customerKey(customer), customer }));
}

/** Resolves and writes `groups` in `uow`: what they add to the run's answer (`customers` left to the caller). */
async function syncGroups(uow: UnitOfWork, groups: readonly CustomerGroup[]): Promise<CustomerSyncResult> {
  const resolved = await resolveKeys(
    uow,
    groups.flatMap((g) => g.keys),
  );
  // Records that already carry a group's first id (written before the index) are reused, never overwritten.
  const existing = await uow.getAll<CustomerDoc>(groups.map((g) => customerRef(uow, customerIdOf(g.keys[0]))));
  const result: CustomerSyncResult = { created: [], linked: 0, possibleDuplicates: [], customers: 0 };
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

/** Runs the sync for `run.companyId` as `run.actor`: see the file's comment. */
export async function syncCustomers(
  db: Firestore,
  run: UnkeyedRequest,
  options: CustomerSyncOptions = {},
): Promise<CustomerSyncResult> {
  const groups = groupCustomers(await sightings(db, run.companyId, options.readPage ?? READ_PAGE));
  const size = options.groupsPerTransaction ?? SYNC_GROUPS_PER_TRANSACTION;
  const result: CustomerSyncResult = { created: [], linked: 0, possibleDuplicates: [], customers: groups.length };
  for (let from = 0; from < groups.length; from += size) {
    // A retried transaction starts over: only the committed attempt's answer counts.
    const { result: page, change } = await runUnkeyed(db, run, (uow) =>
      syncGroups(uow, groups.slice(from, from + size)),
    );
    result.created.push(...page.created);
    result.linked += page.linked;
    result.possibleDuplicates.push(...page.possibleDuplicates);
    if (change.paths.length > 0) await options.afterCommit?.(change);
  }
  return result;
}
