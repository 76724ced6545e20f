/**
 * The bank side (docs/bank.md). `POST …/bank/transfers` answers the
 * `TransferFileSummary` of the SEPA credit transfer file it prepared;
 * `GET …/bank/transfers/{id}` answers the file itself, not JSON:
 * `application/xml; charset=utf-8`, `Content-Disposition: attachment;
 * filename="VIR-2026-000001.xml"`, the stored bytes.
 */

import type { HeldInstalment } from "./bank-account";

/** One refund instalment put in a transfer file (« Virement émis »). */
export interface TransferredInstalment {
  refundId: string;
  /** The request's number, `RB-2026-000012`, and the credit note the refund goes through. */
  refundNumber: string;
  creditNoteNumber: string;
  n: number;
  count: number;
  amount: string;
  dueDate: string;
  customerName: string;
  /** Masked: `FR76 **** **** **** **** ***0 189`. */
  iban: string;
  /** What the bank statement carries back: `ACP-<refund id>-<n>`. */
  endToEndId: string;
}

export interface TransferFileSummary {
  id: string;
  /** `VIR-2026-000001`: the file's message id at the bank and its name. */
  number: string;
  fileName: string;
  executionDate: string;
  upTo: string;
  createdAt: string | null;
  createdBy: string;
  count: number;
  controlSum: string;
  /** The company account debited, masked. */
  debtorIban: string;
  instalments: TransferredInstalment[];
  /** Instalments due by `upTo` left for a next file (a file holds at most TRANSFER_FILE_MAX_INSTALMENTS). */
  remaining: number;
  /** Instalments due by `upTo` held out of the file: their IBAN changed and waits for a second person's confirmation. */
  held: HeldInstalment[];
}

/** The pain.001 download. */
export type TransferFileXml = string;

export const TRANSFER_FILE_CONTENT_TYPE = "application/xml; charset=utf-8";

/** One statement entry recorded by an import. */
export interface ImportedBankEntry {
  id: string;
  entryRef: string;
  bookingDate: string;
  amount: string;
  direction: "credit" | "debit";
  /** `applied` (instalments paid or invoices settled), `returned` (returned transfer), `to_reconcile`, `unmatched`. */
  status: BankEntryStatusValue;
  /** « Rapprochée », « Virement retourné », « À rapprocher », « Rapprochement annulé ». */
  statusLabel: string;
  explanation: string;
  /** `refundId/n` of the instalments the entry paid. */
  paidInstalments: string[];
}

/** The answer of `POST …/bank/statements`. */
export interface StatementImportSummary {
  statements: { statementId: string; accountIban: string; entries: number; skipped: number }[];
  /** Booked entries in the file. */
  read: number;
  /** Entries recorded now. */
  created: number;
  /** Entries recorded by an earlier import (or met twice in the file): nothing done for them. */
  alreadyKnown: number;
  /** Instalments paid by this import. */
  paidInstalments: number;
  entries: ImportedBankEntry[];
}

/**
 * A recorded entry's status: `unmatched` was applied, then undone by a person
 * (to reconcile again, like `to_reconcile`).
 */
export type BankEntryStatusValue = "applied" | "returned" | "to_reconcile" | "unmatched";

/** What an entry can settle: a refund instalment (`refundId/n`) or an invoice (its document id). */
export type BankItemKind = "instalment" | "deposit_invoice" | "final_invoice" | "external_invoice" | "penalty_invoice";

/** Money of an entry put on one item. */
export interface BankAllocation {
  itemKind: BankItemKind;
  itemId: string;
  /** Document number (invoice) or « AV-… échéance i/n » (instalment). */
  reference: string;
  amount: string;
}

/** A possible match of an entry, best first. */
export interface BankSuggestion {
  /** 0–100: reference 60, amount 25, IBAN 25, name 15. */
  score: number;
  explanation: string;
  allocations: BankAllocation[];
}

/**
 * One recorded statement entry: the answer of `POST …/bank/entries/{id}/match`
 * and `…/unmatch`, and each item of `GET …/bank/entries?status=to_reconcile`
 * (`{ entries }`, status `to_reconcile` and `unmatched`).
 */
export interface BankEntrySummary {
  id: string;
  entryRef: string;
  bookingDate: string;
  amount: string;
  direction: "credit" | "debit";
  counterpartyName: string | null;
  remittance: string | null;
  status: BankEntryStatusValue;
  statusLabel: string;
  explanation: string;
  suggestions: BankSuggestion[];
  /** What the entry settled ([] when it settled nothing or was unmatched). */
  allocations: BankAllocation[];
}

/** The answer of `GET …/bank/entries?status=to_reconcile`. */
export interface BankEntryList {
  entries: BankEntrySummary[];
}

/**
 * Body of `POST …/bank/entries/{id}/match` (« Rapprocher »): the items the
 * entry settles and how much goes on each (at most the entry's amount).
 * Like every change, the idempotency key travels in the `Idempotency-Key`
 * header, not in the body.
 */
export interface BankEntryMatchBody {
  /** `amount` left out: what the item still owes, within what the entry has left (allocations in order). */
  allocations: { itemKind: BankItemKind; itemId: string; amount?: string }[];
}

/** Body of `POST …/bank/entries/{id}/unmatch`: why (kept in the audit event). Key in the `Idempotency-Key` header. */
export interface BankEntryUnmatchBody {
  reason: string;
}
