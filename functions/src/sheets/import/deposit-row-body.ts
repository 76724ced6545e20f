/**
 * An `Acomptes` row typed by a person → the body of POST …/deposits, pure.
 * Only reads what was typed (labels or codes, French numbers, dates as
 * dates or dd/mm/yyyy); every rule is the workflow's and the engine's,
 * applied when the body is recorded through their route.
 */
import { serialToDay } from "../cell";
import { ACOMPTES } from "../layout/workbook-spec";
import {
  codeOf,
  CUSTOMER_KIND_LABEL,
  DEPOSIT_KIND_LABEL,
  PAYMENT_MEANS_LABEL,
  SUPPLY_KIND_LABEL,
} from "../sync/labels";

export type TypedCell = string | number | boolean | undefined;

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

const cellOf =
  (row: TypedCell[]) =>
  (header: string): TypedCell =>
    row[ACOMPTES.columns.findIndex((c) => c.header === header)];

function typedText(v: TypedCell): string | undefined {
  if (v === undefined || v === null) return undefined;
  const t = String(v).trim();
  return t === "" ? undefined : t;
}

/** 3600.5, "3 600,50", "30 %" → "3600.5", "3600.50", "30": decimal strings the schemas then check. */
export function typedDecimal(v: TypedCell): string | undefined {
  if (typeof v === "number") return String(v);
  const t = typedText(v);
  if (t === undefined) return undefined;
  return t.replace(/[\s\u00a0\u202f]|%|€/g, "").replace(",", ".");
}

/** A date cell (serial number) or text `dd/mm/yyyy` / `yyyy-mm-dd` → `yyyy-mm-dd` (other text passes through to be refused). */
export function typedDay(v: TypedCell): string | undefined {
  if (typeof v === "number") return serialToDay(v);
  const t = typedText(v);
  if (t === undefined) return undefined;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return fr ? `${fr[3]}-${fr[2].padStart(2, "0")}-${fr[1].padStart(2, "0")}` : t;
}

const coded = <K extends string>(labels: Record<K, string>, v: TypedCell): string | undefined => {
  const t = typedText(v);
  return t === undefined ? undefined : (codeOf(labels, t) ?? t);
};

export function isBlankInput(row: TypedCell[]): boolean {
  const cell = cellOf(row);
  return INPUT_HEADERS.every((h) => typedText(cell(h)) === undefined);
}

export function depositBodyFromRow(row: TypedCell[]): Record<string, unknown> {
  const cell = cellOf(row);
  const percent = typedDecimal(cell("Acompte (%)"));
  const amount = typedDecimal(cell("Acompte TTC"));
  const rate = typedDecimal(cell("Taux TVA"));
  const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return drop({
    customer: drop({
      name: typedText(cell("Client")),
      kind: coded(CUSTOMER_KIND_LABEL, cell("Type de client")),
      siren: typedText(cell("SIREN"))?.replace(/\s/g, ""),
      email: typedText(cell("E-mail")),
    }),
    orderRef: typedText(cell("Commande")),
    kind: coded(DEPOSIT_KIND_LABEL, cell("Nature")),
    supplyKind: coded(SUPPLY_KIND_LABEL, cell("Livraison")),
    order: { lines: [drop({ vatRate: rate, net: typedDecimal(cell("Commande HT")) })] },
    deposit: drop({ percent, amount }),
    cashedDate: typedDay(cell("Date d'encaissement")),
    paymentMeans: coded(PAYMENT_MEANS_LABEL, cell("Moyen de paiement")),
  });
}

/**
 * The French message shown beside a refused row: each refused field by its
 * column (the API's "Champ « customer.siren » :" prefix names a JSON path a
 * person never saw), or the API's message when no field is named.
 */
export function importMessage(message: string, details: { path: string; message: string }[]): string {
  const fields = details.map((d) => {
    const column = FIELD_COLUMN[d.path] ?? FIELD_COLUMN[d.path.split(".").slice(0, 2).join(".")];
    const problem = d.message.replace(/^Champ « [^»]* »(?: \([^)]*\))? : /, "");
    return column ? `Colonne « ${column} » : ${problem}` : d.message;
  });
  // A summary that only repeats the field messages is left out; a message of its own (a rule) is kept first.
  const summary = details.some((d) => message.includes(d.message)) ? [] : [message];
  return [...summary, ...fields].join(" — ");
}
