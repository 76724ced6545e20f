/**
 * The advice where a deposit or an order is recorded (issue #16): the
 * customer's class from its stored profile, the terms the company's policy
 * recommends for it, and the warning when the order would take its exposure
 * past its credit or insured limit. Reads only: the profile is the one the
 * profile refresh stored, never recomputed here.
 */
import { depositAdvice, orderAddedExposure, type DepositAdvice } from "../domain";
import { customerKey } from "../model/amounts";
import type { CustomerDoc } from "../model/customer";
import type { DocReader } from "../storage/doc-reader";
import type { Access } from "./access";
import type { CustomerAdviceQuery } from "./bodies/customer-advice-query";
import { settingsOf } from "./company-settings";
import { customerRef, loadCustomer, resolveKeys } from "./customer-records";
import { depositPolicyOf } from "./deposit-policy-setting";

export interface CustomerAdviceResult {
  /** Null: the customer has no record yet (its first deposit will create one). */
  record: CustomerDoc | null;
  /** What the order adds to the exposure (its gross less the deposit cashed on it). */
  orderAmount: string;
  advice: DepositAdvice;
}

/** The record a customer id names (a merged one's survivor), or a French 404. */
async function survivingRecord(reader: DocReader, id: string): Promise<CustomerDoc> {
  const record = await loadCustomer(reader, id);
  return record.mergedInto ? loadCustomer(reader, record.mergedInto) : record;
}

/** The record of a customer as typed on a deposit (its key through the alias index); null when none. */
export async function recordOfTyped(
  reader: DocReader,
  customer: { siren?: string; email?: string; name?: string },
): Promise<CustomerDoc | null> {
  const [id] = await resolveKeys(reader, [customerKey({ ...customer, name: customer.name ?? "" })]);
  return id ? survivingRecord(reader, id) : null;
}

/** The advice for `record` (null: a new customer) and an order adding `orderAmount` to its exposure. */
export function adviceFor(access: Access, record: CustomerDoc | null, orderAmount: string): DepositAdvice {
  return depositAdvice(
    {
      riskClass: record?.profile?.riskClass ?? null,
      exposure: record?.profile?.exposure ?? null,
      // The limits as the record says today: one raised since the profile counts.
      creditLimit: record?.creditLimit ?? null,
      insuredLimit: record?.insurance?.limit ?? null,
    },
    orderAmount,
    depositPolicyOf(settingsOf(access)),
  );
}

export async function customerAdvice(
  reader: DocReader,
  access: Access,
  query: CustomerAdviceQuery,
): Promise<CustomerAdviceResult> {
  const record = query.customerId
    ? await survivingRecord(reader, query.customerId)
    : await recordOfTyped(reader, query);
  const order = query.amount !== undefined ? { gross: query.amount } : { net: query.net!, vatRate: query.vatRate! };
  const orderAmount = orderAddedExposure(order, { amount: query.deposit, percent: query.depositPercent });
  return { record, orderAmount, advice: adviceFor(access, record, orderAmount) };
}

/**
 * The records of several customers by key (null key, or a key no record
 * holds: null), in two round trips whatever their number: the approvers'
 * cards show each request's customer class and exposure.
 */
export async function recordsOfKeys(
  reader: DocReader,
  keys: readonly (string | null)[],
): Promise<(CustomerDoc | null)[]> {
  const known = [...new Set(keys.filter((k): k is string => k !== null))];
  const ids = await resolveKeys(reader, known);
  const idOf = new Map(known.map((k, i) => [k, ids[i]]));
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const records = await reader.getAll<CustomerDoc>(wanted.map((id) => customerRef(reader, id)));
  // A merged record's requests show the record kept: one more read, for merged ones only.
  const merged = [...new Set(records.flatMap((r) => (r?.mergedInto ? [r.mergedInto] : [])))];
  const survivors = await reader.getAll<CustomerDoc>(merged.map((id) => customerRef(reader, id)));
  const byId = new Map<string, CustomerDoc | null>(wanted.map((id, i) => [id, records[i]]));
  merged.forEach((id, i) => byId.set(id, survivors[i]));
  return keys.map((k) => {
    const id = k === null ? null : idOf.get(k);
    const record = id ? (byId.get(id) ?? null) : null;
    return record?.mergedInto ? (byId.get(record.mergedInto) ?? null) : record;
  });
}
