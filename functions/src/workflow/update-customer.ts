import { FieldValue } from "@google-cloud/firestore";
import { vatSirenProblem, type CustomerUpdate } from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { badRequest, conflict } from "../errors/api-error";
import type { CustomerDoc } from "../model/customer";
import { canonicalJson } from "../storage/canonical-json";
import type { UnitOfWork } from "../storage/unit-of-work";
import { customerRef, loadCustomer } from "./customer-records";

/** A merged duplicate is kept as it was, for history: changes go to the record it was merged into. */
export function refuseIfMerged(doc: CustomerDoc): void {
  if (doc.mergedInto)
    throw conflict(
      "CUSTOMER_MERGED",
      `La fiche ${doc.id} a été fusionnée dans la fiche ${doc.mergedInto} : elle ne se modifie plus, modifiez ${doc.mergedInto}.`,
    );
}

/**
 * Changes the fields given (null clears one) and records one audit event
 * with what they held before; a body that changes nothing writes nothing.
 */
export async function updateCustomer(uow: UnitOfWork, id: string, body: CustomerUpdate): Promise<CustomerDoc> {
  const doc = await loadCustomer(uow, id);
  refuseIfMerged(doc);
  const stored = doc as unknown as Record<string, unknown>;
  const changed = Object.entries(body).filter(
    ([field, value]) => value !== undefined && canonicalJson(value ?? undefined) !== canonicalJson(stored[field]),
  );
  if (changed.length === 0) return doc;
  const next = { ...doc } as Record<string, unknown>;
  for (const [field, value] of changed) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  const problem = vatSirenProblem(next as { siren?: string; vatNumber?: string });
  if (problem) throw badRequest(`Numéro de TVA : ${problem}.`, [fieldProblem("vatNumber", problem)]);
  next.updatedAt = uow.timestamp;
  uow.update(customerRef(uow, id), {
    ...Object.fromEntries(changed.map(([field, value]) => [field, value === null ? FieldValue.delete() : value])),
    updatedAt: uow.timestamp,
  });
  uow.event(
    "customer.updated",
    { kind: "customer", id },
    Object.fromEntries(changed.map(([field]) => [field, stored[field] ?? null])),
    Object.fromEntries(changed),
  );
  return next as unknown as CustomerDoc;
}
