import type { CustomerAdvice, CustomerRecord, CustomerStanding } from "../../contract";
import { money } from "../../domain";
import type { CustomerDoc } from "../../model/customer";
import type { CustomerAdviceResult } from "../../workflow/customer-advice";
import { isoInstant } from "./iso-instant";

/** A customer record on the wire: every field present, null when absent. */
export function presentCustomer(d: CustomerDoc): CustomerRecord {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    siren: d.siren ?? null,
    vatNumber: d.vatNumber ?? null,
    email: d.email ?? null,
    billingAddress: d.billingAddress ?? null,
    deliveryAddress: d.deliveryAddress ?? null,
    invoiceContact: d.invoiceContact ?? null,
    dunningContact: d.dunningContact ?? null,
    paymentTermsDays: d.paymentTermsDays ?? null,
    creditLimit: d.creditLimit ?? null,
    iban: d.iban ?? null,
    bic: d.bic ?? null,
    insurance: d.insurance ?? null,
    factoring: d.factoring ? { status: d.factoring.status, factor: d.factoring.factor ?? null } : null,
    segment: d.segment ?? null,
    riskClass: d.riskClass ?? null,
    keys: d.keys,
    mergedInto: d.mergedInto ?? null,
    createdAt: isoInstant(d.createdAt),
    updatedAt: isoInstant(d.updatedAt),
  };
}

/** The advice for a customer and an order on the wire (GET …/customers/advice, POST …/deposits). */
export function presentCustomerAdvice({ record, orderAmount, advice }: CustomerAdviceResult): CustomerAdvice {
  const profile = record?.profile ?? null;
  return {
    customerId: record?.id ?? null,
    customerName: record?.name ?? null,
    riskClass: advice.riskClass,
    profileAsOf: profile?.asOf ?? null,
    exposure: profile?.exposure ?? null,
    creditLimit: record?.creditLimit ?? null,
    insuredLimit: record?.insurance?.limit ?? null,
    orderAmount,
    recommendation: advice.recommendation,
    warning: advice.warning,
    reasons: profile?.reasons ?? [],
    message: advice.message,
  };
}

/** What the refund approvers' card shows of a customer (null: no record). */
export function presentCustomerStanding(record: CustomerDoc | null): CustomerStanding | null {
  if (!record) return null;
  const profile = record.profile ?? null;
  const creditLimit = record.creditLimit ?? null;
  const insuredLimit = record.insurance?.limit ?? null;
  const above = (limit: string | null) =>
    profile !== null && limit !== null && money(profile.exposure).greaterThan(limit);
  return {
    customerId: record.id,
    riskClass: profile?.riskClass ?? null,
    profileAsOf: profile?.asOf ?? null,
    exposure: profile?.exposure ?? null,
    creditLimit,
    insuredLimit,
    overCreditLimit: above(creditLimit),
    overInsuredLimit: above(insuredLimit),
    reasons: profile?.reasons ?? [],
  };
}
