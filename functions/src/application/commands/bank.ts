import { z } from "zod";
import {
  TRANSFER_FILE_CONTENT_TYPE,
  type BankEntryList,
  type BankEntrySummary,
  type StatementImportSummary,
  type TransferFileSummary,
} from "../../contract";
import { maskIban } from "../../domain/bank/iban";
import { notFound } from "../../errors/api-error";
import { BANK_ENTRIES, TRANSFER_FILES } from "../../model/collections";
import type { TransferFileDoc } from "../../model/transfer-file";
import { BANK_ENTRY_STATUS_LABELS, BANK_ENTRY_TO_RECONCILE, type BankEntryDoc } from "../../model/bank-entry";
import { matchEntry, unmatchEntry } from "../../workflow/bank-entries";
import { bankMatchBodySchema, bankUnmatchBodySchema } from "../../workflow/bodies/bank-entry-body";
import { importStatement, type StatementImport } from "../../workflow/import-statement";
import { prepareTransfers } from "../../workflow/prepare-transfers";
import { recordStatements } from "../../workflow/record-statements";
import { statementBodySchema } from "../../workflow/bodies/statement-body";
import { readStatement, statementSource } from "../read-statement";
import { settingsOf } from "../../workflow/company-settings";
import { transferBody, transferBodySchema } from "../../workflow/bodies/transfer-body";
import { defineChange, defineRead } from "../command";
import { parseBody, parseQuery } from "../parse-body";
import { isoInstant } from "../presenters/iso-instant";

const transferFileName = (number: string) => `${number}.xml`;

function presentTransferFile(
  id: string,
  doc: TransferFileDoc,
  remaining: number,
  held: TransferFileSummary["held"],
): TransferFileSummary {
  return {
    id,
    number: doc.number,
    fileName: transferFileName(doc.number),
    executionDate: doc.executionDate,
    upTo: doc.upTo,
    createdAt: isoInstant(doc.createdAt),
    createdBy: doc.createdBy,
    count: doc.count,
    controlSum: doc.controlSum,
    debtorIban: maskIban(doc.debtorIban),
    instalments: doc.instalments.map((i) => ({ ...i, iban: maskIban(i.iban) })),
    remaining,
    held,
  };
}

export const prepareTransfersCommand = defineChange({
  name: "bank.prepare_transfers",
  summary:
    "« Préparer les virements »: the approved refunds' instalments due up to `upTo` (default `executionDate`), with the beneficiary's IBAN and in no file yet, put in one SEPA pain.001.001.09 file (VIR-…) and marked « Virement émis ».",
  roles: ["accounting_approver", "admin"],
  body: transferBodySchema,
  status: 201,
  answer: "TransferFileSummary",
  input: ({ body, today }) => transferBody(parseBody(transferBodySchema, body), today),
  handler: (uow, access, body) => prepareTransfers(uow, access, body),
  present: ({ id, doc, remaining, held }) => presentTransferFile(id, doc, remaining, held),
});

/** The stored file, byte for byte: a download repeated later gives the same bytes the bank first received. */
export const getTransferFileCommand = defineRead({
  name: "bank.get_transfer_file",
  summary: "A prepared SEPA transfer file, as application/xml, byte-identical to the file first prepared.",
  roles: ["accounting_approver", "admin"],
  answer: "TransferFileXml",
  handler: async (_access, reader, { params }) => {
    const doc = await reader.get<TransferFileDoc>(reader.collection(TRANSFER_FILES).doc(params.transferId));
    if (!doc) throw notFound("Fichier de virements introuvable.");
    return {
      status: 200,
      body: null,
      download: {
        fileName: transferFileName(doc.number),
        contentType: TRANSFER_FILE_CONTENT_TYPE,
        chunks: (async function* () {
          yield doc.xml;
        })(),
      },
    };
  },
});

function presentStatementImport({ statements, read, created, alreadyKnown }: StatementImport): StatementImportSummary {
  return {
    statements: statements.map((s) => ({
      statementId: s.statementId,
      accountIban: maskIban(s.accountIban),
      entries: s.entries,
      skipped: s.skipped,
    })),
    read,
    created: created.length,
    alreadyKnown,
    paidInstalments: created.reduce((n, c) => n + c.doc.paidInstalments.length, 0),
    entries: created.map(({ id, doc }) => ({
      id,
      entryRef: doc.entry.entryRef,
      bookingDate: doc.entry.bookingDate,
      amount: doc.entry.amount,
      direction: doc.entry.direction,
      status: doc.status,
      statusLabel: BANK_ENTRY_STATUS_LABELS[doc.status],
      explanation: doc.explanation,
      paidInstalments: doc.paidInstalments,
    })),
  };
}

