/**
 * Checks what a chained document stores beside its sealed record: every
 * copy must equal what its content says (model files derive them), the
 * mutable state must be possible given the sealed amounts, and no other
 * top-level field may exist. The hash covers the sealed record itself.
 */
import { money } from "../domain";
import { frenchDate } from "../domain/dates/calendar-day";
import { frenchAmount } from "../domain/reminders/french-amount";
import { SEALED_RECORD_FIELDS, type SeriesKind } from "../model/chain";
import { CREDIT_NOTE_COPY_FIELDS, creditNoteCopies, type CreditNoteContent } from "../model/credit-note";
import {
  INVOICE_COPY_FIELDS,
  INVOICE_STATE_FIELDS,
  invoiceCopies,
  type InvoiceContent,
  type InvoiceState,
} from "../model/invoice";
import { JOURNAL_ENTRY_COPY_FIELDS, journalEntryCopies, type JournalEntryContent } from "../model/journal-entry";
import {
  STATEMENT_RECORD_COPY_FIELDS,
  statementRecordCopies,
  type RefundStatementRecordContent,
} from "../model/refund-statement-record";
import { canonicalJson } from "../storage/canonical-json";
import { finding, type Finding, type Place } from "./finding";

type Doc = Record<string, unknown>;

interface KindFields {
  copies(content: unknown): Record<string, unknown>;
  copyFields: readonly string[];
  stateFields: readonly string[];
  /** French label of each copy field, and how its values are shown. */
  labels: Record<string, { label: string; show?: (v: string) => string }>;
}

const date = { show: frenchDate };

const KIND_FIELDS: Record<SeriesKind, KindFields> = {
  invoice: {
    copies: (c) => ({ ...invoiceCopies(c as InvoiceContent) }),
    copyFields: INVOICE_COPY_FIELDS,
    stateFields: INVOICE_STATE_FIELDS,
    labels: {
      type: { label: "type de facture" },
      number: { label: "numéro" },
      gross: { label: "montant TTC", show: frenchAmount },
      issuedOn: { label: "date d'émission", ...date },
      dueDate: { label: "échéance", ...date },
      customerKey: { label: "client" },
      origin: { label: "origine" },
      contractPenaltyRate: { label: "taux des pénalités de retard" },
    },
  },
  creditNote: {
    copies: (c) => ({ ...creditNoteCopies(c as CreditNoteContent) }),
    copyFields: CREDIT_NOTE_COPY_FIELDS,
    stateFields: [],
    labels: { number: { label: "numéro" }, date: { label: "date", ...date }, refundId: { label: "demande" } },
  },
  journal: {
    copies: (c) => ({ ...journalEntryCopies(c as JournalEntryContent) }),
    copyFields: JOURNAL_ENTRY_COPY_FIELDS,
    stateFields: [],
    labels: { number: { label: "numéro" }, date: { label: "date", ...date } },
  },
  statement: {
    copies: (c) => ({ ...statementRecordCopies(c as RefundStatementRecordContent) }),
    copyFields: STATEMENT_RECORD_COPY_FIELDS,
    stateFields: [],
    labels: { number: { label: "numéro" }, date: { label: "date", ...date }, refundId: { label: "demande" } },
  },
};

/** A stored value as a finding shows it: amounts and dates the French way, other values quoted. */
export function shown(value: unknown, show?: (v: string) => string): string {
  if (value === undefined || value === null) return "absent";
  if (typeof value === "string" && show && /^[-\d.]+$|^\d{4}-\d{2}-\d{2}$/.test(value)) return show(value);
  return `« ${typeof value === "string" ? value : JSON.stringify(value)} »`;
}

/** « le champ « gross » (montant TTC) ». */
export function fieldName(field: string, label: string): string {
  return label === field ? `le champ « ${field} »` : `le champ « ${field} » (${label})`;
}

function copyFindings(kind: SeriesKind, doc: Doc, at: Place, name: string): Finding[] {
  const rules = KIND_FIELDS[kind];
  let sealed: Record<string, unknown>;
  try {
    sealed = rules.copies(doc.content);
  } catch {
    // Content so damaged that nothing can be derived from it: the hash check already names it.
    return [];
  }
  const out: Finding[] = [];
  for (const field of rules.copyFields) {
    if (canonicalJson(doc[field] ?? null) === canonicalJson(sealed[field] ?? null)) continue;
    const { label, show } = rules.labels[field];
    out.push(
      finding(
        "copy",
        at,
        `${fieldName(field, label)} de ${name} diffère du contenu scellé : ${shown(doc[field], show)} au lieu de ${shown(sealed[field], show)}`,
        { field },
      ),
    );
  }
  return out;
}

