import type { z } from "zod";
import { Money, ZERO, money, sumMoney } from "../money/money";
import { parseInput } from "../validation/field-errors";
import {
  CompensationEntryInput,
  CreditNoteEntryInput,
  DepositCashedEntryInput,
  FactoringAssignmentEntryInput,
  FinalInvoiceEntryInput,
  PaymentReceivedEntryInput,
  PenaltyInvoiceEntryInput,
  RefundPaidEntryInput,
  VatOnPaymentEntryInput,
  compensationEntryInputSchema,
  creditNoteEntryInputSchema,
  depositCashedEntryInputSchema,
  factoringAssignmentEntryInputSchema,
  finalInvoiceEntryInputSchema,
  paymentReceivedEntryInputSchema,
  penaltyInvoiceEntryInputSchema,
  refundPaidEntryInputSchema,
  vatOnPaymentEntryInputSchema,
} from "../validation/ledger-schema";
import { RateAmounts, parseRateAmounts } from "../vat/vat-breakdown";
import { chartOfAccounts } from "./chart-of-accounts";
import { JournalEntry, Posting, journalEntry } from "./journal-entry";

/*
 * Posting rules of domain.md (PCG). Each function validates its input and
 * returns one balanced entry; amounts are signed internally (+ debit, − credit).
 * Offsets against other invoices and credits kept for later need no entry:
 * they stay on the customer account 411 and are matched (lettrage).
 */

function gross(amounts: readonly RateAmounts[]): Money {
  return sumMoney(amounts.map((a) => a.net.plus(a.vat)));
}

function vatPostings(
  account: string,
  amounts: readonly RateAmounts[],
  sign: 1 | -1,
  label = "TVA collectée",
): Posting[] {
  return amounts.map((a) => ({ account, label: `${label} ${a.vatRate} %`, amount: a.vat.times(sign) }));
}

/**
 * Deposit invoiced and cashed: D512 gross / C4191 net / C44571 VAT per rate
 * (VAT due at cashing, CGI art. 269-2).
 *
 * @example
 * depositCashedEntry({ date: "2026-01-15", pieceRef: "FA2026-0042", lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }] });
 * // → { kind: "deposit_cashed", journal: "BQ", date: "2026-01-15", pieceRef: "FA2026-0042", label: "Acompte FA2026-0042",
 * //     lines: [512 D 4320.00, 4191 C 3600.00, 44571 C 720.00] }
 */
export function depositCashedEntry(rawInput: DepositCashedEntryInput): JournalEntry {
  const input = parseInput(depositCashedEntryInputSchema, rawInput);
  const chart = chartOfAccounts(input.chart);
  const amounts = parseRateAmounts(input.lines);
  return journalEntry(
    {
      kind: "deposit_cashed",
      journal: "BQ",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `Acompte ${input.pieceRef}`,
    },
    [
      { account: chart.bank, label: "Encaissement de l'acompte", amount: gross(amounts) },
      {
        account: chart.depositsReceived,
        label: "Acompte reçu (HT)",
        amount: sumMoney(amounts.map((a) => a.net)).negated(),
      },
      ...vatPostings(chart.vatCollected, amounts, -1),
    ],
  );
}

/**
 * Final invoice deducting deposits: D411 (gross − deposits gross), D4191
 * (deposits net) / C70x (net), C44571 (VAT − deposits VAT, per rate).
 * L214-2 interest deducted from the balance (`advanceInterest`) is folded
 * into the same entry: D6618 interest, and 411 debited by that much less, so
 * the customer's line equals the invoice's amount due and its payment
 * letters it exactly; sales and VAT stay the full price (interest has no VAT).
 * `vatOnPayment` (services, no option for debits): the VAT due is credited
 * to the pending account (44574) instead, chargeable only as the customer
 * pays (CGI art. 269-2-c; vatOnPaymentEntry moves it to 44571).
 *
 * @example
 * finalInvoiceEntry({
 *   date: "2026-03-01", pieceRef: "FA2026-0050", supplyKind: "goods",
 *   lines: [{ vatRate: "20", net: "12000.00", vat: "2400.00" }], deposits: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
 * });
 * // → lines: [411 D 10080.00, 4191 D 3600.00, 707 C 12000.00, 44571 C 1680.00]
 */
