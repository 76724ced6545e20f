/**
 * The life of a refund request, as pure rules: who may approve, reject,
 * cancel or record a payment, and what each step changes. The commands
 * (application layer) load the request, call these and store what they
 * return; the approvers' list and the reminders ask the same rules.
 *
 *   request ─▶ submitted ─approve─▶ sales_approved | accounting_approved ─approve─▶ approved ─pay all─▶ refunded
 *       │                         │                                    (nothing to pay out: refunded at once)
 *       └──reject / cancel────────┴──▶ rejected | cancelled
 *
 * Approval rules: below the company's threshold one accounting approval;
 * at or above it two, sales and accounting, by two different people, in
 * either order; nobody approves (or rejects) their own request.
 */
import type { LifecycleCode } from "../errors/engine-error-codes";
import { fieldProblem } from "../validation/field-errors";
import { EngineError, EngineValidationError } from "../errors/engine-error";
import { frenchDate } from "../dates/calendar-day";
import { money } from "../money/money";
import type { ApproverRole, Role } from "../roles/roles";
import { inSentence, REFUND_STATUS_LABELS, ROLE_LABELS, type RefundEventType } from "../vocabulary/labels";
import { AWAITING_APPROVAL, type RefundStatus } from "./refund-status";

/** Who acts, with their roles in the request's company. */
export interface Actor {
  email: string;
  roles: readonly Role[];
}

/** What the rules need to know of a request. */
export interface RefundState {
  status: RefundStatus;
  requestedBy: string;
  /** Roles that still have to approve; empty once approved or closed. */
  awaiting: readonly ApproverRole[];
  approvals: readonly { role: ApproverRole; by: string }[];
}

/**
 * A step the rules refuse. `kind` says whether the actor may never do it
 * (`forbidden`), the request is not in a state that allows it (`conflict`),
 * or what the step names does not exist (`notFound`, an unknown instalment).
 */
export class LifecycleRefusal extends EngineError {
  constructor(
    readonly kind: "forbidden" | "conflict" | "notFound",
    code: LifecycleCode,
    message: string,
  ) {
    super(code, message);
  }
}

const forbidden = (message: string) => new LifecycleRefusal("forbidden", "FORBIDDEN", message);
const roleList = (roles: readonly Role[]) => roles.map((r) => inSentence(ROLE_LABELS[r])).join(" et ");

/**
 * Who must approve a request: the amount compared with the threshold is the
 * larger of the credit note's gross and what is owed to the customer, so
 * compensation on top of a credit note counts too.
 */
export function requiredApprovals(creditNoteGross: string, owed: string, threshold: string): ApproverRole[] {
  const amount = money(creditNoteGross).greaterThan(money(owed)) ? money(creditNoteGross) : money(owed);
  return amount.greaterThanOrEqualTo(money(threshold))
    ? ["sales_approver", "accounting_approver"]
    : ["accounting_approver"];
}

/** What a new request starts as: `submitted`, waiting for the approvals `requiredApprovals` names. */
export function request(
  amounts: { creditNoteGross: string; owed: string },
  threshold: string,
): { status: "submitted"; awaiting: ApproverRole[]; event: RefundEventType } {
  return {
    status: "submitted",
    awaiting: requiredApprovals(amounts.creditNoteGross, amounts.owed, threshold),
    event: "refund.requested",
  };
}

/** « de » before a consonant, « d' » before a vowel: « d'approuver », « de refuser ». */
function deBefore(next: string): string {
  return /^[aeiouyéèêh]/i.test(next) ? `d'${next}` : `de ${next}`;
}

/** 409 unless the request still waits for an approval. */
export function requireAwaitingApproval(state: Pick<RefundState, "status">, action: string): void {
  if (!AWAITING_APPROVAL.includes(state.status)) {
    throw new LifecycleRefusal(
      "conflict",
      "INVALID_STATE",
      `Impossible ${deBefore(action)} : la demande est déjà ${inSentence(REFUND_STATUS_LABELS[state.status])}.`,
    );
  }
}

/** The awaited role this actor approves with now, or the reason they cannot. */
export function approvalRoleOf(state: RefundState, actor: Actor): ApproverRole {
  if (state.requestedBy === actor.email)
    throw forbidden("Vous ne pouvez pas approuver votre propre demande : un autre approbateur doit le faire.");
  requireAwaitingApproval(state, "approuver la demande");
  if (state.approvals.some((a) => a.by === actor.email))
    throw new LifecycleRefusal(
      "conflict",
      "ALREADY_APPROVED",
      "Vous avez déjà approuvé cette demande : l'autre approbation doit venir d'une autre personne.",
    );
  const role = state.awaiting.find((r) => actor.roles.includes(r));
  if (!role)
    throw forbidden(`Cette demande attend l'approbation : ${roleList(state.awaiting)} ; vous n'avez pas ce rôle.`);
  return role;
}

