/**
 * An `Acomptes` row typed by a person → the body of POST …/deposits, pure.
 * Only reads what was typed (labels or codes, French numbers, dates as
 * dates or dd/mm/yyyy); every rule is the workflow's and the engine's,
 * applied when the body is recorded through their route.
 */
import type { ErrorDetail } from "../../errors/api-error";
import { ACOMPTES } from "../layout/workbook-spec";
import { CUSTOMER_KIND_LABELS, DEPOSIT_KIND_LABELS, PAYMENT_MEANS_LABELS, SUPPLY_KIND_LABELS } from "../../domain";
import { codeOf } from "../sync/labels";
import { columnMessage } from "./import-message";
import { cellReader, isBlankIn, typedDay, typedDecimal, typedFields, typedText, type TypedCell } from "./typed-cells";

export { typedDay, typedDecimal, type TypedCell };

/** Which column each body field comes from, to name it in the French message. */
export const FIELD_COLUMN: Record<string, string> = {
  "customer.name": "Client",
  "customer.kind": "Type de client",
  "customer.siren": "SIREN",
  "customer.email": "E-mail",
  orderRef: "Commande",
  kind: "Nature",
  supplyKind: "Livraison",
  "order.lines.0.vatRate": "Taux TVA",
  "order.lines.0.net": "Commande HT",
  "deposit.percent": "Acompte (%)",
  "deposit.amount": "Acompte TTC",
  deposit: "Acompte (%) ou Acompte TTC",
  cashedDate: "Date d'encaissement",
  paymentMeans: "Moyen de paiement",
};

/** The columns a person fills; a row with none of them is empty. */
export const INPUT_HEADERS = ACOMPTES.columns.filter((c) => !c.computed).map((c) => c.header);

/** A label (« Virement ») or a code (« virement ») → the code; anything else as typed, for the schema to refuse. */
export const coded = <K extends string>(labels: Record<K, string>, v: TypedCell): string | undefined => {
  const t = typedText(v);
  return t === undefined ? undefined : (codeOf(labels, t) ?? t);
};

export function isBlankInput(row: TypedCell[]): boolean {
  return isBlankIn(ACOMPTES, INPUT_HEADERS, row);
}

export function depositBodyFromRow(row: TypedCell[]): Record<string, unknown> {
  const cell = cellReader(ACOMPTES, row);
  const percent = typedDecimal(cell("Acompte (%)"));
  const amount = typedDecimal(cell("Acompte TTC"));
  const rate = typedDecimal(cell("Taux TVA"));
  return typedFields({
    customer: typedFields({
      name: typedText(cell("Client")),
      kind: coded(CUSTOMER_KIND_LABELS, cell("Type de client")),
      siren: typedText(cell("SIREN"))?.replace(/\s/g, ""),
      email: typedText(cell("E-mail")),
    }),
    orderRef: typedText(cell("Commande")),
    kind: coded(DEPOSIT_KIND_LABELS, cell("Nature")),
    supplyKind: coded(SUPPLY_KIND_LABELS, cell("Livraison")),
    order: { lines: [typedFields({ vatRate: rate, net: typedDecimal(cell("Commande HT")) })] },
    deposit: typedFields({ percent, amount }),
    cashedDate: typedDay(cell("Date d'encaissement")),
    paymentMeans: coded(PAYMENT_MEANS_LABELS, cell("Moyen de paiement")),
  });
}

/** The French message beside a refused `Acomptes` row (fields named by their column). */
export function importMessage(message: string, details: ErrorDetail[]): string {
  return columnMessage(message, details, FIELD_COLUMN);
}
