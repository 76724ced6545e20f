import { createHash } from "node:crypto";
import { StatementMatcher, type EntryMatch } from "../domain/bank/matching";
import type { SentInstalment } from "../domain/bank/open-items";
import { entryKey, type StatementEntry, type StatementSummary } from "../domain/bank/statement-entry";
import { maskIban } from "../domain/bank/iban";
import { EngineValidationError } from "../domain";
import { unprocessable } from "../errors/api-error";
import { BANK_ENTRIES, INSTALMENTS, REFUNDS, TRANSFER_FILES } from "../model/collections";
import type { BankEntryDoc, BankPayerDoc } from "../model/bank-entry";
import { instalmentId, type InstalmentDoc } from "../model/refund";
import type { TransferFileDoc, TransferFileInstalment } from "../model/transfer-file";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { settingsOf } from "./company-settings";
import { money } from "../domain";
import { euros } from "../domain/reminders/french-amount";
import { learnPayer, openInvoices, paymentRef, payInstalments, settleInvoices } from "./bank-settle";
import { applyTransferReturn } from "./return-transfer";

/**
 * At most this many entries recorded per import: each is a document written
 * in the one transaction (with the payments it makes). A longer statement is
 * refused, to be sent in shorter periods (overlaps add nothing).
 */
export const STATEMENT_MAX_NEW_ENTRIES = 400;

/** The document id of an entry: its key may hold any character, the hash is a valid id. */
export const bankEntryId = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 40);

/** A statement file as read (application/commands/bank.ts streams it through Camt053Reader before the transaction). */
export interface ReadStatement {
  statements: StatementSummary[];
  entries: StatementEntry[];
}

export interface ImportedEntry {
  id: string;
  doc: BankEntryDoc;
}

export interface StatementImport {
  statements: StatementSummary[];
  /** Booked entries read in the file. */
  read: number;
  created: ImportedEntry[];
  /** Entries recorded by an earlier import (or twice in this file): nothing done. */
  alreadyKnown: number;
}

/**
 * Imports a camt.053 statement of the company's account: every booked entry
 * not recorded yet is recorded (`bankEntries/{hash of entryKey}`, created in
 * this transaction, so a concurrent import of the same file retries and finds
 * it); an outgoing entry carrying the end-to-end id of an instalment put in a
 * transfer file pays it on the booking date through payInstalment (ledger,
 * sheets, late-payment supplement follow). A returned transfer reopens its
 * instalment (return-transfer.ts); everything else waits « À rapprocher ».
 */
export async function importStatement(
  uow: UnitOfWork,
  access: Access,
  { statements, entries }: ReadStatement,
): Promise<StatementImport> {
  const settings = settingsOf(access);
  if (!settings.bankIban)
    throw unprocessable(
      "BANK_ACCOUNT_MISSING",
      "L'IBAN du compte de l'entreprise n'est pas renseigné dans ses paramètres : le relevé ne peut pas être rattaché à son compte.",
      [{ path: "bankIban", message: "IBAN du compte de l'entreprise : à renseigner dans les paramètres." }],
    );
  const foreign = statements.find((s) => s.accountIban !== settings.bankIban);
  if (foreign)
    throw new EngineValidationError([
      {
        path: "file",
        message: `Relevé ${foreign.statementId} refusé : il est celui du compte ${maskIban(foreign.accountIban)}, pas du compte de l'entreprise (${maskIban(settings.bankIban)}).`,
      },
    ]);

  const keys = entries.map(entryKey);
  const refs = keys.map((k) => uow.collection(BANK_ENTRIES).doc(bankEntryId(k)));
  const stored = await uow.getAll<BankEntryDoc>(refs);
  const fresh = entries.filter((_, i) => stored[i] === null);
  const freshKeys = new Set(fresh.map(entryKey));
  if (freshKeys.size > STATEMENT_MAX_NEW_ENTRIES)
    throw new EngineValidationError([
      {
        path: "file",
        message: `Relevé trop long : ${freshKeys.size} opérations nouvelles, ${STATEMENT_MAX_NEW_ENTRIES} au plus par import. Importez des périodes plus courtes (les opérations déjà importées sont ignorées).`,
      },
    ]);

  // Each payment sees the earlier ones: two transfers for one invoice, two instalments of one request.
  uow.seeOwnWrites();
  const sent = await sentInstalments(uow, fresh);
  const open = fresh.some((e) => e.direction === "credit" && !e.returned)
    ? await openInvoices(uow)
    : { items: [], payers: new Map<string, BankPayerDoc>() };
  const matcher = new StatementMatcher({ instalments: sent.items, invoices: open.items });
  const created: ImportedEntry[] = [];
  for (const entry of fresh) {
    const key = entryKey(entry);
    const match = matcher.match(entry);
    if (match.status === "duplicate") continue;
    const ref = uow.collection(BANK_ENTRIES).doc(bankEntryId(key));
    const outcome = await apply(uow, access, entry, match, open.payers);
    const doc: BankEntryDoc = {
      key,
      entry,
      suggestions: [],
      allocations: [],
      payments: [],
      ...outcome,
      importedAt: uow.timestamp,
      importedBy: uow.actor,
    };
    uow.create(ref, doc);
    for (const id of outcome.payments ?? []) uow.update(paymentRef(uow, id), { bankEntryId: ref.id });
    created.push({ id: ref.id, doc });
  }
  uow.event(
    "bank_statement.imported",
    { kind: "bankStatement", id: statements.map((s) => s.statementId).join(",") },
    null,
    {
      statements: statements.map((s) => s.statementId),
      read: entries.length,
      created: created.length,
      paid: created.flatMap((c) => c.doc.paidInstalments),
      payments: created.flatMap((c) => c.doc.payments ?? []),
    },
  );
  return { statements, read: entries.length, created, alreadyKnown: entries.length - created.length };
}