/** Whether this person could approve the request now (the approvers' list, the reminders). */
export function mayApprove(state: RefundState, actor: Actor): boolean {
  try {
    approvalRoleOf(state, actor);
    return true;
  } catch (error) {
    if (error instanceof LifecycleRefusal) return false;
    throw error;
  }
}

/** The members (e-mail and roles) who may give one of the awaited approvals now, sorted. */
export function pendingApprovers(state: RefundState, members: readonly Actor[]): string[] {
  return members
    .filter((m) => mayApprove(state, m))
    .map((m) => m.email)
    .sort();
}

const STEP_STATUS: Record<ApproverRole, RefundStatus> = {
  sales_approver: "sales_approved",
  accounting_approver: "accounting_approved",
};

/** What one approval changes: the role it gave, what is still awaited, the next status and its event. */
export interface Approved {
  role: ApproverRole;
  /** Roles still awaited after this approval. */
  awaiting: ApproverRole[];
  /** True when this was the last approval: the credit note, entries and schedule are issued now. */
  final: boolean;
  /** The status after this approval; for the final one, `approved` or `refunded` as `nothingToPayOut` says. */
  status: RefundStatus;
  event: RefundEventType;
}

/** One approval: by whom (never the requester, never twice the same person) and what follows. */
export function approve(state: RefundState, actor: Actor, nothingToPayOut: boolean): Approved {
  const role = approvalRoleOf(state, actor);
  const awaiting = state.awaiting.filter((r) => r !== role);
  if (awaiting.length > 0)
    return { role, awaiting, final: false, status: STEP_STATUS[role], event: "refund.approved_step" };
  return { role, awaiting, final: true, status: nothingToPayOut ? "refunded" : "approved", event: "refund.approved" };
}

/** A rejection, by an approver other than the requester (who cancels instead), while the request waits. */
export function reject(state: RefundState, actor: Actor): { status: "rejected"; event: RefundEventType } {
  if (state.requestedBy === actor.email)
    throw forbidden("Vous ne pouvez pas refuser votre propre demande : annulez-la.");
  requireAwaitingApproval(state, "refuser la demande");
  return { status: "rejected", event: "refund.rejected" };
}

/** A cancellation, by the requester or an admin, while the request waits. */
export function cancel(state: RefundState, actor: Actor): { status: "cancelled"; event: RefundEventType } {
  if (state.requestedBy !== actor.email && !actor.roles.includes("admin"))
    throw forbidden("Seul le demandeur (ou un administrateur) peut annuler cette demande.");
  requireAwaitingApproval(state, "annuler la demande");
  return { status: "cancelled", event: "refund.cancelled" };
}

/** One instalment of an approved request's schedule. */
export interface InstalmentState {
  number: number;
  paid: boolean;
  paidOn: string | null;
}

/**
 * An instalment recorded paid: only on an approved request, once, and not
 * dated before the approval nor in the future. The request is `refunded`
 * when it was the last unpaid one.
 */
export function payInstalment(
  state: Pick<RefundState, "status">,
  instalments: readonly InstalmentState[],
  n: number,
  dates: { paidOn: string; today: string; approvedOn: string | null },
): { status: RefundStatus; event: RefundEventType } {
  const field = (message: string) => new EngineValidationError([fieldProblem("paidOn", message)]);
  if (dates.paidOn > dates.today) throw field("la date est dans le futur");
  if (state.status !== "approved")
    throw new LifecycleRefusal(
      "conflict",
      "INVALID_STATE",
      `Impossible d'enregistrer un paiement : la demande est ${inSentence(REFUND_STATUS_LABELS[state.status])} (il faut qu'elle soit approuvée et pas encore remboursée).`,
    );
  const target = instalments.find((i) => i.number === n);
  if (!target) throw new LifecycleRefusal("notFound", "NOT_FOUND", `Échéance ${n} introuvable pour cette demande.`);
  if (target.paid)
    throw new LifecycleRefusal(
      "conflict",
      "ALREADY_PAID",
      `L'échéance ${n} est déjà payée${target.paidOn ? ` (le ${frenchDate(target.paidOn)})` : ""}.`,
    );
  // Money goes out once the request is approved: an earlier date is a typing error, not a payment.
  if (dates.approvedOn && dates.paidOn < dates.approvedOn)
    throw field(
      `au plus tôt le ${frenchDate(dates.approvedOn)}, jour de l'approbation (vous avez saisi le ${frenchDate(dates.paidOn)})`,
    );
  const allPaid = instalments.every((i) => i.number === n || i.paid);
  return { status: allPaid ? "refunded" : "approved", event: "instalment.paid" };
}
