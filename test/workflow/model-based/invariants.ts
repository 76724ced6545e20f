/**
 * What the model-based workflow test (model-based.test.ts) checks after every
 * step: Firestore read directly, the invariants that hold on Firestore alone
 * (series, balanced entries, the ledger's accounts), and the model against
 * Firestore.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { RateLine } from "../../../functions/src/model/amounts";
import type { CreditNoteDoc } from "../../../functions/src/model/credit-note";
import type { DepositDoc } from "../../../functions/src/model/deposit";
import type { InvoiceDoc } from "../../../functions/src/model/invoice";
import type { JournalEntryDoc } from "../../../functions/src/model/journal-entry";
import type { CustomerCreditDoc, PaymentDoc } from "../../../functions/src/model/payment";
import type { InstalmentDoc, RefundDoc } from "../../../functions/src/model/refund";
import type { Role } from "../../../functions/src/model/roles";
import type { SequenceDoc } from "../../../functions/src/model/sequence";
import {
  D,
  d,
  ZERO,
  sum,
  str,
  vatOn,
  MONEY,
  must,
  PEOPLE,
  has,
  AWAITING,
  grossOf,
  Model,
  balanceOf,
  depositStatus,
  creditLeft,
} from "./model";
// ---------------------------------------------------------------- Firestore, read directly

export interface Doc<T> {
  id: string;
  path: string;
  data: T;
}
export interface State {
  deposits: Doc<DepositDoc>[];
  invoices: Doc<InvoiceDoc>[];
  creditNotes: Doc<CreditNoteDoc>[];
  refunds: Doc<RefundDoc>[];
  instalments: Doc<InstalmentDoc>[];
  journal: Doc<JournalEntryDoc>[];
  payments: Doc<PaymentDoc>[];
  credits: Doc<CustomerCreditDoc>[];
  sequences: Doc<SequenceDoc>[];
  /** The company's option for VAT on debits: without it, a services invoice's VAT waits on 44574 until paid. */
  vatOnDebits: boolean;
  /** Every document of the company, path → data: a refusal must leave it as it was. */
  all: Record<string, unknown>;
}

export async function readState(db: Firestore, companyId: string): Promise<State> {
  const names = [
    "deposits",
    "invoices",
    "creditNotes",
    "refunds",
    "journalEntries",
    "payments",
    "customerCredits",
    "sequences",
    "events",
    "idempotency",
  ];
  const [company, ...snaps] = await Promise.all([
    db.doc(`companies/${companyId}`).get(),
    ...names.map((n) => db.collection(`companies/${companyId}/${n}`).get()),
    db.collectionGroup("instalments").where("companyId", "==", companyId).get(),
  ]);
  const all: Record<string, unknown> = {};
  const docs = snaps.map((s) =>
    s.docs.map((x) => {
      all[x.ref.path] = x.data();
      return { id: x.id, path: x.ref.path, data: x.data() };
    }),
  );
  const [deposits, invoices, creditNotes, refunds, journal, payments, credits, sequences, , , instalments] = docs;
  return {
    deposits,
    invoices,
    creditNotes,
    refunds,
    journal,
    payments,
    credits,
    sequences,
    instalments,
    vatOnDebits: company.get("settings.vatOnDebits") === true,
    all,
  } as unknown as State;
}

// ---------------------------------------------------------------- invariants on Firestore alone

export const SERIES_PREFIX: Record<string, string> = { invoice: "FA", creditNote: "AV", journal: "EC" };

export function checkSeries(
  kind: string,
  docs: { number: string; date: string; series: string; seq: number }[],
  state: State,
) {
  const bySeries = new Map<string, typeof docs>();
  for (const doc of docs) bySeries.set(doc.series, [...(bySeries.get(doc.series) ?? []), doc]);
  const numbers = new Set<string>();
  for (const [series, list] of bySeries) {
    const year = series.slice(kind.length + 1);
    must(series === `${kind}-${year}`, `unexpected series ${series}`);
    list.sort((a, b) => a.seq - b.seq);
    list.forEach((doc, i) => {
      must(doc.seq === i + 1, `${series}: seq ${doc.seq} at position ${i + 1} (gap or duplicate)`);
      must(
        doc.number === `${SERIES_PREFIX[kind]}-${year}-${String(i + 1).padStart(6, "0")}`,
        `${series}: number ${doc.number} at position ${i + 1}`,
      );
      must(doc.date.slice(0, 4) === year, `${doc.number} dated ${doc.date} in series ${series}`);
      must(
        i === 0 || list[i - 1].date <= doc.date,
        `${doc.number} (${doc.date}) after a document of ${list[i - 1]?.date}`,
      );
      must(!numbers.has(doc.number), `number ${doc.number} twice`);
      numbers.add(doc.number);
    });
    const head = state.sequences.find((s) => s.id === series);
    must(head?.data.last === list.length, `${series}: counter says ${head?.data.last}, ${list.length} documents`);
  }
}

