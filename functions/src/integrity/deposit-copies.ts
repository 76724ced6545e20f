/**
 * A deposit copies its sealed deposit invoice (amounts per rate, number,
 * dates, customer, acompte or arrhes) and the credit notes issued on it, and
 * refunds and final invoices — sealed themselves — are computed from those
 * copies. Each copy is checked here against the sealed documents, so a
 * changed copy is named before it can feed a new credit note or invoice.
 * Deposits are read as a stream and their sealed documents by pages.
 */
import type { DocumentReference, Firestore, QueryDocumentSnapshot } from "@google-cloud/firestore";
import { frenchDate } from "../domain/dates/calendar-day";
import { frenchAmount } from "../domain/reminders/french-amount";
import { CREDIT_NOTES, DEPOSITS, INVOICES } from "../model/collections";
import type { CreditNoteContent } from "../model/credit-note";
import {
  DEPOSIT_INVOICE_COPY_FIELDS,
  depositCreditNote,
  depositInvoiceCopies,
  type DepositCreditNote,
  type DepositInvoiceCopies,
} from "../model/deposit";
import type { InvoiceContent } from "../model/invoice";
import { canonicalJson } from "../storage/canonical-json";
import { isValidDocumentId } from "../storage/document-id";
import { companyCollection } from "../storage/refs";
import { finding, inNumberOrder, type Finding, type Place } from "./finding";
import { fieldName, parsedMoney, shown } from "./sealed-fields";
import { sealedHash, type Doc } from "./walk-series";

/** The pseudo-series deposits' findings are filed under. */
export const DEPOSITS_SERIES = "deposits";
const PAGE = 100;

const LABELS: Record<keyof DepositInvoiceCopies, { label: string; show?: (v: string) => string }> = {
  customer: { label: "client" },
  orderRef: { label: "commande" },
  kind: { label: "acompte ou arrhes" },
  supplyKind: { label: "nature de l'opération" },
  lines: { label: "montants par taux" },
  total: { label: "totaux" },
  gross: { label: "montant TTC", show: frenchAmount },
  invoiceNumber: { label: "numéro de facture" },
  invoiceDate: { label: "date de facture", show: frenchDate },
  cashedDate: { label: "date d'encaissement", show: frenchDate },
};

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const isObject = (v: unknown) => v !== null && typeof v === "object";

function depositFindings(
  d: QueryDocumentSnapshot,
  invoice: InvoiceContent | null | "altered",
  notes: Map<string, CreditNoteContent | null | "altered">,
): Finding[] {
  if (invoice === "altered") return [];
  const data = d.data();
  const name = `l'acompte ${invoice?.number ?? String(data.invoiceNumber ?? d.id)}`;
  const at: Place = { series: DEPOSITS_SERIES, number: invoice?.number ?? null, path: d.ref.path, id: d.id };
  if (!invoice)
    return [
      finding("missing", at, `la facture d'acompte de ${name} est introuvable (champ « invoiceId »)`, {
        field: "invoiceId",
      }),
    ];
  const out: Finding[] = [];
  let sealed: DepositInvoiceCopies;
  try {
    sealed = depositInvoiceCopies(invoice);
  } catch {
    // A sealed content too damaged to derive anything from: the chain walk names it.
    return [];
  }
  for (const field of DEPOSIT_INVOICE_COPY_FIELDS) {
    if (same(data[field], sealed[field])) continue;
    const { label, show } = LABELS[field];
    const values = isObject(sealed[field])
      ? ""
      : ` : ${shown(data[field], show)} au lieu de ${shown(sealed[field], show)}`;
    out.push(
      finding("copy", at, `${fieldName(field, label)} de ${name} diffère de sa facture scellée${values}`, { field }),
    );
  }
  // Mutable, read by the dashboard and the quotes: between nothing and what the invoice sealed.
  const balance = parsedMoney(data.refundableBalance);
  const gross = parsedMoney(sealed.gross);
  if (!balance || balance.isNegative() || (gross && balance.greaterThan(gross)))
    out.push(
      finding(
        "state",
        at,
        `le solde remboursable de ${name} (${shown(data.refundableBalance, frenchAmount)}) sort des bornes de sa facture scellée (de ${frenchAmount("0.00")} à ${frenchAmount(sealed.gross)})`,
        { field: "refundableBalance" },
      ),
    );
  const listed = (Array.isArray(data.creditNotes) ? data.creditNotes : []) as DepositCreditNote[];
  for (const entry of listed) {
    const note = notes.get(String(entry?.id)) ?? null;
    const which = `l'avoir ${String(entry?.number ?? entry?.id)}`;
    if (note === "altered") continue;
    if (!note)
      out.push(finding("missing", at, `${which}, inscrit sur ${name}, est introuvable`, { field: "creditNotes" }));
    else if (!same(entry, depositCreditNote(entry.id, note)))
      out.push(
        finding("copy", at, `${which}, tel qu'inscrit sur ${name}, diffère de l'avoir scellé ${note.number}`, {
          field: "creditNotes",
        }),
      );
  }
  return out;
}

/** The sealed contents of these documents; null for one missing. */
async function contents<T>(db: Firestore, refs: (DocumentReference | null)[]): Promise<(T | null | "altered")[]> {
  const real = refs.filter((r): r is DocumentReference => r !== null);
  const snaps = real.length ? await db.getAll(...real) : [];
  const byPath = new Map<string, T | null | "altered">(
    snaps.map((s) => {
      const d = s.data() as Doc | undefined;
      // An altered document is named by the chain walk; comparing copies with it would blame the copies.
      const sealed = d ? (sealedHash(String(d.series), d) === d.hash ? (d.content as T) : ("altered" as const)) : null;
      return [s.ref.path, sealed];
    }),
  );
  return refs.map((r) => (r ? (byPath.get(r.path) ?? null) : null));
}

export async function checkDepositCopies(
  db: Firestore,
  companyId: string,
): Promise<{ count: number; findings: Finding[] }> {
  const invoices = companyCollection(db, companyId, INVOICES);
  const creditNotes = companyCollection(db, companyId, CREDIT_NOTES);
  const ref = (collection: typeof invoices, id: unknown) =>
    typeof id === "string" && isValidDocumentId(id) ? collection.doc(id) : null;
  const findings: Finding[] = [];
  let count = 0;
  let page: QueryDocumentSnapshot[] = [];
  const flush = async () => {
    const noteIds = page.flatMap((d) => ((d.get("creditNotes") ?? []) as { id?: unknown }[]).map((c) => c?.id));
    const [sealedInvoices, sealedNotes] = await Promise.all([
      contents<InvoiceContent>(
        db,
        page.map((d) => ref(invoices, d.get("invoiceId"))),
      ),
      contents<CreditNoteContent>(
        db,
        noteIds.map((id) => ref(creditNotes, id)),
      ),
    ]);
    const notes = new Map(noteIds.map((id, i) => [String(id), sealedNotes[i]]));
    page.forEach((d, i) => findings.push(...depositFindings(d, sealedInvoices[i], notes)));
    page = [];
  };
  for await (const d of companyCollection(db, companyId, DEPOSITS).stream() as AsyncIterable<QueryDocumentSnapshot>) {
    page.push(d);
    count++;
    if (page.length === PAGE) await flush();
  }
  await flush();
  // Deposits stream in id order: told in the order of their invoices' numbers instead (stable per deposit).
  findings.sort(inNumberOrder);
  return { count, findings };
}
