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
  /** `applied` (instalments paid), `returned` (returned transfer, recorded only), `to_reconcile`. */
  status: "applied" | "returned" | "to_reconcile";
  /** « Rapprochée », « Virement retourné », « À rapprocher ». */
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
