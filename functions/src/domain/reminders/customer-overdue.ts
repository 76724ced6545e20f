/**
 * Dunning of a customer's overdue invoice in three levels — courtesy, firm,
 * formal notice (mise en demeure) — each sent once and in order: the next
 * letter is always the level after the last one sent, so a customer never
 * gets a second reminder or a formal notice without the letters before it,
 * whatever the calendar says after a pause (dispute, payment promise) or a
 * job outage. Level 1 goes no sooner than the due date + levelDays[0];
 * level k+1 no sooner than levelDays[k] − levelDays[k−1] days after level k
 * was sent. Stops when the invoice is paid, disputed or under a payment
 * promise. B2B letters show the late-payment penalties and the €40 indemnity
 * the engine computes (they run without any reminder, L441-10); once some
 * were invoiced by a penalty invoice, only what accrued since
 * (dunningPenaltyParagraph). Never for an invoice assigned to a factor:
 * under notified factoring with subrogation the receivable is the factor's,
 * who collects it and claims its penalties (docs/customers-risk.md
 * « Factoring », « Dunning »); a letter from the company would ask the
 * customer to pay a debt it no longer holds.
 */
import { money } from "../money/money";
import { addDays, frenchDate } from "../dates/calendar-day";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { type InvoicedPenalties, dunningPenaltyParagraph } from "./dunning-penalties";
import { frenchAmount } from "./french-amount";
import type { Reminder } from "./reminder";
import { DUNNING_LEVEL_LABELS } from "../vocabulary/labels";
import type { ReminderSettings } from "./reminder-settings";

export interface OverdueInvoice {
  companyId: string;
  invoiceId: string;
  number: string;
  issuedOn: string;
  dueDate: string;
  /** Gross still owed. */
  openAmount: string;
  customerName: string;
  customerKind: "b2b" | "b2c";
  customerEmail: string | null;
  disputed: boolean;
  /** Last day of a payment promise the customer made, if any. */
  promiseUntil: string | null;
  /** Contract penalty rate (annual %), when the terms set one. */
  contractRate?: string;
  /** The last dunning letter sent for this invoice; null before the first. */
  lastLetter: SentLetter | null;
  /**
   * A penalty invoice (L441-10, D441-5): its letters claim no penalties on
   * the penalties — interest earns interest only as Code civil 1343-2 allows
   * (a contract or a court), which the company has not stated.
   */
  penaltyInvoice?: boolean;
  /** The penalty invoices already issued on this invoice: the letter cites them and asks only what accrued since. */
  invoicedPenalties?: InvoicedPenalties[];
  /** The factor the invoice is assigned to (its copy `factor`): the factor collects it, no letter. */
  factor?: string;
}

export type DunningLevel = 1 | 2 | 3;

const TARGET = "invoice/";

/** The invoice a customer-overdue reminder is about. */
export function invoiceIdOf(target: string): string {
  return target.slice(TARGET.length);
}

export interface SentLetter {
  level: DunningLevel;
  /** The day the reminders job put it in the outbox (sent by that run, or retried by the next ones). */
  sentOn: string;
}

/**
 * The level the next letter would be and the first day it may go: level 1 on
 * the due date + levelDays[0]; then the level after the last one sent, its
 * spacing after that letter. Null once the formal notice went out. The day
 * depends on the invoice's state only, never on the run day: every run that
 * sees the same state computes the same reminder id.
 */
function nextLetter(
  inv: OverdueInvoice,
  levelDays: readonly [number, number, number],
): { level: DunningLevel; day: string } | null {
  const last = inv.lastLetter;
  if (!last) return { level: 1, day: addDays(inv.dueDate, levelDays[0]) };
  if (last.level === 1) return { level: 2, day: addDays(last.sentOn, levelDays[1] - levelDays[0]) };
  if (last.level === 2) return { level: 3, day: addDays(last.sentOn, levelDays[2] - levelDays[1]) };
  return null;
}

