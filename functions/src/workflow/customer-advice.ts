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
import { loadCustomer, resolveKeys } from "./customer-records";
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
  const order =
    query.amount !== undefined ? { gross: query.amount } : { net: query.net!, vatRate: query.vatRate! };
  const orderAmount = orderAddedExposure(order, { amount: query.deposit, percent: query.depositPercent });
  return { record, orderAmount, advice: adviceFor(access, record, orderAmount) };
}
