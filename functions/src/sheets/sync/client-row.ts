/**
 * A customer record → its `Clients` row, pure. The status and message
 * cells are the import's (a refused edit says why there): the write-back
 * leaves them as they are (`null`).
 */
import { CUSTOMER_KIND_LABELS, FACTORING_STATUS_LABELS } from "../../domain";
import type { CustomerDoc } from "../../model/customer";
import { date, int, money as amount, text } from "../cell";
import type { Row } from "./row-mappers";

export function clientRow(id: string, d: CustomerDoc): Row {
  return {
    id,
    // New rows in the order the records were created.
    order: `${d.createdAt?.toMillis?.() ?? 0}`.padStart(15, "0") + id,
    cells: [
      text(d.name),
      text(CUSTOMER_KIND_LABELS[d.kind]),
      text(d.siren ?? ""),
      amount(d.creditLimit),
      int(d.paymentTermsDays ?? null),
      text(d.riskClass ?? ""),
      null,
      null,
      text(d.vatNumber ?? ""),
      text(d.email ?? ""),
      text(d.billingAddress ?? ""),
      text(d.deliveryAddress ?? ""),
      text(d.invoiceContact?.name ?? ""),
      text(d.invoiceContact?.email ?? ""),
      text(d.dunningContact?.name ?? ""),
      text(d.dunningContact?.email ?? ""),
      text(d.dunningContact?.phone ?? ""),
      text(d.iban ?? ""),
      text(d.bic ?? ""),
      text(d.insurance?.insurer ?? ""),
      amount(d.insurance?.limit),
      date(d.insurance?.grantedOn),
      text(d.factoring ? FACTORING_STATUS_LABELS[d.factoring.status] : ""),
      text(d.factoring?.factor ?? ""),
      text(d.segment ?? ""),
      text(id),
    ],
  };
}
