import { createHash } from "node:crypto";
import { StatementMatcher, type EntryMatch } from "../domain/bank/matching";
import type { SentInstalment } from "../domain/bank/open-items";
import { entryKey, type StatementEntry, type StatementSummary } from "../domain/bank/statement-entry";
import { maskIban } from "../domain/bank/iban";
import { EngineValidationError } from "../domain";
import { unprocessable } from "../errors/api-error";
import { BANK_ENTRIES, INSTALMENTS, REFUNDS, TRANSFER_FILES } from "../model/collections";
import type { BankEntryDoc, BankEntryStatus } from "../model/bank-entry";
import { instalmentId, type InstalmentDoc } from "../model/refund";
import type { TransferFileDoc, TransferFileInstalment } from "../model/transfer-file";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { settingsOf } from "./company-settings";
import { payInstalment } from "./pay-instalment";
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
        path: "statement",
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
        path: "statement",
        message: `Relevé trop long : ${freshKeys.size} opérations nouvelles, ${STATEMENT_MAX_NEW_ENTRIES} au plus par import. Importez des périodes plus courtes (les opérations déjà importées sont ignorées).`,
      },
    ]);

  const sent = await sentInstalments(uow, fresh);
  const matcher = new StatementMatcher({ instalments: sent.items, invoices: [] });
  // payInstalment reads the request as stored: a second instalment of the same request in this import would see it stale.
  const paidRefunds = new Set<string>();
  const created: ImportedEntry[] = [];
  for (const entry of fresh) {
    const key = entryKey(entry);
    const match = matcher.match(entry);
    if (match.status === "duplicate") continue;
    const outcome = await apply(uow, access, entry, match, sent.lines, paidRefunds);
    const ref = uow.collection(BANK_ENTRIES).doc(bankEntryId(key));
    const doc: BankEntryDoc = {
      key,
      entry,
      ...outcome,
      importedAt: uow.timestamp,
      importedBy: uow.actor,
    };
    uow.create(ref, doc);
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

/** What the match does: pays the instalments of an outgoing transfer, else records why it waits. */
async function apply(
  uow: UnitOfWork,
  access: Access,
  entry: StatementEntry,
  match: EntryMatch,
  lines: Map<string, TransferFileInstalment>,
  paidRefunds: Set<string>,
): Promise<{ status: BankEntryStatus; explanation: string; paidInstalments: string[] }> {
  const waiting = (explanation: string) => ({ status: "to_reconcile" as const, explanation, paidInstalments: [] });
  if (match.status === "matched" && match.action === "instalment_returned")
    return applyTransferReturn(uow, access, entry, match, lines, paidRefunds);
  if (match.status !== "matched" || match.action !== "instalment_paid") {
    if (entry.direction === "credit" && match.status !== "to_review")
      return waiting(
        `${match.explanation} Les encaissements ne sont pas encore rapprochés automatiquement : à rapprocher à la main.`,
      );
    return waiting(match.explanation);
  }
  const targets = match.allocations.map((a) => lines.get(a.itemId)!);
  const again = targets.find((t) => paidRefunds.has(t.refundId));
  if (again || new Set(targets.map((t) => t.refundId)).size < targets.length)
    return waiting(
      `Virement reconnu (${(again ?? targets[0]).refundNumber}), mais une autre échéance du même remboursement est payée par ce relevé : à marquer payée à la main.`,
    );
  for (const t of targets) {
    await payInstalment(uow, access, t.refundId, t.n, entry.bookingDate);
    paidRefunds.add(t.refundId);
  }
  return {
    status: "applied",
    explanation: match.explanation,
    paidInstalments: targets.map((t) => `${t.refundId}/${t.n}`),
  };
}
