/**
 * Matching of statement entries against what Acompte expects to move on the
 * account. Pure and deterministic: it proposes, the caller records. Each
 * proposal carries a French explanation a person can check.
 * - Outgoing entries carrying our end-to-end id pay their instalment; a
 *   returned transfer (credit with return information) reopens it.
 * - Incoming entries settle invoices: by document number or creditor
 *   reference in the remittance first (several numbers: one transfer for
 *   several invoices; less than due: a partial payment, the rest stays open
 *   for the next transfers), then by amount, customer IBAN and name.
 * - What is ambiguous or unknown is « à rapprocher », with ranked suggestions.
 */
import { frenchDate } from "../dates/calendar-date";
import { formatMoney, minMoney, money, sumMoney, type Money, type MoneyString } from "../money/money";
import { euros } from "../reminders/french-amount";
import { maskIban } from "./iban";
import {
  OpenItemIndex,
  sameName,
  nameKey,
  type InvoiceKind,
  type OpenInvoice,
  type OpenItems,
  type SentInstalment,
} from "./open-items";
import { returnReasonLabel } from "./return-reasons";
import { entryKey, type StatementEntry } from "./statement-entry";

export type MatchStatus = "matched" | "to_review" | "unknown" | "duplicate";
export type MatchAction = "instalment_paid" | "instalment_returned" | "invoice_payment";

/** Money of one entry put on one item. */
export interface Allocation {
  itemKind: "instalment" | InvoiceKind;
  itemId: string;
  /** Document number (invoice) or « AV-… échéance i/n » (instalment). */
  reference: string;
  amount: MoneyString;
  /** The item is fully paid by this allocation. */
  settles: boolean;
}

/** A possible match a person may pick, best first. */
export interface Suggestion {
  allocations: Allocation[];
  /** 0–100: how much of the evidence agrees (reference 60, amount 25, IBAN 25, name 15). */
  score: number;
  explanation: string;
}

export interface EntryMatch {
  entryKey: string;
  status: MatchStatus;
  action?: MatchAction;
  /**
   * What an invoice payment rests on: the remittance names the invoices
   * (`reference`), or amount with the payer's IBAN or name (`evidence`, a
   * likely match, not a confirmed one: the payer's account is not learned from it).
   */
  basis?: "reference" | "evidence";
  /** Date the payment is recorded on: the entry's booking date. */
  date: string;
  allocations: Allocation[];
  /** Money of the entry no item took (overpayment, unknown entry). */
  unallocated: MoneyString;
  explanation: string;
  suggestions: Suggestion[];
}

const KIND_LABELS: Record<InvoiceKind, string> = {
  deposit_invoice: "facture d'acompte",
  final_invoice: "facture de solde",
  external_invoice: "facture",
  penalty_invoice: "facture de pénalités",
};

const MAX_SUGGESTIONS = 5;
const eur = euros;
const instalmentRef = (i: SentInstalment) => `${i.refundNumber} échéance ${i.index}/${i.count}`;

/**
 * What in the remittance may be a document number or creditor reference:
 * each run of 1 to 4 consecutive words, with a digit and 4+ characters.
 * Runs catch how people retype a number: « fa 2026/0042 », « RF18 5390 0754 7034 »
 * (the index compares references without separators).
 */
function referenceTokens(entry: StatementEntry): string[] {
  const texts = entry.transactions.flatMap((t) => [t.creditorReference ?? "", t.remittance ?? ""]);
  const tokens = new Set<string>();
  for (const text of texts) {
    const words = text.toUpperCase().split(/\s+/).filter(Boolean);
    for (let start = 0; start < words.length; start++)
      for (let end = start + 1; end <= Math.min(words.length, start + 4); end++) {
        const run = words.slice(start, end).join("");
        if (run.length >= 4 && run.length <= 40 && /\d/.test(run)) tokens.add(run);
      }
  }
  return [...tokens];
}

function invoiceAllocation(inv: OpenInvoice, amount: Money, index: OpenItemIndex): Allocation {
  return {
    itemKind: inv.kind,
    itemId: inv.id,
    reference: inv.number,
    amount: formatMoney(amount),
    settles: amount.equals(index.open(inv)),
  };
}

function describe(inv: OpenInvoice): string {
  return `${KIND_LABELS[inv.kind]} ${inv.number} (${inv.customerName})`;
}

/** Runs matching over entries in order: each entry sees what earlier ones left open. */
export class StatementMatcher {
  private readonly index: OpenItemIndex;
  private readonly seen = new Set<string>();

  constructor(items: OpenItems) {
    this.index = new OpenItemIndex(items);
  }

