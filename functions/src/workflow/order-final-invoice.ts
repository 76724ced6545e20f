import { INVOICES } from "../model/collections";
import type { InvoiceDoc } from "../model/invoice";
import { conflict } from "../errors/api-error";
import type { DocReader } from "../storage/doc-reader";

/**
 * 409 FINAL_INVOICE_EXISTS when the order already has its final invoice,
 * ours or one another tool issued and that was recorded: a second would
 * invoice the supply twice, and money received now pays that invoice.
 * Found by the invoices of the order, since a final invoice that deducted
 * nothing (every deposit refunded, or none) leaves no applied deposit behind.
 */
export async function refuseIfOrderInvoiced(reader: DocReader, orderRef: string, advice: string): Promise<void> {
  const ofOrder = await reader.query<InvoiceDoc>(reader.collection(INVOICES).where("content.orderRef", "==", orderRef));
  const issued = ofOrder.find((i) => i.data.content.type === "final");
  if (!issued) return;
  const elsewhere = issued.data.content.origin === "external" ? ", émise par un autre outil et enregistrée ici" : "";
  throw conflict(
    "FINAL_INVOICE_EXISTS",
    `La commande ${orderRef} a déjà une facture de solde (${issued.data.content.number}${elsewhere})${advice}.`,
  );
}
