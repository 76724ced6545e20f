import { FieldPath } from "@google-cloud/firestore";
import { z } from "zod";
import type {
  InsuranceClaimList,
  InsuranceClaimState,
  InvoiceInsuranceClaim,
  InvoiceInsuranceClaimDetail,
} from "../../contract";
import { INSURANCE_CLAIM_STATUSES, insuranceClaimSummary } from "../../domain";
import { notFound } from "../../errors/api-error";
import { INVOICES } from "../../model/collections";
import { invoiceCopies, type InvoiceDoc, type StoredInsuranceClaim } from "../../model/invoice";
import { insuranceClaimBodySchema } from "../../workflow/bodies/insurance-claim-body";
import { setInsuranceClaim } from "../../workflow/set-insurance-claim";
import { defineChange, defineRead } from "../command";
import { pageLimit } from "../page-limit";
import { parseQuery } from "../parse-body";

/** Who follows claims with the insurer: accounting, and admins. */
const CLAIM_ROLES = ["admin", "accounting_approver"] as const;

export const setInsuranceClaimCommand = defineChange({
  name: "invoice.set_insurance_claim",
  summary:
    "Records a step of the invoice's credit-insurance claim: declared (stops the declaration reminder), then indemnified or refused, then closed; the same step again changes nothing, a step out of order is refused (409 INVALID_STATE).",
  roles: CLAIM_ROLES,
  body: insuranceClaimBodySchema,
  status: 200,
  answer: "InvoiceInsuranceClaim",
  handler: (uow, _access, body, { params }) => setInsuranceClaim(uow, params.invoiceId, body),
  present: (answer): InvoiceInsuranceClaim => answer,
});

/** The claim as the wire shows it: without who stored it last (the audit events say). */
const claimState = ({ status, declaredOn, reference, steps }: StoredInsuranceClaim): InsuranceClaimState => ({
  status,
  declaredOn,
  reference,
  steps,
});

export const getInsuranceClaimCommand = defineRead({
  name: "invoice.get_insurance_claim",
  summary:
    "The invoice's credit-insurance claim (null before any declaration) with what a step needs: the invoice's number, customer, total (the cap of a claim's amount), due date and open amount.",
  roles: CLAIM_ROLES,
  answer: "InvoiceInsuranceClaimDetail",
  handler: async (_access, reader, { params }) => {
    const invoice = await reader.get<InvoiceDoc>(reader.collection(INVOICES).doc(params.invoiceId));
    if (!invoice) throw notFound(`Facture introuvable : ${params.invoiceId}.`);
    const { number, gross, dueDate } = invoiceCopies(invoice.content);
    const claim = invoice.insuranceClaim;
    const body: InvoiceInsuranceClaimDetail = {
      id: params.invoiceId,
      number,
      customer: invoice.content.customer.name,
      gross,
      dueDate,
      openAmount: invoice.openAmount,
      insuranceClaim: claim ? claimState(claim) : null,
      summary: claim ? insuranceClaimSummary(claim) : null,
    };
    return { status: 200, body };
  },
});

const CLAIM_PAGE = 50;
const CLAIM_PAGE_MAX = 500;
/** Other parameters (a cache-buster…) are ignored, as a query string's are. */
const listQuerySchema = z.object({
  status: z
    .enum(INSURANCE_CLAIM_STATUSES, {
      error: "doit valoir declared (déclarée), indemnified (indemnisée), refused (refusée) ou closed (clôturée)",
    })
    .optional(),
  after: z
    .string({ error: "doit être un identifiant de facture" })
    .regex(/^[\w-]{1,128}$/, { message: "doit être un identifiant de facture" })
    .optional(),
  limit: pageLimit(CLAIM_PAGE, CLAIM_PAGE_MAX),
});

export const listInsuranceClaimsCommand = defineRead({
  name: "invoice.list_insurance_claims",
  summary:
    "The invoices with a credit-insurance claim (`?status=` one step only, e.g. `declared` for the claims awaiting the insurer), by invoice id, one page at a time (`?limit=`, default 50, at most 500; `?after=` the previous page's `next`).",
  roles: CLAIM_ROLES,
  query: listQuerySchema,
  answer: "InsuranceClaimList",
  handler: async (_access, reader, { query }) => {
    const { status, after, limit } = parseQuery(listQuerySchema, query);
    let page = reader
      .collection(INVOICES)
      .where("insuranceClaim.status", "in", status ? [status] : [...INSURANCE_CLAIM_STATUSES])
      .orderBy(FieldPath.documentId());
    if (after) page = page.startAfter(after);
    const docs = await reader.query<InvoiceDoc>(page.limit(limit + 1));
    const shown = docs.slice(0, limit);
    const body: InsuranceClaimList = {
      claims: shown.map(({ id, data }) => {
        const { number, dueDate } = invoiceCopies(data.content);
        return {
          id,
          number,
          customer: data.content.customer.name,
          dueDate,
          openAmount: data.openAmount,
          insuranceClaim: claimState(data.insuranceClaim!),
        };
      }),
      next: docs.length > limit ? shown[shown.length - 1].id : null,
    };
    return { status: 200, body };
  },
});
