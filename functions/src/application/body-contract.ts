/**
 * Compile-time check that the bodies of the wire contract (what the add-on
 * sends, functions/src/contract/bodies.ts) are accepted by the functions'
 * schemas: a schema that stops accepting one fails `npm run typecheck` here.
 */
import type { z } from "zod";
import type {
  BankEntryMatchBody,
  BankEntryUnmatchBody,
  InstalmentPaidBody,
  InsuranceClaimBody,
  InvoiceDunningBody,
  LegalRatesBody,
  PenaltyClaimBody,
  RefundProposal,
  RejectBody,
} from "../contract";
import type { insuranceClaimBodySchema } from "../workflow/bodies/insurance-claim-body";
import type { penaltyClaimBodySchema } from "../workflow/bodies/penalty-claim-body";
import type { instalmentPaidBodySchema, refundBodySchema, rejectBodySchema } from "../workflow/bodies/refund-body";
import type { invoiceDunningBodySchema } from "../workflow/set-invoice-dunning-body";
import type { legalRatesBodySchema } from "../workflow/bodies/legal-rates-body";
import type { bankMatchBodySchema, bankUnmatchBodySchema } from "../workflow/bodies/bank-entry-body";

type Accepts<Schema extends z.ZodType, Body extends z.input<Schema>> = [Schema, Body];

export type BodyContract = [
  Accepts<typeof refundBodySchema, RefundProposal>,
  Accepts<typeof rejectBodySchema, RejectBody>,
  Accepts<typeof instalmentPaidBodySchema, InstalmentPaidBody>,
  Accepts<typeof invoiceDunningBodySchema, InvoiceDunningBody>,
  Accepts<typeof legalRatesBodySchema, LegalRatesBody>,
  Accepts<typeof penaltyClaimBodySchema, PenaltyClaimBody>,
  Accepts<typeof bankMatchBodySchema, BankEntryMatchBody>,
  Accepts<typeof bankUnmatchBodySchema, BankEntryUnmatchBody>,
  Accepts<typeof insuranceClaimBodySchema, InsuranceClaimBody>,
];
