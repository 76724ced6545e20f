import type { Customer } from "../model/amounts";
import type { CompanySettings } from "../model/company";
import type { InvoiceContent, InvoiceType } from "../model/invoice";
import type { NumberSlot } from "../storage/unit-of-work";

const TYPE_CODES: Record<InvoiceType, InvoiceContent["typeCode"]> = { deposit: "386", final: "380", penalty: "380" };

/** The mentions every invoice of the series starts with: type (UNTDID 1001), number, date, parties, order. */
export function invoiceHead(
  type: InvoiceType,
  slot: NumberSlot,
  settings: CompanySettings,
  customer: Customer,
  orderRef: string,
) {
  return {
    type,
    typeCode: TYPE_CODES[type],
    number: slot.number,
    date: slot.date,
    seller: { name: settings.name, siren: settings.siren },
    customer,
    orderRef,
  };
}