/** A stored amount, or null when it is no amount. */
export function parsedMoney(v: unknown) {
  try {
    return typeof v === "string" ? money(v) : null;
  } catch {
    return null;
  }
}

/** An invoice's open amount lies between zero and what it sealed; it is paid exactly when nothing is left. */
function stateFindings(doc: Doc, at: Place, name: string): Finding[] {
  const state = doc as Partial<InvoiceState>;
  let gross: string;
  try {
    gross = invoiceCopies(doc.content as InvoiceContent).gross;
  } catch {
    return [];
  }
  const open = parsedMoney(state.openAmount);
  const state$ = (problem: string) => finding("state", at, problem, { field: "openAmount" });
  if (!open) return [state$(`le reste à payer de ${name} est illisible (${shown(state.openAmount)})`)];
  const sealed = parsedMoney(gross);
  if (open.isNegative())
    return [state$(`le reste à payer de ${name} est négatif (${frenchAmount(state.openAmount!)})`)];
  if (sealed && open.greaterThan(sealed))
    return [
      state$(
        `le reste à payer de ${name} (${frenchAmount(state.openAmount!)}) dépasse son montant scellé (${frenchAmount(gross)})`,
      ),
    ];
  if (open.isZero() && !state.paidOn)
    return [
      finding("state", at, `${name} n'a plus rien à payer mais n'a pas de date de paiement`, { field: "paidOn" }),
    ];
  if (!open.isZero() && state.paidOn)
    return [
      finding(
        "state",
        at,
        `${name} est marquée payée le ${shown(state.paidOn, frenchDate)} alors qu'il reste ${frenchAmount(state.openAmount!)} à payer`,
        { field: "paidOn" },
      ),
    ];
  return vatOnPaymentFindings(state, open.isZero(), at, name);
}

/**
 * VAT on payment (services without the debits option): per rate, what
 * payments made chargeable never exceeds what the invoice made due, and all
 * of it is chargeable once nothing is left to pay (CGI art. 269-2-c).
 */
function vatOnPaymentFindings(state: Partial<InvoiceState>, settled: boolean, at: Place, name: string): Finding[] {
  const vat = state.vatOnPayment;
  if (!vat) return [];
  const findings: Finding[] = [];
  for (const due of vat.due ?? []) {
    const owed = parsedMoney(due.vat);
    const moved = parsedMoney(vat.transferred?.find((t) => t.vatRate === due.vatRate)?.vat ?? "0.00");
    if (!owed || !moved) continue;
    const rate = `TVA à ${due.vatRate.replace(".", ",")} %`;
    if (moved.greaterThan(owed) || (settled && !moved.equals(owed)))
      findings.push(
        finding(
          "state",
          at,
          `la ${rate} de ${name} devenue exigible aux encaissements (${frenchAmount(moved.toFixed(2))}) ${moved.greaterThan(owed) ? "dépasse" : "n'atteint pas, la facture étant payée,"} la TVA qu'elle a rendue due (${frenchAmount(owed.toFixed(2))})`,
          { field: "vatOnPayment" },
        ),
      );
  }
  return findings;
}

/**
 * Copies and state of one chained document, both judged against its
 * content (`name`: how the sentences call the document). Meaningless when
 * the content itself was changed: the caller drops them then.
 */
export function againstContentFindings(kind: SeriesKind, doc: Doc, at: Place, name: string): Finding[] {
  return [...copyFindings(kind, doc, at, name), ...(kind === "invoice" ? stateFindings(doc, at, name) : [])];
}

/** Top-level fields that belong to no part of the document. */
export function unknownFieldFindings(kind: SeriesKind, doc: Doc, at: Place, name: string): Finding[] {
  const rules = KIND_FIELDS[kind];
  const known = new Set<string>([...SEALED_RECORD_FIELDS, ...rules.copyFields, ...rules.stateFields]);
  return Object.keys(doc)
    .filter((k) => !known.has(k))
    .sort()
    .map((field) =>
      finding(
        "unknown-field",
        at,
        `le champ « ${field} » de ${name} n'appartient à aucune partie du document (ni contenu scellé, ni copie, ni état) : il a été ajouté après émission`,
        { field },
      ),
    );
}
