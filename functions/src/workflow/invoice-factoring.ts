/**
 * Whether an invoice being issued is assigned to a factor: its customer's
 * record says so at issue (the subrogation mention must be on the document
 * from the start, so a later change of status never touches issued
 * invoices), and the company's settings give the factor's bank details and
 * account (docs/customers-risk.md « Factoring »).
 */
import { configuredFactor, factoringAssignment, money, type FactoringAssignment } from "../domain";
import { conflict } from "../errors/api-error";
import { customerKey, type Customer, type MoneyString } from "../model/amounts";
import type { CustomerDoc } from "../model/customer";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { settingsOf } from "./company-settings";
import { customerRef, resolveKeys } from "./customer-records";

/**
 * The assignment a final invoice of `customer` carries, or undefined when
 * the customer is not assigned to a factor or nothing is left to pay (an
 * invoice settled by its deposits has nothing to collect). A factor the
 * company has not configured is refused: without its bank details the
 * invoice could not tell the customer whom to pay.
 */
export async function invoiceFactoring(
  uow: UnitOfWork,
  access: Access,
  customer: Customer,
  amountDue: MoneyString,
): Promise<FactoringAssignment | undefined> {
  if (money(amountDue).isZero()) return undefined;
  const [id] = await resolveKeys(uow, [customerKey(customer)]);
  const record = id ? await uow.get<CustomerDoc>(customerRef(uow, id)) : null;
  const factoring = record?.factoring;
  if (factoring?.status !== "assigned" || !factoring.factor) return undefined;
  const factor = configuredFactor(settingsOf(access).factors, factoring.factor);
  if (!factor)
    throw conflict(
      "FACTOR_NOT_CONFIGURED",
      `Le client ${customer.name} est affacturé par ${factoring.factor}, mais ce factor n'est pas configuré pour la société : ` +
        `renseignez son IBAN dans les paramètres (factors) avant d'émettre la facture, qui doit porter la mention de subrogation.`,
    );
  return factoringAssignment(factor);
}