  match(entry: StatementEntry): EntryMatch {
    const key = entryKey(entry);
    const base = {
      entryKey: key,
      date: entry.bookingDate,
      allocations: [],
      suggestions: [],
      unallocated: entry.amount,
    };
    if (this.seen.has(key))
      return {
        ...base,
        status: "duplicate",
        explanation: `Opération ${entry.entryRef} déjà lue : ignorée.`,
        unallocated: "0.00",
      };
    this.seen.add(key);
    const ours = this.ourInstalments(entry);
    if (ours.length > 0) return this.instalmentMatch(entry, ours, base);
    if (entry.direction === "debit") return this.unknownDebit(entry, base);
    if (entry.returned)
      return {
        ...base,
        status: "to_review",
        explanation: `Virement retourné du ${frenchDate(entry.bookingDate)} (${eur(entry.amount)}, ${returnReasonLabel(entry.transactions[0]?.returnReason)}) sans référence Acompte : à rapprocher.`,
      };
    return this.incoming(entry, base);
  }

  private ourInstalments(entry: StatementEntry): { instalment: SentInstalment; amount: MoneyString }[] {
    const found: { instalment: SentInstalment; amount: MoneyString }[] = [];
    for (const t of entry.transactions) {
      const instalment = t.endToEndId ? this.index.byEndToEndId.get(t.endToEndId) : undefined;
      if (instalment) found.push({ instalment, amount: t.amount });
    }
    return found;
  }

  private instalmentMatch(
    entry: StatementEntry,
    found: { instalment: SentInstalment; amount: MoneyString }[],
    base: Omit<EntryMatch, "status" | "explanation">,
  ): EntryMatch {
    const returned = entry.direction === "credit" && entry.returned;
    if (entry.direction === "credit" && !returned)
      return {
        ...base,
        status: "to_review",
        explanation: `Crédit portant la référence d'une échéance de remboursement (${instalmentRef(found[0].instalment)}) sans information de retour : à vérifier.`,
      };
    const allocations: Allocation[] = [];
    const notes: string[] = [];
    const problems: string[] = [];
    for (const { instalment, amount } of found) {
      const ref = instalmentRef(instalment);
      if (!returned && this.index.settledInstalments.has(instalment.id)) {
        problems.push(`l'échéance ${ref} est déjà rapprochée d'une autre opération`);
        continue;
      }
      if (!money(amount).equals(money(instalment.amount))) {
        problems.push(`montant ${eur(amount)} au lieu de ${eur(instalment.amount)} pour l'échéance ${ref}`);
        continue;
      }
      if (!returned) this.index.settledInstalments.add(instalment.id);
      allocations.push({
        itemKind: "instalment",
        itemId: instalment.id,
        reference: ref,
        amount: formatMoney(money(amount)),
        settles: true,
      });
      notes.push(ref);
    }
    if (problems.length > 0)
      return {
        ...base,
        status: "to_review",
        explanation: `Opération du ${frenchDate(entry.bookingDate)} avec référence Acompte, mais ${problems.join(" ; ")} : à vérifier.`,
        suggestions: found.map(({ instalment }) => ({
          allocations: [
            {
              itemKind: "instalment",
              itemId: instalment.id,
              reference: instalmentRef(instalment),
              amount: formatMoney(money(instalment.amount)),
              settles: true,
            },
          ],
          score: 60,
          explanation: `Référence de bout en bout de l'échéance ${instalmentRef(instalment)}.`,
        })),
      };
    const unallocated = formatMoney(money(entry.amount).minus(sumMoney(allocations.map((a) => money(a.amount)))));
    if (returned) {
      const reason = returnReasonLabel(entry.transactions.find((t) => t.returnReason)?.returnReason);
      return {
        ...base,
        status: "matched",
        action: "instalment_returned",
        allocations,
        unallocated,
        explanation: `Virement retourné le ${frenchDate(entry.bookingDate)} (${reason}) : l'échéance ${notes.join(", ")} est rouverte, la trésorerie doit vérifier les coordonnées bancaires.`,
      };
    }
    return {
      ...base,
      status: "matched",
      action: "instalment_paid",
      allocations,
      unallocated,
      explanation: `Virement débité le ${frenchDate(entry.bookingDate)} avec la référence de bout en bout de l'échéance ${notes.join(", ")} : payée à cette date.`,
    };
  }

