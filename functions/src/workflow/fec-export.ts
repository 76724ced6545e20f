import type { Firestore, QueryDocumentSnapshot } from "@google-cloud/firestore";
import {
  FEC_SEPARATOR,
  fecHeader,
  type FecSeparator,
  FecChecker,
  JournalNumbering,
  auxiliaryAccount,
  chartOfAccounts,
  factorAccountNames,
  fecLine,
  fecRecords,
  money,
  type ChartOfAccounts,
  type FecEntryInput,
  type FecRecord,
  type FiscalPeriod,
} from "../domain";
import { parisDay } from "../domain/dates/calendar-day";
import { customerKey, type Customer } from "../model/amounts";
import { CREDIT_NOTES, CUSTOMER_CREDITS, INVOICES, JOURNAL_ENTRIES, PAYMENTS, REFUNDS } from "../model/collections";
import type { CompanySettings } from "../model/company";
import type { CreditNoteContent } from "../model/credit-note";
import type { InvoiceDoc } from "../model/invoice";
import type { JournalEntryDoc } from "../model/journal-entry";
import type { CustomerCreditDoc, PaymentDoc } from "../model/payment";
import type { RefundDoc } from "../model/refund";
import { companyCollection } from "../storage/refs";

/** What the receivable lines of an entry carry: its customer and, when fully matched, its lettering. */
interface Receivable {
  customer?: { account: string; name: string };
  lettering?: FecEntryInput["lettering"];
}

/** Source documents looked up, kept for the next entries of the same document (bounded: a year is never held). */
const CACHE_SIZE = 2000;
/** Entries read before their source documents are fetched together. */
const WINDOW = 200;
/** Where each kind of source lives (an instalment's id is `<refundId>/<n>`). */
const SOURCE_COLLECTIONS: Record<JournalEntryDoc["content"]["source"]["kind"], string | null> = {
  deposit: null,
  finalInvoice: INVOICES,
  penaltyInvoice: INVOICES,
  payment: PAYMENTS,
  creditNote: CREDIT_NOTES,
  instalment: REFUNDS,
};

/**
 * The FEC of a company's fiscal year, read from its validated journal
 * entries in date order (then validation order), one entry at a time from a
 * Firestore stream: per-journal numbering, customers as auxiliary accounts
 * and lettering looked up from the entry's source document (docs/fec.md).
 */
export class FecExport {
  private readonly chart: ChartOfAccounts;
  private readonly accountNames: Map<string, string>;
  private readonly cache = new Map<string, Promise<Receivable>>();
  /** The current window's documents by `collection/id` (null: absent). */
  private readonly prefetched = new Map<string, unknown>();

  constructor(
    private readonly db: Firestore,
    private readonly companyId: string,
    private readonly period: FiscalPeriod,
    settings: Pick<CompanySettings, "accounts" | "factors">,
  ) {
    this.chart = chartOfAccounts(settings.accounts);
    this.accountNames = factorAccountNames(settings.factors);
  }

  /** The records of the year, entry by entry; `limit` stops after that many entries, `read` counts them. */
  async *records(limit = Infinity, read = { entries: 0 }): AsyncGenerator<FecRecord> {
    const numbering = new JournalNumbering();
    const query = companyCollection(this.db, this.companyId, JOURNAL_ENTRIES)
      .where("date", ">=", this.period.start)
      .where("date", "<=", this.period.end)
      .orderBy("date")
      .orderBy("seq");
    let window: JournalEntryDoc[] = [];
    for await (const snap of query.stream() as AsyncIterable<QueryDocumentSnapshot>) {
      if (read.entries >= limit) break;
      read.entries += 1;
      window.push(snap.data() as JournalEntryDoc);
      if (window.length >= WINDOW) {
        yield* this.window(window, numbering);
        window = [];
      }
    }
    yield* this.window(window, numbering);
  }

  /** A window of entries: their source documents read in two batched reads, then their records. */
  private async *window(docs: JournalEntryDoc[], numbering: JournalNumbering): AsyncGenerator<FecRecord> {
    // A payment paying only factored invoices has no customers-account line, yet its factor lines may be lettered.
    const owing = docs.filter(
      (d) => d.content.source.kind === "payment" || d.content.lines.some((l) => l.account === this.chart.customers),
    );
    await this.prefetch(owing.map((d) => d.content.source));
    for (const doc of docs) {
      const entry = doc.content;
      const receivable = owing.includes(doc) ? await this.receivable(entry.source) : {};
      yield* fecRecords({
        entry,
        number: numbering.next(entry.journal),
        validDate: parisDay(doc.createdAt.toDate()),
        ...receivable,
        chart: this.chart,
        accountNames: this.accountNames,
      });
    }
    this.prefetched.clear();
  }