export function finalInvoiceEntry(rawInput: FinalInvoiceEntryInput): JournalEntry {
  const input = parseInput(finalInvoiceEntryInputSchema, rawInput);
  const chart = chartOfAccounts(input.chart);
  const invoice = parseRateAmounts(input.lines);
  const deposits = parseRateAmounts(input.deposits);
  const rates = [...new Set([...invoice, ...deposits].map((a) => a.vatRate))];
  const vatDue = rates.map((vatRate) => ({
    vatRate,
    net: ZERO,
    vat: sumMoney(invoice.filter((a) => a.vatRate === vatRate).map((a) => a.vat)).minus(
      sumMoney(deposits.filter((a) => a.vatRate === vatRate).map((a) => a.vat)),
    ),
  }));
  const interest = input.advanceInterest ? money(input.advanceInterest) : ZERO;
  return journalEntry(
    {
      kind: "final_invoice",
      journal: "VT",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `Facture ${input.pieceRef}`,
    },
    [
      {
        account: chart.customers,
        label: "Solde à payer",
        amount: gross(invoice).minus(gross(deposits)).minus(interest),
      },
      { account: chart.depositsReceived, label: "Acomptes déduits (HT)", amount: sumMoney(deposits.map((a) => a.net)) },
      { account: chart.interestPaid, label: COMPENSATION_LABELS.advance_interest, amount: interest },
      {
        account: input.supplyKind === "goods" ? chart.salesGoods : chart.salesServices,
        label: "Ventes (HT)",
        amount: sumMoney(invoice.map((a) => a.net)).negated(),
      },
      ...(input.vatOnPayment
        ? vatPostings(chart.vatAwaitingPayment, vatDue, -1, "TVA en attente d'encaissement")
        : vatPostings(chart.vatCollected, vatDue, -1)),
    ],
  );
}

/**
 * VAT of a services invoice becoming chargeable as the customer pays it
 * (CGI art. 269-2-c, company without the option for debits): D44574 /
 * C44571, per rate, the share of what was paid (vatChargeableOnPayment).
 * Miscellaneous journal, the piece the payment (or the credit note whose
 * refund was set against the invoice).
 *
 * @example
 * vatOnPaymentEntry({ date: "2026-04-10", pieceRef: "PAI-a1b2c3d4", invoiceNumber: "FA-2026-000012",
 *   lines: [{ vatRate: "20", net: "1000.00", vat: "200.00" }] });
 * // → { kind: "vat_on_payment", journal: "OD", label: "TVA exigible à l'encaissement FA-2026-000012",
 * //     lines: [44574 D 200.00, 44571 C 200.00] }
 */
export function vatOnPaymentEntry(rawInput: VatOnPaymentEntryInput): JournalEntry {
  const input = parseInput(vatOnPaymentEntryInputSchema, rawInput);
  const chart = chartOfAccounts(input.chart);
  const amounts = parseRateAmounts(input.lines);
  return journalEntry(
    {
      kind: "vat_on_payment",
      journal: "OD",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `TVA exigible à l'encaissement ${input.invoiceNumber}`,
    },
    [
      ...vatPostings(chart.vatAwaitingPayment, amounts, 1, "TVA en attente d'encaissement"),
      ...vatPostings(chart.vatCollected, amounts, -1),
    ],
  );
}

/**
 * Credit note on a deposit: D4191 net, D44571 VAT per rate / C411 gross
 * (the VAT reversal of CGI art. 272-1).
 *
 * @example
 * creditNoteEntry({ date: "2026-03-10", pieceRef: "AV2026-0001", lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }] });
 * // → lines: [4191 D 3600.00, 44571 D 720.00, 411 C 4320.00]
 */
export function creditNoteEntry(rawInput: CreditNoteEntryInput): JournalEntry {
  const input = parseInput(creditNoteEntryInputSchema, rawInput);
  const chart = chartOfAccounts(input.chart);
  const amounts = parseRateAmounts(input.lines);
  return journalEntry(
    {
      kind: "credit_note",
      journal: "VT",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `Avoir ${input.pieceRef}`,
    },
    [
      {
        account: chart.depositsReceived,
        label: "Annulation de l'acompte (HT)",
        amount: sumMoney(amounts.map((a) => a.net)),
      },
      ...vatPostings(chart.vatCollected, amounts, 1),
      { account: chart.customers, label: "Avoir client", amount: gross(amounts).negated() },
    ],
  );
}

/** What a bank–customer line says: the movement, or what undoes it. */
function bankCustomerLabel(refund: boolean, reversal?: "bank_match_reversed" | "refund_returned"): string {
  if (reversal === "refund_returned") return "Retour de virement client";
  if (reversal) return refund ? "Annulation du remboursement" : "Annulation de l'encaissement";
  return refund ? "Remboursement client" : "Encaissement client";
}

/** The label of a line on a factor's account: money the factor collects, by subrogation. */
function factorShareLabel(label: string): string {
  return `${label} (créance affacturée)`;
}

/**
 * Money between bank and customer: + leaves the bank (refund), − comes in
 * (payment); `reversal` posts the opposite of `direction` under its own kind
 * (a match undone, a refund transfer returned by the bank). A payment's
 * `factorShares` land on the factor accounts, the rest on the customers
 * account.
 */