export function checkLines(
  where: string,
  lines: readonly RateLine[],
  total?: { net: string; vat: string; gross: string },
) {
  for (const l of lines) {
    must(
      [l.net, l.vat, l.gross].every((v) => MONEY.test(v)),
      `${where}: malformed amount ${JSON.stringify(l)}`,
    );
    must(d(l.net).plus(l.vat).equals(l.gross), `${where}: net + VAT ≠ gross at ${l.vatRate} %`);
  }
  if (total) {
    const t = {
      net: sum(lines.map((l) => l.net)),
      vat: sum(lines.map((l) => l.vat)),
      gross: sum(lines.map((l) => l.gross)),
    };
    must(
      t.net.equals(total.net) && t.vat.equals(total.vat) && t.gross.equals(total.gross),
      `${where}: total ${JSON.stringify(total)} ≠ sum of the lines`,
    );
  }
}

/** Credit-note lines whose VAT is not half-up(net × rate), and why that was allowed (printed with MODEL_VERBOSE). */
export const vatDeviations = new Set<string>();
/** What the runs did, action → answer, printed with MODEL_VERBOSE. */
export const tally = new Map<string, number>();

export function checkFirestore(s: State): void {
  // Journal: balanced entries, two decimals, one side per line.
  const balances = new Map<string, D>();
  for (const e of s.journal) {
    const lines = e.data.content.lines;
    for (const l of lines) {
      must(MONEY.test(l.debit) && MONEY.test(l.credit), `${e.data.number}: malformed amount ${l.debit}/${l.credit}`);
      must(d(l.debit).isZero() || d(l.credit).isZero(), `${e.data.number}: a line both debit and credit`);
      balances.set(l.account, (balances.get(l.account) ?? ZERO).plus(l.debit).minus(l.credit));
    }
    const debit = sum(lines.map((l) => l.debit));
    const credit = sum(lines.map((l) => l.credit));
    must(debit.equals(credit), `${e.data.number} unbalanced: debit ${debit} ≠ credit ${credit}`);
    must(e.data.date === e.data.content.date, `${e.data.number}: date ${e.data.date} ≠ ${e.data.content.date}`);
  }
  const account = (a: string) => balances.get(a) ?? ZERO;

  // Gapless chronological series.
  const own = s.invoices.filter((i) => i.data.origin !== "external");
  checkSeries(
    "invoice",
    own.map((i) => ({ ...i.data, date: i.data.content.date })),
    s,
  );
  checkSeries(
    "creditNote",
    s.creditNotes.map((c) => ({ ...c.data, date: c.data.content.date })),
    s,
  );
  checkSeries(
    "journal",
    s.journal.map((e) => e.data),
    s,
  );

  // What each document posted: one entry per deposit, final invoice, payment, paid instalment; 1 + compensations per credit note.
  const sources = new Map<string, number>();
  for (const e of s.journal) {
    const k = `${e.data.content.source.kind}:${e.data.content.source.id}`;
    sources.set(k, (sources.get(k) ?? 0) + 1);
  }
  const posted = (kind: string, id: string) => sources.get(`${kind}:${id}`) ?? 0;
  let expectedEntries = 0;

  const notesOf = (depositId: string) => s.creditNotes.filter((c) => c.data.content.depositId === depositId);
  const refundsOf = (depositId: string) => s.refunds.filter((r) => r.data.depositId === depositId);
  let depositsReceived = ZERO;
  let vatCollected = ZERO;
  for (const { id, data: dep } of s.deposits) {
    checkLines(`deposit ${dep.invoiceNumber}`, dep.lines, dep.total);
    const invoice = s.invoices.find((i) => i.id === dep.invoiceId)?.data;
    must(invoice?.number === dep.invoiceNumber, `deposit ${id}: invoice ${dep.invoiceNumber} missing`);
    must(
      invoice.content.type === "deposit" && invoice.content.typeCode === "386",
      `${dep.invoiceNumber}: not a deposit invoice`,
    );
    must(JSON.stringify(invoice.content.total) === JSON.stringify(dep.total), `${dep.invoiceNumber}: total ≠ deposit`);
    must(invoice.content.paymentDate === dep.cashedDate, `${dep.invoiceNumber}: payment date missing`);
    must(posted("deposit", id) === 1, `${dep.invoiceNumber}: ${posted("deposit", id)} entries`);
    expectedEntries += 1;

    const notes = notesOf(id);
    must(
      JSON.stringify(notes.map((n) => n.id).sort()) === JSON.stringify(dep.creditNotes.map((c) => c.id).sort()),
      `${dep.invoiceNumber}: credit notes listed ≠ issued`,
    );
    for (const note of [...notes].sort(
      (a, b) => a.data.series.localeCompare(b.data.series) || a.data.seq - b.data.seq,
    )) {
      const c = note.data.content;
      const where = `credit note ${c.number}`;
      checkLines(where, c.lines, c.total);
      must(
        c.cites.invoiceId === dep.invoiceId && c.cites.number === dep.invoiceNumber && c.cites.date === dep.invoiceDate,
        `${where}: cites ${c.cites.number} of ${c.cites.date}, not ${dep.invoiceNumber} of ${dep.invoiceDate}`,
      );
      must(c.typeCode === "503", `${where}: type ${c.typeCode}`);
      const listed = dep.creditNotes.find((x) => x.id === note.id);
      must(JSON.stringify(listed?.lines) === JSON.stringify(c.lines), `${where}: lines ≠ those listed on the deposit`);
      const refund = s.refunds.find((r) => r.id === c.refundId);
      must(refund?.data.creditNoteId === note.id, `${where}: request ${c.refundId} does not name it`);
      must(
        JSON.stringify(refund.data.quote.creditNote.lines) === JSON.stringify(c.lines),
        `${where}: ≠ the approved quote`,
      );
      for (const l of c.lines) {
        const depLine = dep.lines.find((x) => x.vatRate === l.vatRate);
        must(depLine !== undefined, `${where}: rate ${l.vatRate} not on the deposit`);
        must(!d(l.net).isZero() || d(l.vat).isZero(), `${where}: VAT ${l.vat} without a net at ${l.vatRate} %`);
        // BR-CO-17, except where the note takes all that was left at the rate when it was requested (net or
        // VAT: it then reverses exactly the VAT left, CGI art. 272-1), or splits a gross amount that no net
        // reaches exactly (split-gross.ts: one cent).
        const expected = vatOn(l.net, l.vatRate);
        if (!expected.equals(l.vat)) {
          const left = refund.data.quote.balanceBefore.lines.find((x) => x.vatRate === l.vatRate);
          const closes = left !== undefined && (d(left.net).equals(l.net) || d(left.vat).equals(l.vat));
          const oneCent =
            refund.data.proposal.scope.kind === "amount" && expected.minus(l.vat).abs().lessThanOrEqualTo("0.01");
          must(
            closes || oneCent,
            `${where}: VAT ${l.vat} at ${l.vatRate} % on ${l.net} net (BR-CO-17: ${str(expected)}), not closing the rate`,
          );
          vatDeviations.add(
            `${where} ${l.vatRate} %: net ${l.net}, VAT ${l.vat} instead of ${str(expected)} (${closes ? "closes the rate" : "gross amount"})`,
          );
        }
      }
    }
    // Within the deposit, per rate; the stored refundable balance.
    const inFlight = refundsOf(id).filter((r) => AWAITING.includes(r.data.status));
    for (const l of dep.lines) {
      const spent = [...notes.map((n) => n.data.content.lines), ...inFlight.map((r) => r.data.quote.creditNote.lines)]
        .flat()
        .filter((x) => x.vatRate === l.vatRate);
      must(
        sum(spent.map((x) => x.net)).lessThanOrEqualTo(l.net),
        `${dep.invoiceNumber}: net refunded > deposit at ${l.vatRate} %`,
      );
      must(
        sum(spent.map((x) => x.vat)).lessThanOrEqualTo(l.vat),
        `${dep.invoiceNumber}: VAT refunded > deposit at ${l.vatRate} %`,
      );
    }
    const issuedGross = sum(notes.map((n) => n.data.content.total.gross));
    const inFlightGross = sum(inFlight.map((r) => r.data.quote.creditNote.total.gross));
    must(
      issuedGross.lessThanOrEqualTo(dep.gross),
      `${dep.invoiceNumber}: credit notes ${issuedGross} > deposit ${dep.gross}`,
    );
    const balance = dep.status === "applied" ? ZERO : d(dep.gross).minus(issuedGross).minus(inFlightGross);
    must(
      d(dep.refundableBalance).equals(balance),
      `${dep.invoiceNumber}: stored refundable balance ${dep.refundableBalance}, expected ${str(balance)}`,
    );
    const applier = s.invoices.find((i) => i.data.content.deductedDeposits?.some((x) => x.depositId === id));
    must(
      (dep.status === "applied") === (applier !== undefined),
      `${dep.invoiceNumber}: status ${dep.status}, deducted by ${applier?.data.number}`,
    );
    must(
      dep.status !== "refunded" || issuedGross.equals(dep.gross),
      `${dep.invoiceNumber}: refunded without credit notes for all of it`,
    );
    must(dep.status !== "open" || issuedGross.lessThan(dep.gross), `${dep.invoiceNumber}: open though fully credited`);
    if (dep.status !== "applied") {
      depositsReceived = depositsReceived.plus(dep.total.net).minus(sum(notes.map((n) => n.data.content.total.net)));
      vatCollected = vatCollected.plus(dep.total.vat).minus(sum(notes.map((n) => n.data.content.total.vat)));
    }
  }

  // Refunds: credit note and instalments as approved; refunded iff everything paid.
  let unpaidOnDeposits = ZERO;
  let paidOnCredits = ZERO;
  let paidOut = ZERO;
  let kept = ZERO;
  let payable = ZERO;
  for (const { id, data: r } of s.refunds) {
    const q = r.quote;
    const where = `request ${id} (${r.status})`;
    const plan = s.instalments.filter((i) => i.data.refundId === id).sort((a, b) => a.data.number - b.data.number);
    const settled = d(q.settlement.paidOut)
      .plus(sum(q.settlement.offset.map((o) => o.amount)))
      .plus(q.settlement.keptAsCredit);
    must(settled.equals(q.total), `${where}: paid out + offset + kept ${settled} ≠ owed ${q.total}`);
    must(sum(q.schedule.map((x) => x.amount)).equals(q.settlement.paidOut), `${where}: schedule ≠ paid out`);
    if (["approved", "refunded"].includes(r.status)) {
      // Planned instalments are the approved schedule; a late payment's supplement adds one, paid like them.
      const planned = plan.filter((p) => p.data.supplementFor === undefined);
      const supplements = r.supplements ?? [];
      must(
        JSON.stringify(planned.map((p) => [p.data.number, p.data.amount, p.data.dueDate])) ===
          JSON.stringify(q.schedule.map((x) => [x.n, x.amount, x.dueDate])),
        `${where}: instalments ≠ approved schedule`,
      );
      must(sum(planned.map((p) => p.data.amount)).equals(q.settlement.paidOut), `${where}: instalments ≠ paid out`);
      must(
        sum(plan.filter((p) => p.data.supplementFor !== undefined).map((p) => p.data.amount)).equals(
          sum(supplements.map((x) => x.amount)),
        ),
        `${where}: supplement instalments ≠ supplements`,
      );
      must(
        supplements.length === 0 || s.deposits.find((x) => x.id === r.depositId)?.data.customer.kind === "b2c",
        `${where}: a supplement on a company's refund`,
      );
      for (const n of new Set(supplements.map((x) => x.instalment)))
        must(
          posted("instalment", `${id}/${n}/supplement`) === supplements.filter((x) => x.instalment === n).length,
          `${where}: supplement of instalment ${n} not posted once per kind`,
        );
      expectedEntries += supplements.length;
      payable = payable.plus(sum(supplements.map((x) => x.amount)));
      const paid = plan.filter((p) => p.data.status === "paid");
      must(
        (r.status === "refunded") === (paid.length === plan.length),
        `${where}: ${paid.length}/${plan.length} instalments paid`,
      );
      for (const p of paid) {
        must(
          posted("instalment", `${id}/${p.data.number}`) === 1,
          `${where}: instalment ${p.data.number} paid without exactly one entry`,
        );
        const entry = s.journal.find((e) => e.id === p.data.journalEntryId);
        must(
          entry?.data.content.lines.some((l) => l.account === "411" && l.debit === p.data.amount) === true,
          `${where}: entry of instalment ${p.data.number}`,
        );
      }
      expectedEntries += paid.length;
      const unpaid = sum(plan.filter((p) => p.data.status !== "paid").map((p) => p.data.amount));
      if (r.depositId) {
        unpaidOnDeposits = unpaidOnDeposits.plus(unpaid);
        must(r.creditNoteId !== null, `${where}: approved without a credit note`);
        must(
          posted("creditNote", r.creditNoteId) === 1 + q.compensation.length,
          `${where}: entries of the credit note`,
        );
        expectedEntries += 1 + q.compensation.length;
        kept = kept.plus(sum(q.compensation.filter((c) => c.direction === "kept").map((c) => c.amount)));
        payable = payable.plus(sum(q.compensation.filter((c) => c.direction === "payable").map((c) => c.amount)));
      } else {
        must(r.creditNoteId === null, `${where}: a customer credit has no credit note`);
        paidOnCredits = paidOnCredits.plus(sum(paid.map((p) => p.data.amount)));
      }
      paidOut = paidOut.plus(sum(paid.map((p) => p.data.amount)));
    } else {
      must(plan.length === 0 && r.creditNoteId === null, `${where}: instalments or credit note before approval`);
    }
  }
  must(
    s.creditNotes.length === s.refunds.filter((r) => r.data.creditNoteId).length,
    "credit notes without an approved request",
  );

  // Receivables: open amounts = invoiced − payments − offsets of approved refunds.
  let open = ZERO;
  let externalDue = ZERO;
  let salesNet = ZERO;
  let pendingVat = ZERO;
  for (const { id, data: inv } of s.invoices.filter((i) => i.data.type === "final")) {
    const allocated = sum(
      s.payments.flatMap((p) => p.data.allocations.filter((a) => a.invoiceId === id).map((a) => a.amount)),
    );
    const offset = sum(
      s.refunds
        .filter((r) => ["approved", "refunded"].includes(r.data.status))
        .flatMap((r) =>
          r.data.quote.settlement.offset.filter((o) => o.invoiceNumber === inv.number).map((o) => o.amount),
        ),
    );
    must(MONEY.test(inv.openAmount), `${inv.number}: malformed open amount`);
    must(
      d(inv.gross).minus(allocated).minus(offset).equals(inv.openAmount),
      `${inv.number}: open ${inv.openAmount} ≠ ${inv.gross} − ${allocated} − ${offset}`,
    );
    must(
      (inv.paidOn !== null) === d(inv.openAmount).isZero(),
      `${inv.number}: paid on ${inv.paidOn}, open ${inv.openAmount}`,
    );
    open = open.plus(inv.openAmount);
    if (inv.origin === "external") {
      externalDue = externalDue.plus(inv.gross);
      must(posted("finalInvoice", id) === 0, `${inv.number}: an external invoice is not booked here`);
      continue;
    }
    checkLines(inv.number, inv.content.lines, inv.content.total);
    const deducted = inv.content.deductedDeposits ?? [];
    must(
      d(inv.content.total.gross)
        .minus(sum(deducted.map((x) => x.total.gross)))
        .equals(inv.gross),
      `${inv.number}: amount due ≠ gross − deposits`,
    );
    // The final invoice lists and deducts the order's deposits (domain.md): none is left open beside it,
    // whose VAT would then be collected twice.
    const beside = s.deposits.filter((x) => x.data.orderRef === inv.content.orderRef && x.data.status === "open");
    must(beside.length === 0, `${inv.number}: deposit ${beside[0]?.data.invoiceNumber} open on an invoiced order`);
    for (const x of deducted) {
      const dep = s.deposits.find((y) => y.id === x.depositId)?.data;
      must(
        dep?.status === "applied" && dep.appliedBy?.invoiceId === id,
        `${inv.number}: deposit ${x.number} not marked applied`,
      );
      must(
        x.number === dep.invoiceNumber && x.date === dep.invoiceDate,
        `${inv.number}: cites ${x.number} of ${x.date}`,
      );
    }
    // Services without the option for debits: the VAT waits on 44574, each payment moving its share (CGI art. 269-2-c).
    const own = s.journal.filter(
      (e) => e.data.content.source.kind === "finalInvoice" && e.data.content.source.id === id,
    );
    const services = own.some(
      (e) => e.data.content.kind === "final_invoice" && e.data.content.lines.some((l) => l.account === "706"),
    );
    const vop = inv.vatOnPayment;
    must(
      (vop !== undefined) === (services && !s.vatOnDebits && d(inv.gross).greaterThan(0)),
      `${inv.number}: VAT on payment ${vop ? "kept" : "absent"} (services ${services}, option for debits ${s.vatOnDebits})`,
    );
    const transfers = vop?.transfers ?? [];
    if (vop) {
      const rates = [...new Set([...inv.content.lines, ...deducted.flatMap((x) => x.lines)].map((l) => l.vatRate))];
      const paid = d(inv.gross).minus(inv.openAmount);
      for (const rate of rates) {
        const at = (lines: readonly { vatRate: string; vat: string }[]) =>
          sum(lines.filter((l) => l.vatRate === rate).map((l) => l.vat));
        const due = at(inv.content.lines).minus(at(deducted.flatMap((x) => x.lines)));
        must(at(vop.due).equals(due), `${inv.number}: VAT due at ${rate} % ${str(at(vop.due))}, expected ${str(due)}`);
        const moved = at(transfers.flatMap((t) => t.lines));
        must(moved.equals(at(vop.transferred)), `${inv.number}: transfers at ${rate} % ≠ transferred`);
        // The share of the gross paid, to the cent; all of it once paid.
        const share = due.times(paid).dividedBy(inv.gross);
        must(
          d(inv.openAmount).isZero() ? moved.equals(due) : moved.minus(share).abs().lessThanOrEqualTo("0.005"),
          `${inv.number}: ${str(moved)} of VAT moved at ${rate} % for ${str(paid)} paid of ${inv.gross} (due ${str(due)})`,
        );
      }
      for (const t of transfers) {
        const entry = s.journal.find((e) => e.id === t.entryId)?.data.content;
        must(
          entry?.kind === "vat_on_payment" && entry.number === t.entry,
          `${inv.number}: transfer ${t.entry} without its entry`,
        );
        const credited = sum(entry.lines.filter((l) => l.account === "44571").map((l) => l.credit));
        must(credited.equals(sum(t.lines.map((l) => l.vat))), `${inv.number}: entry ${t.entry} moves ${str(credited)}`);
      }
      if (transfers.length > 0)
        tally.set("(checks of VAT moved on payment)", (tally.get("(checks of VAT moved on payment)") ?? 0) + 1);
      pendingVat = pendingVat.plus(sum(vop.due.map((l) => l.vat))).minus(sum(vop.transferred.map((l) => l.vat)));
    }
    must(
      posted("finalInvoice", id) === 1 + transfers.length,
      `${inv.number}: ${posted("finalInvoice", id)} entries, ${transfers.length} VAT transfers`,
    );
    expectedEntries += 1 + transfers.length;
    salesNet = salesNet.plus(inv.content.total.net);
    vatCollected = vatCollected.plus(inv.content.total.vat);
  }
  for (const p of s.payments) {
    must(posted("payment", p.id) === 1, `payment ${p.id}: ${posted("payment", p.id)} entries`);
    must(
      sum(p.data.allocations.map((a) => a.amount))
        .plus(p.data.unapplied)
        .equals(p.data.amount),
      `payment ${p.id}: allocated + unapplied ≠ amount`,
    );
    expectedEntries += 1;
  }
  const creditsTotal = sum(s.credits.map((c) => c.data.amount));
  for (const c of s.credits) {
    const spent = s.refunds.filter(
      (r) =>
        r.data.proposal.source.kind === "customerCredit" &&
        r.data.proposal.source.creditId === c.id &&
        !["rejected", "cancelled"].includes(r.data.status),
    );
    must(
      d(c.data.refundableBalance).equals(d(c.data.amount).minus(sum(spent.map((r) => r.data.quote.total)))),
      `customer credit ${c.id}: balance ${c.data.refundableBalance}`,
    );
  }
  must(
    s.journal.length === expectedEntries,
    `${s.journal.length} entries for ${expectedEntries} expected (orphan or double entry)`,
  );

  // The ledger says what the documents say (domain.md, ledger table).
  const ledger = (acc: string, actual: D, expected: D, why: string) =>
    must(actual.equals(expected), `account ${acc}: balance ${str(actual)}, expected ${str(expected)} (${why})`);
  ledger(
    "512",
    account("512"),
    sum([...s.deposits.map((x) => x.data.gross), ...s.payments.map((p) => p.data.amount)]).minus(paidOut),
    "deposits + payments − refunds paid",
  );
  ledger("4191", account("4191").negated(), depositsReceived, "net of deposits neither credited nor applied");
  ledger(
    "44571",
    account("44571").negated(),
    vatCollected.minus(pendingVat),
    "VAT of deposits − credit notes not applied + VAT of final invoices − VAT waiting for payment",
  );
  ledger("44574", account("44574").negated(), pendingVat, "VAT of services invoices not yet paid (CGI art. 269-2-c)");
  ledger("70x", account("707").plus(account("706")).negated(), salesNet, "net of final invoices");
  ledger(
    "411",
    account("411"),
    open.minus(externalDue).minus(creditsTotal).plus(paidOnCredits).minus(unpaidOnDeposits),
    "open amounts − customer credits − instalments to pay",
  );
  ledger("7588", account("7588").negated(), kept, "arrhes kept");
  ledger("6588+6618", account("6588").plus(account("6618")), payable, "compensation owed to customers");
}