  /**
   * Reads at once the documents the window's lookups need: the sources not
   * yet known, then what they point to (a payment's invoices, a refund's
   * credit note or customer credit). One round trip each instead of one per entry.
   */
  private async prefetch(sources: JournalEntryDoc["content"]["source"][]): Promise<void> {
    const first = sources
      .filter((s) => !this.cache.has(`${s.kind}/${s.id}`))
      .map((s) => SOURCE_COLLECTIONS[s.kind] && `${SOURCE_COLLECTIONS[s.kind]}/${s.id.split("/")[0]}`)
      .filter((path): path is string => Boolean(path));
    await this.read(first);
    const second: string[] = [];
    for (const [path, data] of this.prefetched) {
      if (!data) continue;
      if (path.startsWith(`${PAYMENTS}/`)) {
        const payment = data as PaymentDoc;
        // A cancelled payment is lettered with its reversal, dated by it: its entry, not its invoices.
        if (payment.cancelled) second.push(`${JOURNAL_ENTRIES}/${payment.cancelled.journalEntryId}`);
        else second.push(...payment.allocations.map((a) => `${INVOICES}/${a.invoiceId}`));
      }
      // A credit note's lettering depends on its refund (refundLettering): read in the same batch.
      if (path.startsWith(`${CREDIT_NOTES}/`))
        second.push(`${REFUNDS}/${(data as { content: CreditNoteContent }).content.refundId}`);
      if (path.startsWith(`${REFUNDS}/`)) {
        const refund = data as RefundDoc;
        if (refund.creditNoteId) second.push(`${CREDIT_NOTES}/${refund.creditNoteId}`);
        else if (refund.proposal.source.kind === "customerCredit")
          second.push(`${CUSTOMER_CREDITS}/${refund.proposal.source.creditId}`);
      }
    }
    await this.read(second);
  }

  private async read(paths: string[]): Promise<void> {
    const missing = [...new Set(paths)].filter((p) => !this.prefetched.has(p));
    if (missing.length === 0) return;
    const company = companyCollection(this.db, this.companyId, JOURNAL_ENTRIES).parent!;
    const snaps = await this.db.getAll(...missing.map((p) => company.collection(p.split("/")[0]).doc(p.split("/")[1])));
    snaps.forEach((snap, i) => this.prefetched.set(missing[i], snap.exists ? snap.data() : null));
  }

  /** First pass: the tax office's checks over the whole year, and how many entries were checked. */
  async check(): Promise<{ problems: string[]; entries: number }> {
    const checker = new FecChecker(this.period);
    const read = { entries: 0 };
    for await (const record of this.records(Infinity, read)) checker.add(record);
    return { problems: checker.problems(), entries: read.entries };
  }

