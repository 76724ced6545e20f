import type { CustomerCreate } from "../domain";
import { fieldProblem } from "../domain/validation/field-errors";
import { ApiError } from "../errors/api-error";
import { customerKey } from "../model/amounts";
import { customerIdOf, type CustomerDoc } from "../model/customer";
import type { UnitOfWork } from "../storage/unit-of-work";
import { createCustomerRecord, customerRef, resolveKeys } from "./customer-records";

/** What identifies a new customer, for the refusal of a second record. */
const keyField = (c: CustomerCreate) => (c.siren ? "siren" : c.email ? "email" : "name");

/**
 * Creates a customer record typed by a person (the api, a `Clients` row
 * without id). A customer whose key already resolves to a record is refused
 * (409), naming that record: one record per customer.
 */
export async function createCustomer(uow: UnitOfWork, body: CustomerCreate): Promise<CustomerDoc> {
  const key = customerKey(body);
  const id = customerIdOf(key);
  const [[resolved], existing] = await Promise.all([
    resolveKeys(uow, [key]),
    uow.get<CustomerDoc>(customerRef(uow, id)),
  ]);
  const known = resolved ?? (existing ? id : null);
  if (known)
    throw new ApiError(409, "CUSTOMER_EXISTS", `Ce client a déjà une fiche (${known}) : modifiez-la plutôt.`, [
      fieldProblem(keyField(body), `déjà enregistré dans la fiche ${known}`),
    ]);
  const record: CustomerDoc = { ...body, id, keys: [key], createdAt: uow.timestamp, updatedAt: uow.timestamp };
  createCustomerRecord(uow, record, "manual");
  return record;
}
