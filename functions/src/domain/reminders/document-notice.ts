import { spacedIban } from "../bank/iban";
import type { FactoringAssignment } from "../customers/factors";
import { frenchDate } from "../dates/calendar-day";
import { euros } from "./french-amount";
import type { Reminder } from "./reminder";

/** The documents mailed to a customer, with what their mail calls them. */
const TITLE = {
  depositInvoice: "Facture d'acompte",
  creditNote: "Avoir",
  finalInvoice: "Facture",
  penaltyInvoice: "Facture de pénalités de retard",
  refundStatement: "Décompte de remboursement",
} as const;

export interface DocumentNoticeInput {
  companyId: string;
  companyName: string;
  documentId: string;
  kind: keyof typeof TITLE;
  number: string;
  /** The document's date, `YYYY-MM-DD`. */
  date: string;
  customerName: string;
  customerEmail: string;
  /** Gross amount of the document (decimal string). */
  gross: string;
  /** A final invoice: what is left to pay after the deposits (decimal string). */
  amountDue?: string;
  /** A final invoice assigned to a factor: whom the customer pays, and the subrogation mention. */
  factoring?: Pick<FactoringAssignment, "factor" | "iban" | "bic" | "mention">;
  /** A credit note: the invoice it rectifies; a penalty invoice: the invoice paid late. */
  cites?: string;
  fileName: string;
  /** Files sent in the same mail (a credit note's refund statement). */
  alsoAttached?: { documentId: string; fileName: string }[];
  /** 0 when issued; n for the n-th « Renvoyer au client ». */
  resend: number;
  /** The day of the send (issue or resend), `YYYY-MM-DD`. */
  day: string;
}

function what(input: DocumentNoticeInput): string {
  const amount = euros(input.gross);
  switch (input.kind) {
    case "depositInvoice":
      return `Veuillez trouver ci-joint la facture d'acompte n° ${input.number} du ${frenchDate(input.date)}, d'un montant de ${amount} TTC, déjà réglée.`;
    case "creditNote":
      return `Veuillez trouver ci-joint l'avoir n° ${input.number} du ${frenchDate(input.date)}, d'un montant de ${amount} TTC${input.cites ? `, sur la facture ${input.cites}` : ""}.`;
    case "finalInvoice":
      return `Veuillez trouver ci-joint la facture n° ${input.number} du ${frenchDate(input.date)}, d'un montant de ${amount} TTC${input.amountDue !== undefined ? ` ; reste à payer après déduction des acomptes : ${euros(input.amountDue)}` : ""}.`;
    case "penaltyInvoice":
      return `Veuillez trouver ci-joint la facture de pénalités de retard n° ${input.number} du ${frenchDate(input.date)}, d'un montant de ${amount} (non soumis à la TVA)${input.cites ? `, sur la facture ${input.cites} réglée après son échéance` : ""}.`;
    case "refundStatement":
      return `Veuillez trouver ci-joint le décompte et l'échéancier du remboursement de votre demande n° ${input.number} du ${frenchDate(input.date)}, pour un total de ${amount}.`;
  }
}

/**
 * A factored invoice is paid to the factor, not to the company: the mail
 * says so in the words of the document, or the customer, used to paying the
 * company, would pay the wrong account (a payment that does not discharge
 * the debt, C. civ. 1342-2).
 */
function payTo(factoring: NonNullable<DocumentNoticeInput["factoring"]>): string[] {
  const bic = factoring.bic ? `, BIC ${factoring.bic}` : "";
  return [
    "",
    `Règlement à l'ordre de ${factoring.factor}, par virement sur le compte IBAN ${spacedIban(factoring.iban)}${bic}.`,
    factoring.mention,
  ];
}

/**
 * The mail carrying an issued document to its customer: French subject and
 * body, the file attached. Its identity (rule, level, day, company, target)
 * makes the outbox send it once; a resend is a new level.
 */
export function documentNotice(input: DocumentNoticeInput): Reminder {
  const title = `${TITLE[input.kind]} ${input.number}`;
  const text = [
    "Bonjour,",
    "",
    what(input),
    ...(input.factoring ? payTo(input.factoring) : []),
    "",
    input.kind === "refundStatement"
      ? `Le document est joint à ce message (${input.fileName}).`
      : `Le document est joint à ce message (${input.fileName}) au format de facture électronique.`,
    ...(input.alsoAttached ?? []).map(
      (a) => `Le décompte et l'échéancier de remboursement sont joints également (${a.fileName}).`,
    ),
    ...(input.resend > 0
      ? ["", "Ce message vous renvoie un document déjà émis : il ne s'agit pas d'un nouveau document."]
      : []),
    "",
    "Cordialement,",
    input.companyName,
  ].join("\n");
  return {
    companyId: input.companyId,
    rule: "document",
    level: input.resend,
    target: input.documentId,
    day: input.day,
    to: [input.customerEmail],
    cc: [],
    subject: `${input.resend > 0 ? "[Renvoi] " : ""}${title} – ${input.companyName}`,
    text,
    summary: `${title} : envoi à ${input.customerName} (${input.customerEmail})`,
    attachments: [
      { documentId: input.documentId },
      ...(input.alsoAttached ?? []).map((a) => ({ documentId: a.documentId })),
    ],
  };
}