/** The instalments still due that a transfer file sent and this statement names by end-to-end id. */
async function sentInstalments(uow: UnitOfWork, entries: StatementEntry[]) {
  const ids = new Set(entries.flatMap((e) => e.transactions.flatMap((t) => (t.endToEndId ? [t.endToEndId] : []))));
  const lines = new Map<string, TransferFileInstalment>();
  if (![...ids].some((id) => id.startsWith("ACP-"))) return { items: [], lines };
  const files = await uow.query<TransferFileDoc>(uow.collection(TRANSFER_FILES));
  for (const f of files)
    for (const line of f.data.instalments)
      if (ids.has(line.endToEndId)) lines.set(instalmentId({ refundId: line.refundId, number: line.n }), line);
  const refundIds = [...new Set([...lines.values()].map((l) => l.refundId))];
  const schedules = await Promise.all(
    refundIds.map((id) => uow.query<InstalmentDoc>(uow.collection(REFUNDS).doc(id).collection(INSTALMENTS))),
  );
  const items: SentInstalment[] = schedules
    .flat()
    // Paid ones too: their transfer may come back (a returned transfer reopens them); matched once only.
    .filter(({ data }) => data.transferFileId !== undefined && lines.has(instalmentId(data)))
    .map(({ data }) => {
      const line = lines.get(instalmentId(data))!;
      return {
        id: instalmentId(data),
        refundNumber: data.creditNoteNumber,
        index: data.number,
        count: data.count,
        amount: data.amount,
        creditorName: data.customerName,
        creditorIban: line.iban,
        paid: data.status === "paid",
      };
    });
  return { items, lines };
}

type Outcome = Pick<BankEntryDoc, "status" | "explanation" | "paidInstalments"> &
  Partial<Pick<BankEntryDoc, "suggestions" | "allocations" | "payments">>;

/**
 * What the match does: pays the instalments of an outgoing transfer, records
 * the payment of the invoices an incoming one settles, else records why it
 * waits, with the matcher's suggestions.
 */
async function apply(
  uow: UnitOfWork,
  access: Access,
  entry: StatementEntry,
  match: EntryMatch,
  payers: Map<string, BankPayerDoc>,
): Promise<Outcome> {
  const waiting = (explanation: string, suggestions = match.suggestions): Outcome => ({
    status: "to_reconcile",
    explanation,
    suggestions,
    paidInstalments: [],
  });
  // What was matched but could not be recorded is offered as the first suggestion.
  const asSuggestion = (problem: string) => [
    {
      allocations: match.allocations,
      score: 60,
      explanation: `Proposé par le rapprochement automatique (${problem}).`,
    },
  ];
  if (match.status === "matched" && match.action === "instalment_returned")
    return applyTransferReturn(uow, access, entry, match);
  if (match.status !== "matched") return waiting(match.explanation);
  if (match.action === "invoice_payment") {
    const settled = await settleInvoices(uow, access, entry, match.allocations, match.unallocated);
    if (settled.problem !== null)
      return waiting(
        `${match.explanation} Non enregistré : ${settled.problem}. À rapprocher.`,
        asSuggestion(settled.problem),
      );
    // Only a transfer naming its invoices tells whose account it is.
    if (match.basis === "reference") learnPayer(uow, payers, settled.customer, entry.transactions[0]?.counterpartyIban);
    const credit = money(match.unallocated).greaterThan(0)
      ? ` Le trop-perçu de ${euros(match.unallocated)} est porté au crédit du client (remboursable).`
      : "";
    return {
      status: "applied",
      explanation: `${match.explanation}${credit}`,
      allocations: settled.allocations,
      payments: settled.payments,
      paidInstalments: [],
    };
  }
  const paid = await payInstalments(uow, access, entry, match.allocations);
  if (paid.problem !== null)
    return waiting(`${match.explanation} Non enregistré : ${paid.problem}. À rapprocher.`, asSuggestion(paid.problem));
  return {
    status: "applied",
    explanation: match.explanation,
    allocations: paid.allocations,
    paidInstalments: paid.paid,
  };
}
