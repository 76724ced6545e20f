import type { InvoiceDunning, InvoiceRecorded, PaymentRecorded, PenaltyInvoiceRecorded } from "../../contract";
import { claimPenalties } from "../../workflow/claim-penalties";
import { finalInvoiceBodySchema } from "../../workflow/bodies/final-invoice-body";
import { penaltyClaimBodySchema } from "../../workflow/bodies/penalty-claim-body";
import { paymentBodySchema } from "../../workflow/bodies/payment-body";
import { issueFinalInvoice } from "../../workflow/issue-final-invoice";
import { recordExternalInvoice } from "../../workflow/record-external-invoice";
import { externalInvoiceBodySchema } from "../../workflow/record-external-invoice-body";
import { recordPayment } from "../../workflow/record-payment";
import { setInvoiceDunning } from "../../workflow/set-invoice-dunning";
import { invoiceDunningBodySchema } from "../../workflow/set-invoice-dunning-body";
import { defineChange } from "../command";

// These answer the recorded document as the command returns it; the contract types name the fields clients rely on.

export const finalInvoiceCommand = defineChange({
  name: "invoice.issue_final",
  summary: "Issues the final invoice of an order, deducting its deposits.",
  roles: ["accounting_approver"],
  body: finalInvoiceBodySchema,
  status: 201,
  answer: "InvoiceRecorded",
  handler: (uow, access, body) => issueFinalInvoice(uow, access, body),
  present: (invoice) => invoice satisfies InvoiceRecorded,
});

export const recordExternalInvoiceCommand = defineChange({
  name: "invoice.record_external",
  summary: "Records an invoice another tool issued (the sheet import's `Factures` rows).",
  roles: ["accounting_approver"],
  body: externalInvoiceBodySchema,
  status: 201,
  answer: "InvoiceRecorded",
  handler: (uow, access, body) => recordExternalInvoice(uow, access, body),
  present: (invoice) => invoice satisfies InvoiceRecorded,
});

export const claimPenaltiesCommand = defineChange({
  name: "invoice.claim_penalties",
  summary:
    "Invoices the late-payment penalties (L441-10) and, once per invoice, the €40 indemnity (D441-5) of a late B2B invoice: a penalty invoice without VAT, posted D411 / C7631 / C7588.",
  roles: ["admin", "accounting_approver"],
  body: penaltyClaimBodySchema,
  status: 201,
  answer: "PenaltyInvoiceRecorded",
  handler: (uow, access, body, { params }) => claimPenalties(uow, access, params.invoiceId, body),
  present: (invoice) => invoice satisfies PenaltyInvoiceRecorded,
});

export const setInvoiceDunningCommand = defineChange({
  name: "invoice.set_dunning",
  summary: "Marks an invoice disputed or promised to pay (pauses its reminders), or clears it.",
  roles: ["accounting_approver"],
  body: invoiceDunningBodySchema,
  status: 200,
  answer: "InvoiceDunning",
  handler: (uow, access, body, { params }) => setInvoiceDunning(uow, access, params.invoiceId, body),
  present: (answer): InvoiceDunning => answer,
});

export const recordPaymentCommand = defineChange({
  name: "payment.record",
  summary: "Records a customer payment and matches it to invoices (lettrage); an excess becomes a customer credit.",
  roles: ["accounting_approver"],
  body: paymentBodySchema,
  status: 201,
  answer: "PaymentRecorded",
  handler: (uow, access, body) => recordPayment(uow, access, body),
  present: (payment) => payment satisfies PaymentRecorded,
});
