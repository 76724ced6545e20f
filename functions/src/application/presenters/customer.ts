import type { CustomerAdvice, CustomerRecord } from "../../contract";
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