  private unknownDebit(entry: StatementEntry, base: Omit<EntryMatch, "status" | "explanation">): EntryMatch {
    const t = entry.transactions[0];
    const candidates = (this.index.instalmentsByAmount.get(entry.amount) ?? []).filter(
      (i) => !this.index.settledInstalments.has(i.id),
    );
    const suggestions = candidates
      .map((i): Suggestion => {
        const ibanAgrees = t?.counterpartyIban === i.creditorIban;
        const nameAgrees = !!t?.counterpartyName && sameName(t.counterpartyName, i.creditorName);
        const why = ["même montant", ibanAgrees ? "même IBAN" : "", nameAgrees ? "même bénéficiaire" : ""].filter(
          Boolean,
        );
        return {
          allocations: [
            { itemKind: "instalment", itemId: i.id, reference: instalmentRef(i), amount: entry.amount, settles: true },
          ],
          score: 25 + (ibanAgrees ? 25 : 0) + (nameAgrees ? 15 : 0),
          explanation: `Échéance ${instalmentRef(i)} : ${why.join(", ")}.`,
        };
      })
      .sort((a, b) => b.score - a.score || a.allocations[0].reference.localeCompare(b.allocations[0].reference))
      .slice(0, MAX_SUGGESTIONS);
    return {
      ...base,
      status: suggestions.length > 0 ? "to_review" : "unknown",
      explanation:
        `Débit du ${frenchDate(entry.bookingDate)} de ${eur(entry.amount)} sans référence Acompte` +
        (suggestions.length > 0
          ? " : échéances possibles proposées, à confirmer."
          : " : aucune échéance ne correspond, à rapprocher."),
      suggestions,
    };
  }

  private incoming(entry: StatementEntry, base: Omit<EntryMatch, "status" | "explanation">): EntryMatch {
    const amount = money(entry.amount);
    const referenced: OpenInvoice[] = [];
    for (const token of referenceTokens(entry))
      for (const inv of this.index.withReference(token)) if (!referenced.includes(inv)) referenced.push(inv);
    if (referenced.length > 0) return this.byReference(entry, amount, referenced, base);
    return this.byEvidence(entry, amount, base);
  }

  /** The remittance names the invoices: pay them oldest first, a shortfall leaves the last one partly open. */
  private byReference(
    entry: StatementEntry,
    amount: Money,
    invoices: OpenInvoice[],
    base: Omit<EntryMatch, "status" | "explanation">,
  ): EntryMatch {
    const ordered = [...invoices].sort(
      (a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? "") || a.number.localeCompare(b.number),
    );
    const due = sumMoney(ordered.map((inv) => this.index.open(inv)));
    const numbers = ordered.map((inv) => inv.number).join(", ");
    if (ordered.length > 1 && amount.lessThan(due)) {
      // Which of several named invoices a short payment is for is a person's call.
      let left = amount;
      const allocations = ordered.flatMap((inv) => {
        const part = minMoney(left, this.index.open(inv));
        left = left.minus(part);
        return part.greaterThan(0) ? [invoiceAllocation(inv, part, this.index)] : [];
      });
      return {
        ...base,
        status: "to_review",
        explanation: `Le libellé cite ${numbers} (${eur(due)} restant dû) mais le virement n'est que de ${eur(amount)} : répartition à confirmer.`,
        suggestions: [
          { allocations, score: 60, explanation: `Répartition de la plus ancienne à la plus récente : ${numbers}.` },
        ],
      };
    }
    let left = amount;
    const allocations: Allocation[] = [];
    for (const inv of ordered) {
      const part = minMoney(left, this.index.open(inv));
      if (!part.greaterThan(0)) continue;
      allocations.push(invoiceAllocation(inv, part, this.index));
      this.index.apply(inv, part);
      left = left.minus(part);
    }
    const parts = allocations.map((a) => {
      const inv = ordered.find((o) => o.id === a.itemId)!;
      return a.settles
        ? `${describe(inv)} soldée (${eur(a.amount)})`
        : `${describe(inv)} payée en partie : ${eur(a.amount)}, reste ${eur(this.index.open(inv))} dû`;
    });
    const over = left.greaterThan(0) ? ` Trop-perçu de ${eur(left)} à rapprocher.` : "";
    return {
      ...base,
      status: "matched",
      action: "invoice_payment",
      basis: "reference",
      allocations,
      unallocated: formatMoney(left),
      explanation: `Virement reçu le ${frenchDate(entry.bookingDate)} de ${eur(amount)}, libellé citant ${numbers} : ${parts.join(" ; ")}.${over}`,
    };
  }

