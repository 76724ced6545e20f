import type { Firestore, QueryDocumentSnapshot } from "@google-cloud/firestore";
import {
  VatReturnBuilder,
  chartOfAccounts,
  finalInvoiceVatLines,
  formatMoney,
  money,
  type VatDocumentInput,
  type VatPeriod,
  type VatRateLine,
  type VatReturn,
  type VatSource,
} from "../domain";
import type { Money } from "../domain/money/money";
import { CREDIT_NOTES, DEPOSITS, INVOICES, JOURNAL_ENTRIES } from "../model/collections";
import type { CompanySettings } from "../model/company";
import type { CreditNoteDoc } from "../model/credit-note";
import type { DepositDoc } from "../model/deposit";
import type { InvoiceDoc } from "../model/invoice";
import type { JournalEntryContent } from "../model/journal-entry";
import { companyCollection } from "../storage/refs";

/** Documents read per round trip (Firestore getAll). */
const WINDOW = 300;

/** The entry kinds that post VAT, and the source document each one names. */
const VAT_ENTRIES: Partial<Record<JournalEntryContent["kind"], { source: VatSource; collection: string }>> = {
  deposit_cashed: { source: "deposit", collection: DEPOSITS },
  final_invoice: { source: "finalInvoice", collection: INVOICES },
  // A services invoice's VAT moved from 44574 as it was paid: the invoice keeps each transfer (vatOnPayment).
  vat_on_payment: { source: "payment", collection: INVOICES },
  credit_note: { source: "creditNote", collection: CREDIT_NOTES },
};

/** The 44571 movements of one source document in the period. */
interface Posted {
  source: VatSource;
  collection: string;
  id: string;
  entries: string[];
  ledgerVat: Money;
  postedOn: string;
  services: boolean;
}

type EntryFields = Pick<JournalEntryContent, "kind" | "number" | "pieceRef" | "lines" | "source">;

/**
 * The VAT return of a month or quarter (docs/vat-return.md): one streamed
 * pass over the period's journal entries (only the fields it needs) groups
 * their 44571 movements by source document; the documents are then read
 * WINDOW at a time and handed to the engine, which checks the figures equal
 * the movements to the cent.
 */
export async function computeVatReturn(
  db: Firestore,
  companyId: string,
  period: VatPeriod,
  settings: Pick<CompanySettings, "accounts" | "vatOnDebits">,
): Promise<VatReturn> {
  const chart = chartOfAccounts(settings.accounts);
  const builder = new VatReturnBuilder(period, { vatOnDebits: settings.vatOnDebits });
  const posted = new Map<string, Posted>();
  const query = companyCollection(db, companyId, JOURNAL_ENTRIES)
    .where("date", ">=", period.start)
    .where("date", "<=", period.end)
    .select("date", "content.kind", "content.number", "content.pieceRef", "content.lines", "content.source");
  for await (const snap of query.stream() as AsyncIterable<QueryDocumentSnapshot>) {
    const date = snap.get("date") as string;
    const entry = snap.get("content") as EntryFields;
    const vat = entry.lines
      .filter((l) => l.account === chart.vatCollected)
      .reduce((t, l) => t.plus(money(l.credit)).minus(money(l.debit)), money(0));
    const kind = VAT_ENTRIES[entry.kind];
    // A services invoice whose VAT waits on 44574 until paid: nothing chargeable yet, its payments will be.
    if (
      entry.kind === "final_invoice" &&
      vat.isZero() &&
      entry.lines.some((l) => l.account === chart.vatAwaitingPayment)
    )
      continue;
    if (!kind) {
      if (!vat.isZero())
        builder.addUnexplained({ entry: entry.number, pieceRef: entry.pieceRef, amount: formatMoney(vat) });
      continue;
    }
    // Each payment of an invoice is its own document; the invoice's own entry is another.
    const key = `${kind.collection}/${entry.source.id}${kind.source === "payment" ? `/${entry.number}` : ""}`;
    const known = posted.get(key) ?? {
      ...kind,
      id: entry.source.id,
      entries: [],
      ledgerVat: money(0),
      postedOn: date,
      services: false,
    };
    known.entries.push(entry.number);
    known.ledgerVat = known.ledgerVat.plus(vat);
    known.services ||= entry.lines.some((l) => l.account === chart.salesServices);
    posted.set(key, known);
  }
  const all = [...posted.values()];
  for (let i = 0; i < all.length; i += WINDOW) {
    const window = all.slice(i, i + WINDOW);
    const snaps = await db.getAll(...window.map((p) => companyCollection(db, companyId, p.collection).doc(p.id)));
    snaps.forEach((snap, k) => {
      const p = window[k];
      const doc = snap.exists ? vatDocument(p, snap.data()) : null;
      // A transfer the invoice does not list (or a missing document): its movement is unexplained.
      if (doc) builder.add(doc);
      else
        builder.addUnexplained({
          entry: p.entries.join(", "),
          pieceRef: `${p.collection}/${p.id}`,
          amount: formatMoney(p.ledgerVat),
        });
    });
  }
  return builder.result();
}

/** What the engine needs of a source document, from the copies and sealed content it carries. */
function vatDocument(p: Posted, data: unknown): VatDocumentInput | null {
  const common = { postedOn: p.postedOn, ledgerVat: formatMoney(p.ledgerVat), entries: p.entries };
  const rateLines = (lines: readonly { vatRate: string; net: string; vat: string }[]) =>
    lines.map((l) => ({ vatRate: l.vatRate, net: l.net, vat: l.vat })) as VatRateLine[];
  switch (p.source) {
    case "deposit": {
      const d = data as DepositDoc;
      return {
        ...common,
        source: "deposit",
        number: d.invoiceNumber,
        date: d.invoiceDate,
        cashedOn: d.cashedDate,
        vatDue: d.vatDue,
        supplyKind: d.supplyKind,
        lines: rateLines(d.lines),
      };
    }
    case "finalInvoice": {
      const c = (data as InvoiceDoc).content;
      return {
        ...common,
        source: "finalInvoice",
        number: c.number,
        date: c.date,
        supplyKind: p.services ? "services" : "goods",
        lines: finalInvoiceVatLines(
          rateLines(c.lines),
          (c.deductedDeposits ?? []).map((d) => rateLines(d.lines)),
        ),
      };
    }
    case "payment": {
      const invoice = data as InvoiceDoc;
      const transfer = invoice.vatOnPayment?.transfers.find((t) => t.entry === p.entries[0]);
      if (!transfer) return null;
      return {
        ...common,
        source: "payment",
        number: transfer.piece,
        date: transfer.paidOn,
        invoice: invoice.content.number,
        supplyKind: "services",
        lines: rateLines(transfer.lines),
      };
    }
    case "creditNote": {
      const c = (data as CreditNoteDoc).content;
      return { ...common, source: "creditNote", number: c.number, date: c.date, lines: rateLines(c.lines) };
    }
  }
}
