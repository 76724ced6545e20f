/**
 * A `Factures` row typed by a person — an invoice another tool issued,
 * and what was paid on it — → the body of POST …/invoices/external and the
 * payment part, pure. The sheet has no customer-kind or SIREN column, so
 * the `Client` cell carries them: « Garage Dupuis SAS (SIREN 552 100 554) »
 * for a business, « Mme Durand (particulier) » for a consumer.
 */
import { z } from "zod";
import { parseInput } from "../../domain";
import { BOUNDED } from "../../workflow/bodies/bounded-scalars";
import { badRequest, type ErrorDetail } from "../../errors/api-error";
import { FACTURES } from "../layout/workbook-spec";
import { columnMessage } from "./import-message";
import { cellReader, isBlankIn, typedDay, typedDecimal, typedFields, typedText, type TypedCell } from "./typed-cells";

export const INVOICE_INPUT_HEADERS = FACTURES.columns.filter((c) => !c.computed).map((c) => c.header);

export const INVOICE_FIELD_COLUMN: Record<string, string> = {
  number: "Numéro",
  date: "Date",
  customer: "Client",
  "customer.name": "Client",
  "customer.kind": "Client",
  "customer.siren": "Client",
  orderRef: "Commande",
  lines: "Total HT",
  total: "Total HT",
  "total.net": "Total HT",
  "total.vat": "Total TVA",
  "total.gross": "Total TTC",
  depositsDeducted: "Acomptes déduits TTC",
  amountDue: "Net à payer",
  dueDate: "Échéance",
};

export const PAYMENT_FIELD_COLUMN: Record<string, string> = {
  paidOn: "Payée le",
  date: "Payée le",
  remaining: "Reste dû",
  amount: "Reste dû",
};

export const CLIENT_HINT =
  "écrivez « Nom (SIREN 123456789) » pour un professionnel, « Nom (particulier) » pour un particulier";

export function isBlankInvoiceRow(row: TypedCell[]): boolean {
  return isBlankIn(FACTURES, INVOICE_INPUT_HEADERS, row);
}

/** « Nom (SIREN 552 100 554) » → b2b with its SIREN; « Nom (particulier) » → b2c; otherwise the kind is left out. */
export function typedCustomer(v: TypedCell): Record<string, unknown> | undefined {
  const t = typedText(v);
  if (t === undefined) return undefined;
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(t);
  const inner = m?.[2].trim() ?? "";
  const siren = /^(?:siren\s*:?\s*)?([\d\s\u00a0\u202f]+)$/i.exec(inner);
  if (m && siren) return { name: m[1], kind: "b2b", siren: siren[1].replace(/[\s\u00a0\u202f]/g, "") };
  if (m && /^particulier$/i.test(inner)) return { name: m[1], kind: "b2c" };
  return { name: t };
}

const paymentCellsSchema = z.strictObject({
  paidOn: BOUNDED.date.optional(),
  remaining: BOUNDED.money.optional(),
});
export type PaymentCells = z.output<typeof paymentCellsSchema>;

/**
 * The invoice body and the payment cells of a row. Refuses (ApiError 400)
 * what no route could tell better: a `Client` without its kind, payment
 * cells that are not a date or an amount.
 */
export function invoiceRowParts(row: TypedCell[]): { invoice: Record<string, unknown>; payment: PaymentCells } {
  const cell = cellReader(FACTURES, row);
  const customer = typedCustomer(cell("Client"));
  if (customer && customer.kind === undefined)
    throw badRequest(CLIENT_HINT, [{ path: "customer.kind", message: CLIENT_HINT }]);
  const payment = parseInput(
    paymentCellsSchema,
    typedFields({ paidOn: typedDay(cell("Payée le")), remaining: typedDecimal(cell("Reste dû")) }),
  );
  const invoice = typedFields({
    number: typedText(cell("Numéro")),
    date: typedDay(cell("Date")),
    customer,
    orderRef: typedText(cell("Commande")),
    total: typedFields({
      net: typedDecimal(cell("Total HT")),
      vat: typedDecimal(cell("Total TVA")),
      gross: typedDecimal(cell("Total TTC")),
    }),
    depositsDeducted: typedDecimal(cell("Acomptes déduits TTC")),
    amountDue: typedDecimal(cell("Net à payer")),
    dueDate: typedDay(cell("Échéance")),
  });
  return { invoice, payment };
}

/** The French message beside a refused `Factures` row: invoice fields by their column. */
export function invoiceImportMessage(message: string, details: ErrorDetail[]): string {
  return columnMessage(message, details, { ...PAYMENT_FIELD_COLUMN, ...INVOICE_FIELD_COLUMN });
}

/** Same for what the payment route refused (its `date` is the `Payée le` column). */
export function paymentImportMessage(message: string, details: ErrorDetail[]): string {
  return columnMessage(message, details, PAYMENT_FIELD_COLUMN);
}