function bankCustomerEntry(
  input: z.output<typeof paymentReceivedEntryInputSchema>,
  direction: "refund_paid" | "payment_received",
  reversal?: "bank_match_reversed" | "refund_returned",
): JournalEntry {
  const chart = chartOfAccounts(input.chart);
  const refund = direction === "refund_paid";
  const sign = (refund ? 1 : -1) * (reversal ? -1 : 1);
  const amount = money(input.amount).times(sign);
  const shares = (input.factorShares ?? []).map((f) => ({ account: f.account, amount: money(f.amount).times(sign) }));
  const label = bankCustomerLabel(refund, reversal);
  return journalEntry(
    {
      kind: reversal ?? direction,
      journal: "BQ",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `${label} ${input.pieceRef}`,
    },
    [
      { account: chart.customers, label, amount: amount.minus(sumMoney(shares.map((f) => f.amount))) },
      ...shares.map((f) => ({ account: f.account, label: factorShareLabel(label), amount: f.amount })),
      { account: chart.bank, label, amount: amount.negated() },
    ],
  );
}

/**
 * Refund (or one instalment) paid: D411 / C512.
 *
 * @example
 * refundPaidEntry({ date: "2026-03-10", pieceRef: "AV2026-0001", amount: "4320.00" });
 * // → lines: [411 D 4320.00, 512 C 4320.00]
 */
export function refundPaidEntry(rawInput: RefundPaidEntryInput): JournalEntry {
  return bankCustomerEntry(parseInput(refundPaidEntryInputSchema, rawInput), "refund_paid");
}

/**
 * A refund transfer returned by the beneficiary's bank (SEPA R-transaction):
 * the money is back on the account, the customer is owed it again, so the
 * payment entry D411 / C512 is answered by D512 / C411, dated the day it is
 * recorded: a validated entry is never changed or deleted (Code de commerce
 * L123-22, entries unaltered), it is offset by an opposite one.
 *
 * @example
 * refundReturnedEntry({ date: "2026-05-04", pieceRef: "AV2026-0001", amount: "1440.00" });
 * // → lines: [411 C 1440.00, 512 D 1440.00]
 */
export function refundReturnedEntry(rawInput: RefundPaidEntryInput): JournalEntry {
  return bankCustomerEntry(parseInput(refundPaidEntryInputSchema, rawInput), "refund_paid", "refund_returned");
}

/**
 * Customer payment received (final invoice or other): D512 / C411. The part
 * that pays invoices assigned to a factor (`factorShares`, per account)
 * credits the factor's account instead: their receivable was moved there
 * when they were issued (factoringAssignmentEntry), so the payment settles
 * it where it sits (docs/customers-risk.md « Factoring », « Ledger »).
 *
 * @example
 * paymentReceivedEntry({ date: "2026-03-10", pieceRef: "FA2026-0050", amount: "10080.00" });
 * // → lines: [411 C 10080.00, 512 D 10080.00]
 * paymentReceivedEntry({ date: "2026-03-10", pieceRef: "PAI-a1b2c3d4", amount: "1500.00",
 *   factorShares: [{ account: "4671", amount: "1200.00" }] });
 * // → lines: [411 C 300.00, 4671 C 1200.00, 512 D 1500.00]
 */
export function paymentReceivedEntry(rawInput: PaymentReceivedEntryInput): JournalEntry {
  return bankCustomerEntry(parseInput(paymentReceivedEntryInputSchema, rawInput), "payment_received");
}

/**
 * A bank match undone (« Rapprochement annulé »): the entry it recorded is
 * reversed line for line (contre-passation; the journal is never changed,
 * PCG art. 420-5 and the FEC's irreversibility), so 411 and 512 are back
 * where they were. A payment received reversed: D411 / C512, its
 * `factorShares` debited back to the factor accounts they credited; an
 * instalment paid reversed: D512 / C411.
 *
 * @example
 * bankMatchReversalEntry({ date: "2026-03-12", pieceRef: "PAI-ab12cd34", amount: "500.00" }, "payment_received");
 * // → { kind: "bank_match_reversed", journal: "BQ", lines: [411 D 500.00, 512 C 500.00], … }
 */
export function bankMatchReversalEntry(
  rawInput: PaymentReceivedEntryInput,
  reverses: "payment_received" | "refund_paid",
): JournalEntry {
  const schema = reverses === "refund_paid" ? refundPaidEntryInputSchema : paymentReceivedEntryInputSchema;
  return bankCustomerEntry(parseInput(schema, rawInput), reverses, "bank_match_reversed");
}

