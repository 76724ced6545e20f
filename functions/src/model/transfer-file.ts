import type { Timestamp } from "@google-cloud/firestore";
import type { TransferBlock } from "../domain/bank/sepa-transfer";
import type { DateString, MoneyString } from "./amounts";

/** One instalment a transfer file pays, as it was when the file was made. */
export interface TransferFileInstalment {
  refundId: string;
  refundNumber: string;
  creditNoteNumber: string;
  n: number;
  count: number;
  amount: MoneyString;
  dueDate: DateString;
  customerName: string;
  /** The beneficiary's IBAN in electronic form (the file carries it too). */
  iban: string;
  endToEndId: string;
}

/**
 * companies/{c}/transferFiles/{id}: a SEPA credit transfer file
 * (pain.001.001.09) of approved refund instalments, numbered in its own
 * plain series (`VIR-2026-000001`, model/sequence.ts). Immutable: `xml` is
 * the file exactly as first built, so every download is byte-identical;
 * its instalments carry `transferFileId` (model/refund.ts).
 */
export interface TransferFileDoc {
  number: string;
  executionDate: DateString;
  upTo: DateString;
  createdAt: Timestamp;
  createdBy: string;
  xml: string;
  count: number;
  controlSum: MoneyString;
  blocks: TransferBlock[];
  debtorIban: string;
  instalments: TransferFileInstalment[];
}
