/**
 * A `Clients` row → what it asks, pure: a row typed without id → the body
 * of POST …/customers; a row with an id → the body of POST
 * …/customers/{id} holding only the cells that differ from the record
 * (an emptied cell → null, which clears the field). Cells are read as
 * typed (labels or codes, French numbers and dates); every rule is the
 * record schema's, applied by the command.
 */
import { CUSTOMER_EDITABLE_FIELDS, CUSTOMER_KIND_LABELS, FACTORING_STATUS_LABELS } from "../../domain";
import type { ErrorDetail } from "../../errors/api-error";
import { rawValue } from "../cell";
import { CLIENTS } from "../layout/workbook-spec";
import { clientRow } from "../sync/client-row";
import type { CustomerDoc } from "../../model/customer";
import { coded } from "./deposit-row-body";
import { columnMessage } from "./import-message";
import { cellReader, isBlankIn, typedDay, typedDecimal, typedFields, typedText, type TypedCell } from "./typed-cells";

/** Which column each body field comes from, to name it in the French message. */
export const CLIENT_FIELD_COLUMN: Record<string, string> = {
  name: "Client",
  kind: "Type de client",
  siren: "SIREN",
  creditLimit: "Limite de crédit",
  paymentTermsDays: "Délai de paiement (jours)",
  riskClass: "Classe de risque",
  vatNumber: "N° TVA",
  email: "E-mail",
  billingAddress: "Adresse de facturation",
  deliveryAddress: "Adresse de livraison",
  invoiceContact: "Contact factures",
  "invoiceContact.name": "Contact factures",
  "invoiceContact.email": "E-mail factures",
  dunningContact: "Contact relances",
  "dunningContact.name": "Contact relances",
  "dunningContact.email": "E-mail relances",
  "dunningContact.phone": "Téléphone relances",
  iban: "IBAN",
  bic: "BIC",
  insurance: "Assureur",
  "insurance.insurer": "Assureur",
  "insurance.limit": "Montant garanti",
  "insurance.grantedOn": "Garanti le",
  factoring: "Affacturage",
  "factoring.status": "Affacturage",
  "factoring.factor": "Factor",
  segment: "Segment",
};

export const CLIENT_INPUT_HEADERS = CLIENTS.columns.filter((c) => !c.computed).map((c) => c.header);

export function isBlankClientRow(row: TypedCell[]): boolean {
  return isBlankIn(CLIENTS, CLIENT_INPUT_HEADERS, row);
}

/** Identifiers compared and sent as people type them, spaces left out. */
const compact = (v: TypedCell) => typedText(v)?.replace(/[\s\u00a0\u202f]/g, "");

/** 45 (a number cell) → 45; text passes through for the schema to refuse. */
const typedInt = (v: TypedCell) => (typeof v === "number" ? v : typedText(v));

/** A group of cells (a contact, the insurance): undefined when none is filled. */
const group = (o: Record<string, unknown>) => {
  const filled = typedFields(o);
  return Object.keys(filled).length ? filled : undefined;
};

/** Every field a row holds (undefined where its cells are empty). */
function clientFields(row: TypedCell[]): Record<string, unknown> {
  const cell = cellReader(CLIENTS, row);
  return {
    name: typedText(cell("Client")),
    kind: coded(CUSTOMER_KIND_LABELS, cell("Type de client")),
    siren: compact(cell("SIREN")),
    creditLimit: typedDecimal(cell("Limite de crédit")),
    paymentTermsDays: typedInt(cell("Délai de paiement (jours)")),
    // The profile's column: read only so that a class typed by a person is refused in French, not silently undone.
    riskClass: typedText(cell("Classe de risque")),
    vatNumber: compact(cell("N° TVA"))?.toUpperCase(),
    email: typedText(cell("E-mail")),
    billingAddress: typedText(cell("Adresse de facturation")),
    deliveryAddress: typedText(cell("Adresse de livraison")),
    invoiceContact: group({ name: typedText(cell("Contact factures")), email: typedText(cell("E-mail factures")) }),
    dunningContact: group({
      name: typedText(cell("Contact relances")),
      email: typedText(cell("E-mail relances")),
      phone: typedText(cell("Téléphone relances")),
    }),
    iban: compact(cell("IBAN"))?.toUpperCase(),
    bic: compact(cell("BIC"))?.toUpperCase(),
    insurance: group({
      insurer: typedText(cell("Assureur")),
      limit: typedDecimal(cell("Montant garanti")),
      grantedOn: typedDay(cell("Garanti le")),
    }),
    factoring: group({
      status: coded(FACTORING_STATUS_LABELS, cell("Affacturage")),
      factor: typedText(cell("Factor")),
    }),
    segment: typedText(cell("Segment")),
  };
}

/** The body of POST …/customers for a row typed without id. */
export function clientCreateBody(row: TypedCell[]): Record<string, unknown> {
  return typedFields(clientFields(row));
}

/** The record's row as the sheet reads it back (numbers, serial dates), to tell what a person changed. */
function storedLine(doc: CustomerDoc): TypedCell[] {
  return clientRow(doc.id, doc).cells.map((c) => (c === null ? undefined : rawValue(c)));
}

/**
 * The body of POST …/customers/{id} for a row with an id: the fields whose
 * cells differ from the record (kind, SIREN and risk class included, for the
 * command to refuse), null where emptied; null when nothing differs.
 */
export function clientUpdateBody(row: TypedCell[], doc: CustomerDoc): Record<string, unknown> | null {
  const typed = clientFields(row);
  const stored = clientFields(storedLine(doc));
  const changed = ["kind", "siren", "riskClass", ...CUSTOMER_EDITABLE_FIELDS].filter(
    (f) => JSON.stringify(typed[f]) !== JSON.stringify(stored[f]),
  );
  return changed.length ? Object.fromEntries(changed.map((f) => [f, typed[f] ?? null])) : null;
}

/** The French message beside a refused `Clients` row (fields named by their column). */
export function clientImportMessage(message: string, details: ErrorDetail[]): string {
  return columnMessage(message, details, CLIENT_FIELD_COLUMN);
}