const COMPENSATION_LABELS = {
  arrhes_forfeited: "Arrhes conservées",
  arrhes_doubled: "Indemnité : restitution des arrhes au double",
  late_refund_increase: "Majoration pour remboursement tardif",
  advance_interest: "Intérêts légaux sur avance (L214-2)",
} as const;

/**
 * Compensation, no VAT. Kept (forfeited arrhes): D411 / C7588. Payable to
 * the customer: D6588 (D6618 for interest) / C411 — then paid like a refund.
 * Accounts per règlement ANC 2022-06.
 *
 * @example
 * compensationEntry({ date: "2026-03-10", pieceRef: "AV2026-0001", amount: "1200.00", direction: "kept", kind: "arrhes_forfeited" });
 * // → { kind: "compensation_kept", journal: "OD", lines: [411 D 1200.00, 7588 C 1200.00], … }
 */
export function compensationEntry(rawInput: CompensationEntryInput): JournalEntry {
  const input = parseInput(compensationEntryInputSchema, rawInput);
  const chart = chartOfAccounts(input.chart);
  const amount = money(input.amount);
  const label = COMPENSATION_LABELS[input.kind];
  const other =
    input.direction === "kept"
      ? chart.compensationKept
      : input.kind === "advance_interest"
        ? chart.interestPaid
        : chart.compensationPaid;
  const customerSide = input.direction === "kept" ? amount : amount.negated();
  return journalEntry(
    {
      kind: input.direction === "kept" ? "compensation_kept" : "compensation_paid",
      journal: "OD",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `${label} ${input.pieceRef}`,
    },
    [
      { account: chart.customers, label, amount: customerSide },
      { account: other, label, amount: customerSide.negated() },
    ],
  );
}

/**
 * Penalty invoice (Code de commerce L441-10, D441-5), no VAT: D411 the
 * total / C7631 the late-payment penalties ("revenus des créances
 * commerciales": interest earned on a trade receivable) / C7588 the €40
 * recovery indemnity ("autres produits divers de gestion courante", règlement
 * ANC 2022-06). Sales journal: it is an invoice of the series.
 *
 * @example
 * penaltyInvoiceEntry({ date: "2026-03-05", pieceRef: "FA-2026-000060", penalties: "99.86", indemnity: "40.00" });
 * // → { kind: "penalty_invoice", journal: "VT", lines: [411 D 139.86, 7631 C 99.86, 7588 C 40.00], … }
 */
export function penaltyInvoiceEntry(rawInput: PenaltyInvoiceEntryInput): JournalEntry {
  const input = parseInput(penaltyInvoiceEntryInputSchema, rawInput);
  const chart = chartOfAccounts(input.chart);
  const penalties = money(input.penalties);
  const indemnity = money(input.indemnity);
  return journalEntry(
    {
      kind: "penalty_invoice",
      journal: "VT",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `Pénalités de retard ${input.pieceRef}`,
    },
    [
      { account: chart.customers, label: "Pénalités et indemnité à payer", amount: penalties.plus(indemnity) },
      { account: chart.latePenaltiesReceived, label: "Pénalités de retard (L441-10)", amount: penalties.negated() },
      { account: chart.compensationKept, label: "Indemnité forfaitaire (D441-5)", amount: indemnity.negated() },
    ],
  );
}

/**
 * A final invoice assigned to a factor (subrogation, C. civ. 1346-1): the
 * receivable is the factor's from issue, so what is left to pay moves from
 * the customer account to the factor's account the company chose (a
 * class-46 third-party account by default): D factor / C411, in the
 * miscellaneous journal, the invoice as its piece. The customer's 411 nets
 * to zero for this invoice; what the factor pays later settles its account.
 *
 * @example
 * factoringAssignmentEntry({ date: "2026-03-10", pieceRef: "FA2026-0050", amount: "10080.00", factor: "Factor Ouest", factorAccount: "4671" });
 * // → { kind: "factoring_assignment", journal: "OD", label: "Cession au factor Factor Ouest FA2026-0050",
 * //     lines: [4671 D 10080.00, 411 C 10080.00] }
 */
export function factoringAssignmentEntry(rawInput: FactoringAssignmentEntryInput): JournalEntry {
  const input = parseInput(factoringAssignmentEntryInputSchema, rawInput);
  const chart = chartOfAccounts(input.chart);
  const amount = money(input.amount);
  const label = `Cession au factor ${input.factor}`;
  return journalEntry(
    {
      kind: "factoring_assignment",
      journal: "OD",
      date: input.date,
      pieceRef: input.pieceRef,
      label: input.label ?? `${label} ${input.pieceRef}`,
    },
    [
      { account: input.factorAccount, label, amount },
      { account: chart.customers, label, amount: amount.negated() },
    ],
  );
}
