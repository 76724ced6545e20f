/**
 * The e-mails that tell the next person what a refund request needs, sent
 * at each step through the outbox (not reminders: they go out once, the
 * moment the step is recorded): the request submitted → the approvers who
 * must act; one approval of two → the approvers still awaited; the final
 * approval → the requester (credit note, total owed, schedule); a
 * rejection → the requester, with the reason; a consumer's refund paid
 * later than planned → the approvers who approved it, with the supplement
 * the law adds (late_supplement). Pure: the workflow enqueues
 * them in the transaction that records the step, so each goes out once.
 */
import { frenchDate } from "../dates/calendar-day";
import type { ApproverRole } from "../roles/roles";
import { ROLE_LABELS, TOTAL_OWED_LABEL, inSentence } from "../vocabulary/labels";
import { frenchAmount } from "./french-amount";
import type { Reminder } from "./reminder";

/** The step a notice tells of. */
export type RefundNoticeStep = "submitted" | "approved_step" | "approved" | "rejected" | "late_supplement";

/** late_supplement: the payment made late and the further amount the law owes for it. */
export interface SupplementNotice {
  /** The instalment paid late, and when. */
  paidInstalment: number;
  paidOn: string;
  /** The new instalment that pays the supplement. */
  instalment: number;
  lines: { label: string; legalBasis: string; amount: string }[];
  total: string;
}

export interface RefundNoticeInput {
  companyId: string;
  companyName: string;
  step: RefundNoticeStep;
  /** The request as people name it (its number once it has one). */
  requestRef: string;
  requestId: string;
  /** The day the step was recorded (YYYY-MM-DD). */
  day: string;
  customerName: string;
  reasonLabel: string;
  /** The deposit invoice refunded (null for a customer credit). */
  depositNumber: string | null;
  /** Gross of the credit note (null when the request refunds a customer credit: no credit note). */
  creditNoteGross: string | null;
  /** The credit note's number, once issued (final approval). */
  creditNoteNumber: string | null;
  /** Owed to the customer in all: credit note + compensation without VAT. */
  totalOwed: string;
  /** Compensation without VAT paid on top of the credit note. */
  compensation: { label: string; amount: string }[];
  schedule: { n: number; dueDate: string; amount: string }[];
  comment: string | null;
  requestedBy: string;
  /** Who approved or rejected at this step. */
  decidedBy: string | null;
  /** Roles still awaited after this step. */
  awaiting: readonly ApproverRole[];
  /** Who may give an awaited approval now (the requester never). */
  approvers: readonly string[];
  /** Approvals recorded so far (each approval step's notice has its own identity). */
  approvalCount: number;
  rejectionReason: string | null;
  /** Only for late_supplement. */
  supplement?: SupplementNotice;
}

const SUBJECT: Record<RefundNoticeStep, string> = {
  submitted: "à approuver",
  approved_step: "à approuver",
  approved: "approuvée",
  rejected: "refusée",
  late_supplement: "payée en retard : complément dû",
};

const SUMMARY: Record<RefundNoticeStep, string> = {
  submitted: "Demande à approuver",
  approved_step: "Approbation suivante attendue",
  approved: "Demande approuvée (demandeur prévenu)",
  rejected: "Demande refusée (demandeur prévenu)",
  late_supplement: "Remboursement payé en retard : complément dû (approbateurs prévenus)",
};

/** « approbateur commercial et approbateur comptable ». */
export function awaitedRoles(roles: readonly ApproverRole[]): string {
  return roles.map((r) => inSentence(ROLE_LABELS[r])).join(" et ");
}

function scheduleLines(schedule: RefundNoticeInput["schedule"]): string[] {
  if (schedule.length === 0) return ["Échéancier : rien à verser au client."];
  return [
    "Échéancier :",
    ...schedule.map((i) => `  ${i.n}/${schedule.length} le ${frenchDate(i.dueDate)} : ${frenchAmount(i.amount)}`),
  ];
}

/** The facts every notice carries: the deposit, the credit note, what is owed in all, the schedule. */
function facts(n: RefundNoticeInput): string[] {
  return [
    `Client : ${n.customerName}`,
    ...(n.depositNumber ? [`Acompte : facture ${n.depositNumber}`] : []),
    `Motif : ${n.reasonLabel}`,
    ...(n.creditNoteGross !== null
      ? [`Avoir${n.creditNoteNumber ? ` ${n.creditNoteNumber}` : ""} (TTC) : ${frenchAmount(n.creditNoteGross)}`]
      : []),
    ...n.compensation.map((c) => `${c.label} (hors TVA) : ${frenchAmount(c.amount)}`),
    `${TOTAL_OWED_LABEL} : ${frenchAmount(n.totalOwed)}`,
    ...scheduleLines(n.schedule),
    ...(n.comment ? [`Commentaire du demandeur : ${n.comment}`] : []),
  ];
}

