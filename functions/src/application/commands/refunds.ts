import { z } from "zod";
import { REFUND_LIST_FILTERS, type PendingApproval, type Quote, type RefundReason } from "../../contract";
import { badRequest } from "../../errors/api-error";
import { DEPOSITS, REFUNDS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import { AWAITING_APPROVAL, mayApprove, schemas } from "../../domain";
import type { RefundDoc } from "../../model/refund";
import { customerKey } from "../../model/amounts";
import { recordsOfKeys } from "../../workflow/customer-advice";
import { approveRefund } from "../../workflow/approve-refund";
import {
  emptyBodySchema,
  instalmentPaidBodySchema,
  refundBodySchema,
  rejectBodySchema,
} from "../../workflow/bodies/refund-body";
import { cancelRefund, rejectRefund } from "../../workflow/close-refund";
import { actorOf, lifecycleState, loadRefund } from "../../workflow/load-refund";
import { payInstalment } from "../../workflow/pay-instalment";
import { quoteForSource } from "../../workflow/quote-for-source";
import { DEFAULT_PAGE, listRefunds, MAX_PAGE } from "../../workflow/list-refunds";
import { requestRefund } from "../../workflow/request-refund";
import { defineChange, defineRead } from "../command";
import { pageLimit } from "../page-limit";
import { parseBody, parseQuery } from "../parse-body";
import { presentCustomerStanding } from "../presenters/customer";
import { isoInstant } from "../presenters/iso-instant";
import { refundAsStored, refundAsWritten } from "../presenters/refund";

export const quoteRefundCommand = defineRead({
  name: "refund.quote",
  summary: "The engine's quote of a proposed refund (the sidebar's live preview); nothing is stored.",
  roles: [],
  body: refundBodySchema,
  answer: "Quote",
  handler: async (_access, reader, { body, today }) => {
    const quote: Quote = (await quoteForSource(reader, parseBody(refundBodySchema, body), today)).quote;
    return { status: 200, body: quote };
  },
});

export const requestRefundCommand = defineChange({
  name: "refund.request",
  summary: "Asks for a refund of a deposit (or of a customer credit); the approval circuit starts.",
  roles: ["requester"],
  body: refundBodySchema,
  status: 201,
  answer: "Refund",
  handler: (uow, access, body) => requestRefund(uow, access, body),
  // Answered from what was written: a read after the writes is impossible in the transaction and extra reads slow it.
  present: (written, uow) => refundAsWritten(uow, written, { instalmentsStored: false }),
});

export const approveRefundCommand = defineChange({
  name: "refund.approve",
  summary: "Approves a request; the final approval issues the credit note and the instalments.",
  roles: ["sales_approver", "accounting_approver"],
  body: emptyBodySchema,
  status: 200,
  answer: "Refund",
  handler: (uow, access, _body, { params }) => approveRefund(uow, access, params.refundId),
  // Instalments exist only from the final approval, which creates them.
  present: (written, uow) => refundAsWritten(uow, written, { instalmentsStored: false }),
});

export const rejectRefundCommand = defineChange({
  name: "refund.reject",
  summary: "Rejects a request still awaiting approval, with a reason.",
  roles: ["sales_approver", "accounting_approver"],
  body: rejectBodySchema,
  status: 200,
  answer: "Refund",
  handler: (uow, access, { reason }, { params }) => rejectRefund(uow, access, params.refundId, reason),
  present: (written, uow) => refundAsWritten(uow, written, { instalmentsStored: false }),
});

export const cancelRefundCommand = defineChange({
  name: "refund.cancel",
  summary: "Cancels one's own request (or, as admin, any) while it awaits approval.",
  roles: ["requester", "admin"],
  body: emptyBodySchema,
  status: 200,
  answer: "Refund",
  handler: (uow, access, _body, { params }) => cancelRefund(uow, access, params.refundId),
  present: (written, uow) => refundAsWritten(uow, written, { instalmentsStored: false }),
});

export const payInstalmentCommand = defineChange({
  name: "refund.pay_instalment",
  summary: "Records that instalment `n` was paid (bank journal entry); the last one makes the refund `refunded`.",
  roles: ["accounting_approver"],
  body: instalmentPaidBodySchema,
  status: 200,
  answer: "Refund",
  input: ({ params, body }) => {
    const n = Number(params.n);
    if (!Number.isInteger(n) || n < 1)
      throw badRequest("Numéro d'échéance invalide (entier à partir de 1).", [
        { path: "n", message: "Numéro d'échéance : entier à partir de 1." },
      ]);
    return { n, ...parseBody(instalmentPaidBodySchema, body) };
  },
  handler: (uow, access, { n, paidOn }, { params }) =>
    payInstalment(uow, access, params.refundId, n, paidOn ?? uow.today),
  present: (written, uow) => refundAsWritten(uow, written, { instalmentsStored: true }),
});

export const getRefundCommand = defineRead({
  name: "refund.get",
  summary: "A request with its schedule and full history.",
  roles: [],
  answer: "RefundDetail",
  handler: async (_access, reader, { params }) => {
    const { doc } = await loadRefund(reader, params.refundId);
    return { status: 200, body: await refundAsStored(reader, params.refundId, doc) };
  },
});

/** Other parameters (a cache-buster…) are ignored, as a query string's are. */
const listQuerySchema = z.object({
  filter: z.enum(REFUND_LIST_FILTERS, { error: `doit valoir ${REFUND_LIST_FILTERS.join(", ")}` }).default("all"),
  q: schemas.text({ error: "doit être un texte", max: 100, tooLong: "100 caractères au plus" }).optional(),
  after: schemas.documentNumber.optional(),
  limit: pageLimit(DEFAULT_PAGE, MAX_PAGE),
});

export const listRefundsCommand = defineRead({
  name: "refund.list",
  summary:
    "The requests, newest number first, one page at a time: `?filter=` all, mine, approved_unpaid or late; `?q=` a customer's name or a request, deposit invoice, credit-note or order number; `?after=` the previous page's `next`; with the total left to pay.",
  roles: [],
  query: listQuerySchema,
  answer: "RefundList",
  handler: async (access, reader, { db, query, today }) => {
    const { filter, q, after, limit } = parseQuery(listQuerySchema, query);
    const body = await listRefunds(db, reader, { filter, q, after, limit, actor: access.email, today });
    return { status: 200, body };
  },
});

/** Requests the caller can approve now: an awaited role they hold, not their own, not already approved by them. */
export const pendingApprovalsCommand = defineRead({
  name: "approval.pending",
  summary: "The requests the caller can approve now, oldest first.",
  roles: ["sales_approver", "accounting_approver"],
  answer: "PendingApproval[]",
  handler: async (access, reader) => {
    const waiting = await reader.query<RefundDoc>(
      reader.collection(REFUNDS).where("status", "in", [...AWAITING_APPROVAL]),
    );
    // The lifecycle's rule: an awaited role they hold, not their own request, not already approved by them.
    const mine = waiting.filter(({ data }) => mayApprove(lifecycleState(data), actorOf(access)));
    const deposits = await reader.getAll<DepositDoc>(
      mine.map((r) => reader.collection(DEPOSITS).doc(r.data.depositId ?? "-")),
    );
    // Requests made before the key was stored find it on their deposit.
    const customers = await recordsOfKeys(
      reader,
      mine.map((r, i) => r.data.customerKey ?? (deposits[i] ? customerKey(deposits[i].customer) : null)),
    );
    const body: PendingApproval[] = mine
      .map(({ id, data }, i) => ({
        id,
        number: data.number,
        depositId: data.depositId,
        depositNumber: deposits[i]?.invoiceNumber ?? null,
        customerName: data.customerName,
        requestedBy: data.requestedBy,
        createdAt: data.createdAt.toDate().toISOString(),
        reason: data.proposal.reason as RefundReason,
        total: data.quote.total,
        vat: data.quote.creditNote.total.vat,
        awaiting: data.awaiting,
        comment: data.proposal.comment ?? null,
        creditNoteGross: data.proposal.source.kind === "deposit" ? data.quote.creditNote.total.gross : null,
        compensation: data.quote.compensation
          .filter((c) => c.direction === "payable")
          .map((c) => ({ label: c.label, amount: c.amount })),
        balanceBefore: data.quote.balanceBefore.total.gross,
        balanceAfter: data.quote.balanceAfter.total.gross,
        schedule: data.quote.schedule.map((i) => ({ n: i.n, dueDate: i.dueDate, amount: i.amount })),
        approvals: data.approvals.map((a) => ({ role: a.role, by: a.by, at: isoInstant(a.at) })),
        customerStanding: presentCustomerStanding(customers[i]),
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { status: 200, body };
  },
});
