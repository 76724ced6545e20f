import { TRANSFER_FILE_CONTENT_TYPE, type StatementImportSummary, type TransferFileSummary } from "../../contract";
import { maskIban } from "../../domain/bank/iban";
import { notFound } from "../../errors/api-error";
import { TRANSFER_FILES } from "../../model/collections";
import type { TransferFileDoc } from "../../model/transfer-file";
import { BANK_ENTRY_STATUS_LABELS } from "../../model/bank-entry";
import { importStatement, type StatementImport } from "../../workflow/import-statement";
import { prepareTransfers } from "../../workflow/prepare-transfers";
import { statementBodySchema } from "../../workflow/bodies/statement-body";
import { readStatement, statementSource } from "../read-statement";
import { settingsOf } from "../../workflow/company-settings";
import { transferBody, transferBodySchema } from "../../workflow/bodies/transfer-body";
import { defineChange, defineRead } from "../command";
import { parseBody } from "../parse-body";
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
  handler: (uow, access, source) => importStatement(uow, access, readStatement(source, settingsOf(access))),
  present: presentStatementImport,
});
