import { CUSTOMER_EDITABLE_FIELDS } from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { conflict, unprocessable } from "../errors/api-error";
import type { CustomerDoc } from "../model/customer";
import type { UnitOfWork } from "../storage/unit-of-work";
import { customerKeyRef, customerRef, loadCustomer } from "./customer-records";

/**
 * Merges the duplicate `id` into the record `into`, keeping history: the
 * invoices keep the customer they were sealed with; every key of the
 * duplicate now resolves to `into`, which gains them (and the fields it
 * lacked); the duplicate stays, read-only, marked `mergedInto`; one audit
 * event. Refused, changing nothing: a record into itself, from or into a
 * merged record, a company into a consumer (or the reverse).
 */
export async function mergeCustomers(
  uow: UnitOfWork,
  id: string,
  into: string,
): Promise<{ duplicate: CustomerDoc; record: CustomerDoc }> {
  if (id === into)
    throw unprocessable("CUSTOMER_MERGE_REFUSED", "Une fiche ne peut pas être fusionnée avec elle-même.", [
      fieldProblem("into", "c'est la fiche à fusionner ; choisissez la fiche à conserver"),
    ]);
  const [duplicate, record] = await Promise.all([loadCustomer(uow, id), loadCustomer(uow, into)]);
  if (duplicate.mergedInto)
    throw conflict("CUSTOMER_MERGED", `La fiche ${id} est déjà fusionnée dans la fiche ${duplicate.mergedInto}.`);
  if (record.mergedInto)
    throw conflict(
      "CUSTOMER_MERGED",
      `La fiche ${into} est elle-même fusionnée dans la fiche ${record.mergedInto} : fusionnez dans ${record.mergedInto}.`,
    );
  if (duplicate.kind !== record.kind)
    throw unprocessable(
      "CUSTOMER_MERGE_REFUSED",
      "Un client professionnel et un client particulier ne peuvent pas être fusionnés : ce ne sont pas le même client.",
      [fieldProblem("into", "fiche d'un autre type de client")],
    );
  const keys = [...record.keys, ...duplicate.keys.filter((k) => !record.keys.includes(k))];
  // What the record lacks and the duplicate knows (an e-mail, a contact…) is kept.
  const stored = record as unknown as Record<string, unknown>;
  const from = duplicate as unknown as Record<string, unknown>;
  const filled = Object.fromEntries(
    CUSTOMER_EDITABLE_FIELDS.filter((f) => stored[f] === undefined && from[f] !== undefined).map((f) => [f, from[f]]),
  );
  const at = uow.timestamp;
  uow.update(customerRef(uow, into), { ...filled, keys, updatedAt: at });
  uow.update(customerRef(uow, id), { mergedInto: into, updatedAt: at });
  for (const key of duplicate.keys) uow.set(customerKeyRef(uow, key), { customerKey: key, customerId: into });
  uow.event(
    "customer.merged",
    { kind: "customer", id },
    { keys: duplicate.keys, intoKeys: record.keys },
    { mergedInto: into, keys, filled: Object.keys(filled) },
  );
  return {
    duplicate: { ...duplicate, mergedInto: into, updatedAt: at },
    record: { ...record, ...filled, keys, updatedAt: at } as CustomerDoc,
  };
}