function opening(n: RefundNoticeInput): string {
  const what = `La demande de remboursement ${n.requestRef}${n.depositNumber ? ` (acompte ${n.depositNumber})` : ""}`;
  switch (n.step) {
    case "submitted":
      return `${n.requestedBy} a demandé le ${frenchDate(n.day)} un remboursement qui attend votre approbation (${awaitedRoles(n.awaiting)}).`;
    case "approved_step":
      return `${what} a été approuvée par ${n.decidedBy} le ${frenchDate(n.day)} ; elle attend encore votre approbation (${awaitedRoles(n.awaiting)}).`;
    case "approved":
      return n.creditNoteNumber
        ? `${what} a été approuvée le ${frenchDate(n.day)} par ${n.decidedBy} : l'avoir ${n.creditNoteNumber} est émis.`
        : `${what} a été approuvée le ${frenchDate(n.day)} par ${n.decidedBy}.`;
    case "rejected":
      return `${what} a été refusée le ${frenchDate(n.day)} par ${n.decidedBy}.`;
    case "late_supplement": {
      const s = n.supplement!;
      return `${what}, que vous avez approuvée, a été payée le ${frenchDate(s.paidOn)} (échéance ${s.paidInstalment}), plus tard que prévu : la loi accorde au client un complément de ${frenchAmount(s.total)}, ajouté à l'échéancier (échéance ${s.instalment}, à verser dès maintenant).`;
    }
  }
}

function supplementLines(n: RefundNoticeInput): string[] {
  if (!n.supplement) return [];
  return [
    "Complément dû (hors TVA) :",
    ...n.supplement.lines.map((l) => `  ${l.label} (${l.legalBasis}) : ${frenchAmount(l.amount)}`),
  ];
}

function closing(n: RefundNoticeInput): string[] {
  switch (n.step) {
    case "submitted":
    case "approved_step":
      return ["Approuvez-la ou refusez-la depuis l'onglet « À approuver » du module Acompte de Google Sheets."];
    case "approved":
      return n.schedule.length > 0
        ? ["La comptabilité enregistre chaque versement à son échéance ; l'onglet « Suivi » montre où il en est."]
        : [];
    case "rejected":
      return [
        `Motif du refus : ${n.rejectionReason ?? "—"}`,
        "Le montant redevient remboursable sur l'acompte ; vous pouvez faire une nouvelle demande.",
      ];
    case "late_supplement":
      return [
        "Le complément est passé en charge au compte du client ; la comptabilité enregistre son versement depuis l'onglet « Suivi ».",
      ];
  }
}

/** The notice of a step, or null when nobody is to be told (no approver holds an awaited role). */
export function refundNotice(n: RefundNoticeInput): Reminder | null {
  const toApprovers = n.step === "submitted" || n.step === "approved_step" || n.step === "late_supplement";
  const to = toApprovers ? [...n.approvers].sort() : [n.requestedBy];
  if (to.length === 0) return null;
  const text = [
    "Bonjour,",
    "",
    opening(n),
    "",
    ...facts(n),
    ...supplementLines(n),
    "",
    ...closing(n),
    ...(closing(n).length > 0 ? [""] : []),
    `${n.companyName || "Acompte"} – Acompte`,
  ].join("\n");
  // Each approval, and each late payment, is told once: its own identity in the outbox.
  const target =
    n.step === "approved_step"
      ? `refund/${n.requestId}/${n.step}/${n.approvalCount}`
      : n.step === "late_supplement"
        ? `refund/${n.requestId}/${n.step}/${n.supplement!.paidInstalment}`
        : `refund/${n.requestId}/${n.step}`;
  return {
    companyId: n.companyId,
    rule: "refund-notice",
    level: 0,
    target,
    day: n.day,
    to,
    // The requester follows the refund too, in copy of a late payment's notice.
    cc: n.step === "late_supplement" && !to.includes(n.requestedBy) ? [n.requestedBy] : [],
    subject: `Demande de remboursement ${n.requestRef} ${SUBJECT[n.step]} – ${n.customerName} – ${frenchAmount(n.supplement?.total ?? n.totalOwed)}`,
    text,
    summary: SUMMARY[n.step],
  };
}
