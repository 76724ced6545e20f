/**
 * The risk profile stays current without rescanning anyone: a command that
 * changes what a customer's profile reads (a payment, an invoice, a dispute,
 * a letter, an offset) marks that customer's record in its own transaction,
 * and the profile refresh (workflow/refresh-profiles.ts) recomputes only the
 * records marked (docs/customers-risk.md « Keeping the profile current »).
 */
import { FieldValue } from "@google-cloud/firestore";
import type { UnitOfWork } from "../storage/unit-of-work";
import { customerRef, resolveKeys } from "./customer-records";

/**
 * The mark: `profileStale` and a counter that makes every mark a change of
 * the document (a write that changes nothing keeps its update time), so the
 * refresh's commit, conditioned on the record's update time, fails when a
 * command marked it after the refresh read it.
 */
export const STALE_MARK = () => ({ profileStale: true, profileMarks: FieldValue.increment(1) });

/**
 * Marks `profileStale` on the records the customer keys resolve to: one read
 * of the alias index per key, one write per record. A key without a record
 * (a customer from before the records, not synced yet) creates nothing: the
 * sync creates its record later, and a record's first refresh reads all.
 * The alias and its record are written together (createCustomerRecord), so an
 * alias found means a record to update.
 */
export async function markProfileStale(uow: UnitOfWork, keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  const ids = await resolveKeys(uow, unique);
  for (const id of new Set(ids.filter((id): id is string => id !== null)))
    uow.update(customerRef(uow, id), STALE_MARK());
}

/** The same for a record known by id (just resolved or created in this transaction by ensureCustomer). */
export function markRecordStale(uow: UnitOfWork, customerId: string): void {
  uow.update(customerRef(uow, customerId), STALE_MARK());
}