  /**
   * Second pass: the file as text chunks (about 64 KiB each), the header
   * first; only the `entries` entries the first pass checked, so an entry
   * validated meanwhile waits for the next export.
   */
  async *text(entries: number, separator: FecSeparator = FEC_SEPARATOR): AsyncGenerator<string> {
    let chunk = fecHeader(separator);
    for await (const record of this.records(entries)) {
      chunk += fecLine(record, separator);
      if (chunk.length >= 65_536) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }

  private receivable(source: JournalEntryDoc["content"]["source"]): Promise<Receivable> {
    const key = `${source.kind}/${source.id}`;
    let found = this.cache.get(key);
    if (!found) {
      if (this.cache.size >= CACHE_SIZE) this.cache.clear();
      found = this.lookUp(source);
      this.cache.set(key, found);
    }
    return found;
  }

  private async lookUp(source: JournalEntryDoc["content"]["source"]): Promise<Receivable> {
    switch (source.kind) {
      case "finalInvoice":
      case "penaltyInvoice": {
        const invoice = await this.get<InvoiceDoc>(INVOICES, source.id);
        if (!invoice) return {};
        const letters = invoice.letters ?? [];
        // Lettered once fully paid by one payment: the invoice's and that payment's 411 lines then balance.
        const lettering =
          invoice.paidOn && letters.length === 1 ? { letter: letters[0], date: invoice.paidOn } : undefined;
        return { customer: customerAccount(invoice.content.customer), lettering };
      }
      case "payment": {
        const payment = await this.get<PaymentDoc>(PAYMENTS, source.id);
        if (!payment) return {};
        return { customer: customerAccount(payment.customer), lettering: await this.paymentLettering(payment) };
      }
      case "creditNote": {
        const note = await this.get<{ content: CreditNoteContent }>(CREDIT_NOTES, source.id);
        if (!note) return {};
        const refund = await this.get<RefundDoc>(REFUNDS, note.content.refundId);
        return {
          customer: customerAccount(note.content.customer),
          lettering: refund ? refundLettering(note.content.refundId, refund) : undefined,
        };
      }
      case "instalment": {
        const refund = await this.get<RefundDoc>(REFUNDS, source.id.split("/")[0]);
        if (!refund) return {};
        if (refund.creditNoteId) return this.receivable({ kind: "creditNote", id: refund.creditNoteId });
        const s = refund.proposal.source;
        const credit =
          s.kind === "customerCredit" ? await this.get<CustomerCreditDoc>(CUSTOMER_CREDITS, s.creditId) : null;
        return credit ? { customer: customerAccount(credit.customer) } : {};
      }
      default:
        return {};
    }
  }

  /**
   * A payment is lettered when nothing of it was left unapplied and every
   * invoice it paid is fully paid by it alone: then its 411 line and theirs
   * balance under its letter, dated the day the last of them was settled.
   */
  private async paymentLettering(payment: PaymentDoc): Promise<Receivable["lettering"]> {
    if (payment.cancelled) return this.cancellationLettering(payment, payment.cancelled.journalEntryId);
    if (!money(payment.unapplied).isZero() || payment.allocations.length === 0) return undefined;
    const invoices = await Promise.all(payment.allocations.map((a) => this.get<InvoiceDoc>(INVOICES, a.invoiceId)));
    if (!invoices.every((i) => i?.paidOn && i.letters?.length === 1 && i.letters[0] === payment.letter))
      return undefined;
    const date = invoices.map((i) => i!.paidOn as string).reduce((a, b) => (a > b ? a : b));
    return { letter: payment.letter, date };
  }

  /**
   * A payment whose bank match was undone is cancelled by its reversal, line
   * for line: the payment's and the reversal's 411 lines balance, and so do
   * their lines on each factor account, so each pair is lettered under the
   * payment's letter, dated the reversal (docs/fec.md « Lettering »). The
   * invoices it paid lost that letter when it was cancelled.
   */
  private async cancellationLettering(payment: PaymentDoc, reversalId: string): Promise<Receivable["lettering"]> {
    const reversal = await this.get<JournalEntryDoc>(JOURNAL_ENTRIES, reversalId);
    if (!reversal) return undefined;
    return {
      letter: payment.letter,
      date: reversal.content.date,
      ...(payment.factorShares?.length ? { accounts: payment.factorShares.map((f) => f.account) } : {}),
    };
  }

  private async get<T>(collection: string, id: string): Promise<T | null> {
    const path = `${collection}/${id}`;
    if (this.prefetched.has(path)) return this.prefetched.get(path) as T | null;
    const snap = await companyCollection(this.db, this.companyId, collection).doc(id).get();
    return snap.exists ? (snap.data() as T) : null;
  }
}

/**
 * A refund of a deposit is lettered once every instalment is paid (its
 * supplements' included) and nothing of it was set against invoices or kept
 * as a credit: then the 411 lines of its credit note, compensation and
 * supplements (credit) and of its instalments (debit) balance under one
 * letter, its request number without separators, dated the last payment.
 * Offsets and credits kept are not lettered (docs/fec.md).
 */
function refundLettering(refundId: string, refund: RefundDoc): Receivable["lettering"] {
  const settlement = refund.quote.settlement;
  const settled = settlement.offset.every((o) => money(o.amount).isZero()) && money(settlement.keptAsCredit).isZero();
  if (refund.status !== "refunded" || !refund.paidOn || !settled) return undefined;
  const letter = refund.number ? refund.number.replace(/[^0-9A-Za-z]/g, "") : refundId.slice(0, 6).toUpperCase();
  return { letter, date: refund.paidOn };
}

function customerAccount(customer: Customer): { account: string; name: string } {
  return { account: auxiliaryAccount(customerKey(customer)), name: customer.name };
}