  /** No reference: the amount, the payer's IBAN and name point to an invoice, or to suggestions. */
  private byEvidence(
    entry: StatementEntry,
    amount: Money,
    base: Omit<EntryMatch, "status" | "explanation">,
  ): EntryMatch {
    const t = entry.transactions[0] ?? { amount: entry.amount };
    const payerIban = t.counterpartyIban;
    const payerName = t.counterpartyName ?? "";
    const customerInvoices = new Set<OpenInvoice>([
      ...(payerIban ? (this.index.byIban.get(payerIban) ?? []) : []),
      ...(payerName ? (this.index.byName.get(nameKey(payerName)) ?? []) : []),
    ]);
    const evidence = (inv: OpenInvoice) => ({
      iban: !!payerIban && (inv.customerIbans ?? []).includes(payerIban),
      name: !!payerName && sameName(payerName, inv.customerName),
    });
    const candidates = new Map<OpenInvoice, Suggestion>();
    for (const inv of this.index.withOpenAmount(formatMoney(amount))) {
      const e = evidence(inv);
      const why = [
        "même montant",
        e.iban ? `même IBAN (${maskIban(payerIban!)})` : "",
        e.name ? "même client" : "",
      ].filter(Boolean);
      candidates.set(inv, {
        allocations: [invoiceAllocation(inv, amount, this.index)],
        score: 25 + (e.iban ? 25 : 0) + (e.name ? 15 : 0),
        explanation: `${describe(inv)} : ${why.join(", ")}.`,
      });
    }
    for (const inv of customerInvoices) {
      if (candidates.has(inv) || !this.index.open(inv).greaterThan(0)) continue;
      const e = evidence(inv);
      const part = minMoney(amount, this.index.open(inv));
      const why = [e.iban ? `même IBAN (${maskIban(payerIban!)})` : "", e.name ? "même client" : ""].filter(Boolean);
      candidates.set(inv, {
        allocations: [invoiceAllocation(inv, part, this.index)],
        score: (e.iban ? 25 : 0) + (e.name ? 15 : 0),
        explanation: `${describe(inv)} : ${why.join(", ")}, ${eur(this.index.open(inv))} restant dû (paiement partiel ou groupé ?).`,
      });
    }
    // One transfer for all of a customer's open invoices, without naming them.
    const open = [...customerInvoices].filter((inv) => this.index.open(inv).greaterThan(0));
    const grouped: Suggestion[] = [];
    if (open.length > 1 && sumMoney(open.map((inv) => this.index.open(inv))).equals(amount)) {
      const e = evidence(open[0]);
      grouped.push({
        allocations: open.map((inv) => invoiceAllocation(inv, this.index.open(inv), this.index)),
        score: 25 + (e.iban ? 25 : 0) + (e.name ? 15 : 0) + 5,
        explanation: `Les ${open.length} factures ouvertes de ${open[0].customerName} (${open.map((i) => i.number).join(", ")}) totalisent exactement ${eur(amount)}.`,
      });
    }
    const ranked = [...grouped, ...candidates.values()].sort(
      (a, b) => b.score - a.score || a.allocations[0].reference.localeCompare(b.allocations[0].reference),
    );
    const best = ranked[0];
    const sure =
      best && best.score >= 40 && best.allocations.every((a) => a.settles) && (ranked[1]?.score ?? 0) < best.score;
    if (sure) {
      for (const a of best.allocations) {
        const inv = open.find((o) => o.id === a.itemId) ?? [...candidates.keys()].find((o) => o.id === a.itemId)!;
        this.index.apply(inv, money(a.amount));
      }
      return {
        ...base,
        status: "matched",
        action: "invoice_payment",
        basis: "evidence",
        allocations: best.allocations,
        unallocated: "0.00",
        explanation: `Virement reçu le ${frenchDate(entry.bookingDate)} de ${eur(amount)} sans référence de facture, rapproché : ${best.explanation}`,
      };
    }
    return {
      ...base,
      status: ranked.length > 0 ? "to_review" : "unknown",
      explanation:
        `Virement reçu le ${frenchDate(entry.bookingDate)} de ${eur(amount)}${payerName ? ` de ${payerName}` : ""} sans référence de facture` +
        (ranked.length === 0
          ? " : aucune pièce ouverte ne correspond, à rapprocher."
          : ranked.length > 1 && ranked[1].score === best.score
            ? " : plusieurs pièces correspondent autant, à choisir."
            : " : correspondance incertaine, à confirmer."),
      suggestions: ranked.slice(0, MAX_SUGGESTIONS),
    };
  }
}

/**
 * Matches a statement's entries, in order, against the open items: one
 * proposal per entry (`matched` to record now, `to_review` with ranked
 * suggestions, `unknown`, or `duplicate` for an entry met twice).
 */
export function matchStatement(entries: readonly StatementEntry[], items: OpenItems): EntryMatch[] {
  const matcher = new StatementMatcher(items);
  return entries.map((entry) => matcher.match(entry));
}