export const importStatementCommand = defineChange({
  name: "bank.import_statement",
  summary:
    "Imports a statement of the company's account, camt.053 (.001.08 or .001.02) or the bank's CSV export (columns from the `statementCsv` setting): each booked entry recorded once; outgoing transfers carrying an instalment's end-to-end id pay it on the booking date, the rest waits « À rapprocher ».",
  roles: ["accounting_approver", "admin"],
  body: statementBodySchema,
  status: 201,
  answer: "StatementImportSummary",
  // Read once (a retried transaction does not parse again), by streaming readers: never a DOM.
  input: ({ body }) => statementSource(parseBody(statementBodySchema, body)),
  handler: async (uow, access, source) => {
    const imported = await importStatement(uow, access, readStatement(source, settingsOf(access)));
    // The statements' balances, for the dashboard's bank balance against 512.
    recordStatements(uow, imported.statements);
    return imported;
  },
  present: presentStatementImport,
});

/** A recorded entry as the sidebar and the Banque sheet show it (older entries without matching fields read as []). */
export function presentBankEntry(id: string, doc: BankEntryDoc): BankEntrySummary {
  const t = doc.entry.transactions[0];
  const allocation = (a: {
    itemKind: BankEntrySummary["allocations"][number]["itemKind"];
    itemId: string;
    reference: string;
    amount: string;
  }) => ({
    itemKind: a.itemKind,
    itemId: a.itemId,
    reference: a.reference,
    amount: a.amount,
  });
  return {
    id,
    entryRef: doc.entry.entryRef,
    bookingDate: doc.entry.bookingDate,
    amount: doc.entry.amount,
    direction: doc.entry.direction,
    counterpartyName: t?.counterpartyName ?? null,
    remittance:
      doc.entry.transactions
        .map((x) => x.remittance ?? x.creditorReference)
        .filter(Boolean)
        .join(" / ") || null,
    status: doc.status,
    statusLabel: BANK_ENTRY_STATUS_LABELS[doc.status],
    explanation: doc.explanation,
    suggestions: (doc.suggestions ?? []).map((s) => ({
      score: s.score,
      explanation: s.explanation,
      allocations: s.allocations.map(allocation),
    })),
    allocations: (doc.allocations ?? []).map(allocation),
  };
}

/** The most entries one list answers: what waits is reconciled long before this many pile up. */
const ENTRY_LIST_MAX = 500;
const entryListQuerySchema = z.object({
  status: z.enum(["to_reconcile"], { error: "doit valoir to_reconcile" }).default("to_reconcile"),
});

export const listBankEntriesCommand = defineRead({
  name: "bank.list_entries",
  summary:
    "The statement entries waiting for a person (`?status=to_reconcile`: « À rapprocher » and « Rapprochement annulé »), oldest booking date first, each with its ranked suggestions.",
  roles: ["accounting_approver", "admin"],
  query: entryListQuerySchema,
  answer: "BankEntryList",
  handler: async (_access, reader, { query }) => {
    parseQuery(entryListQuerySchema, query);
    const rows = await reader.query<BankEntryDoc>(
      reader
        .collection(BANK_ENTRIES)
        .where("status", "in", [...BANK_ENTRY_TO_RECONCILE])
        .limit(ENTRY_LIST_MAX),
    );
    const body: BankEntryList = {
      entries: rows
        .map(({ id, data }) => presentBankEntry(id, data))
        .sort((a, b) => a.bookingDate.localeCompare(b.bookingDate) || a.entryRef.localeCompare(b.entryRef)),
    };
    return { status: 200, body };
  },
});

export const matchBankEntryCommand = defineChange({
  name: "bank.match_entry",
  summary:
    "« Rapprocher »: settles a statement entry waiting « À rapprocher » with the items a person picked (a credit: invoices, through the payment; a debit: refund instalments), on the entry's booking date; never more than the entry nor than an item still owes.",
  roles: ["accounting_approver", "admin"],
  body: bankMatchBodySchema,
  status: 200,
  answer: "BankEntrySummary",
  handler: (uow, access, body, { params }) => matchEntry(uow, access, params.entryId, body),
  present: ({ id, doc }) => presentBankEntry(id, doc),
});

export const unmatchBankEntryCommand = defineChange({
  name: "bank.unmatch_entry",
  summary:
    "Undoes a statement entry's match (« Rapprochement annulé », audit event `bank_entry.unmatched` with the reason): its payments cancelled and their entries reversed, the invoices open again, its instalments due again; the entry waits to be reconciled.",
  roles: ["accounting_approver", "admin"],
  body: bankUnmatchBodySchema,
  status: 200,
  answer: "BankEntrySummary",
  handler: (uow, access, body, { params }) => unmatchEntry(uow, access, params.entryId, body),
  present: ({ id, doc }) => presentBankEntry(id, doc),
});