/**
 * What the job records on the invoice when it enqueues `letter` on `today`,
 * or null when the invoice's state (read again in the same transaction) is no
 * longer the one the letter was computed from: another run already sent it,
 * or a penalty invoice was issued since (`penaltyInvoices`, the numbers the
 * invoice now records) that the letter does not cite — it would ask again
 * what was just invoiced; the next run writes the letter anew.
 */
export function letterSent(
  current: SentLetter | null,
  letter: Pick<Reminder, "level" | "penaltyInvoicesCited">,
  today: string,
  penaltyInvoices: readonly string[] = [],
): SentLetter | null {
  if ((current?.level ?? 0) !== letter.level - 1) return null;
  const cited = new Set(letter.penaltyInvoicesCited ?? []);
  if (penaltyInvoices.some((number) => !cited.has(number))) return null;
  return { level: letter.level as DunningLevel, sentOn: today };
}

export function customerOverdueReminder(
  inv: OverdueInvoice,
  settings: ReminderSettings,
  today: string,
  rates: LegalRates = SHIPPED_LEGAL_RATES,
): Reminder | null {
  if (inv.factor || inv.disputed || money(inv.openAmount).lessThanOrEqualTo(0)) return null;
  if (inv.promiseUntil && today <= inv.promiseUntil) return null;
  const next = nextLetter(inv, settings.dunning.levelDays);
  if (!next || today < next.day) return null;
  const { level, day } = next;
  const previous = inv.lastLetter ? frenchDate(inv.lastLetter.sentOn) : "";

  const facts = `la facture ${inv.number} du ${frenchDate(inv.issuedOn)}, échue le ${frenchDate(inv.dueDate)}, reste due pour ${frenchAmount(inv.openAmount)}`;
  const body: string[] = [];
  if (level === 1)
    body.push(
      `Sauf erreur ou omission de notre part, ${facts}.`,
      "Nous vous remercions de bien vouloir procéder à son règlement dans les meilleurs délais. Si vous l'avez déjà réglée, merci de ne pas tenir compte de ce message.",
    );
  if (level === 2)
    body.push(
      `Malgré notre précédent rappel du ${previous}, ${facts}.`,
      "Nous vous demandons de la régler sous huit jours.",
    );
  if (level === 3)
    body.push(
      `Malgré nos rappels, dont le dernier du ${previous}, ${facts}.`,
      "Par la présente, nous vous mettons en demeure de la régler sous huit jours.",
      "Le présent courrier vaut mise en demeure au sens de l'article 1344 du Code civil ; à défaut de paiement, nous engagerons les démarches de recouvrement.",
    );
  const penaltyParagraph = inv.customerKind === "b2b" && !inv.penaltyInvoice;
  if (penaltyParagraph) body.push(dunningPenaltyParagraph(inv, today, rates));
  const cited = penaltyParagraph ? (inv.invoicedPenalties ?? []).map((c) => c.number) : [];
  const to = inv.customerEmail ? [inv.customerEmail] : [...settings.recipients.accounting];
  return {
    companyId: inv.companyId,
    rule: "customer-overdue",
    level,
    target: `${TARGET}${inv.invoiceId}`,
    day,
    to,
    cc: inv.customerEmail ? [...settings.recipients.accounting] : [],
    subject: `${level === 3 ? "Mise en demeure de payer" : level === 2 ? "Second rappel" : "Rappel"} – facture ${inv.number} – ${frenchAmount(inv.openAmount)}`,
    text: [
      inv.customerEmail
        ? `Madame, Monsieur,`
        : `À transmettre à ${inv.customerName} (adresse électronique du client absente) :`,
      "",
      ...body,
      "",
      "Veuillez agréer nos salutations distinguées.",
      settings.companyName,
    ].join("\n"),
    summary: `${DUNNING_LEVEL_LABELS[level]} – ${inv.customerName} – ${inv.number}`,
    ...(cited.length > 0 ? { penaltyInvoicesCited: cited } : {}),
  };
}
