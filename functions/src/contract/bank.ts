/**
 * The bank side (docs/bank.md). `POST …/bank/transfers` answers the
 * `TransferFileSummary` of the SEPA credit transfer file it prepared;
 * `GET …/bank/transfers/{id}` answers the file itself, not JSON:
 * `application/xml; charset=utf-8`, `Content-Disposition: attachment;
 * filename="VIR-2026-000001.xml"`, the stored bytes.
 */

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
}

/** The pain.001 download. */
export type TransferFileXml = string;

export const TRANSFER_FILE_CONTENT_TYPE = "application/xml; charset=utf-8";