// ---------------------------------------------------------------- the model against Firestore

export function checkModel(m: Model, s: State): void {
  must(s.deposits.length === m.deposits.length, `${s.deposits.length} deposits, the model has ${m.deposits.length}`);
  must(s.refunds.length === m.refunds.length, `${s.refunds.length} requests, the model has ${m.refunds.length}`);
  must(
    s.credits.length === m.credits.length,
    `${s.credits.length} customer credits, the model has ${m.credits.length}`,
  );
  for (const dep of m.deposits) {
    const stored = s.deposits.find((x) => x.id === dep.id)?.data;
    must(stored !== undefined, `deposit ${dep.number} missing`);
    must(
      stored.status === depositStatus(m, dep),
      `${dep.number}: status ${stored.status}, the model says ${depositStatus(m, dep)}`,
    );
    const left = dep.applied ? ZERO : grossOf(balanceOf(m, dep, true));
    must(
      d(stored.refundableBalance).equals(left),
      `${dep.number}: balance ${stored.refundableBalance}, the model says ${str(left)}`,
    );
  }
  for (const r of m.refunds) {
    const stored = s.refunds.find((x) => x.id === r.id)?.data;
    must(stored?.status === r.status, `request ${r.id}: status ${stored?.status}, the model says ${r.status}`);
    must(JSON.stringify(stored.awaiting) === JSON.stringify(r.awaiting), `request ${r.id}: awaits ${stored.awaiting}`);
    // Who may release the money now: a member with an awaited role, never the requester, nobody twice.
    const approvers = PEOPLE.filter(
      (who) => who !== r.requester && !r.approvals.includes(who) && r.awaiting.some((role) => has(who, role as Role)),
    ).sort();
    must(
      JSON.stringify(stored.pendingApprovers) === JSON.stringify(approvers),
      `request ${r.id}: approvers ${stored.pendingApprovers}, the model says ${approvers}`,
    );
    const plan = s.instalments.filter((i) => i.data.refundId === r.id).sort((a, b) => a.data.number - b.data.number);
    must(
      JSON.stringify(plan.map((p) => p.data.status === "paid")) === JSON.stringify(r.paid),
      `request ${r.id}: instalments ${plan.map((p) => p.data.status)}, the model says paid ${r.paid}`,
    );
  }
  for (const inv of m.invoices) {
    const stored = s.invoices.find((x) => x.id === inv.id)?.data;
    must(
      stored !== undefined && d(stored.openAmount).equals(inv.open),
      `${inv.number}: open ${stored?.openAmount}, the model says ${str(inv.open)}`,
    );
  }
  for (const c of m.credits) {
    const stored = s.credits.find((x) => x.id === c.id)?.data;
    must(
      stored !== undefined && d(stored.refundableBalance).equals(creditLeft(m, c)),
      `credit ${c.id}: balance ${stored?.refundableBalance}, the model says ${str(creditLeft(m, c))}`,
    );
  }
}
