/**
 * Request bodies the add-on sends. The functions' schemas (workflow/bodies/)
 * are the truth; application/body-contract.ts fails to compile if one of
 * these stops being accepted by its schema.
 */
import type { InsuranceClaimStatus, RefundReason } from "./enums";

/** What is refunded: all of it, an amount (gross), or a net amount per VAT rate. */
export type RefundScope =
  { kind: "full" } | { kind: "amount"; amount: string } | { kind: "lines"; lines: { vatRate: string; net: string }[] };

export type ScheduleProposal =
  | { kind: "single"; date: string }
  | { kind: "equal"; count: number; firstDate: string; intervalMonths: number }
  | { kind: "dates"; instalments: { dueDate: string; amount: string }[] };

/** Body of `POST …/refunds/quote` and `POST …/refunds` (for a deposit). */
export interface RefundProposal {
  depositId: string;
  scope: RefundScope;
  reason: RefundReason;
  schedule: ScheduleProposal;
  comment?: string;
  /** B2C: the day the consumer terminated or withdrew (the refund is due 14 days later). */
  terminationDate?: string;
  /** The beneficiary's account, when the refund is paid by SEPA transfer (« Préparer les virements »). */
  iban?: string;
  bic?: string;
}

/** Body of `POST …/refunds/{id}/reject`. */
export interface RejectBody {
  reason: string;
}

/** Body of `POST …/refunds/{id}/instalments/{n}/pay`: the day paid, today if omitted. */
export interface InstalmentPaidBody {
  paidOn?: string;
}

/** Body of `POST …/legal-rates`: one half-year of legal rates, in % a year, with where they come from. */
export interface LegalRatesBody {
  /** First day of the half-year: `YYYY-01-01` or `YYYY-07-01`. */
  halfYear: string;
  consumer: string;
  professional: string;
  ecb: string;
  source: string;
}

/** Body of `POST …/invoices/{id}/penalties`: `claimIndemnity` false leaves the €40 indemnity out (claimed when absent). */
export interface PenaltyClaimBody {
  claimIndemnity?: boolean;
}

/** Body of `POST …/invoices/{id}/dunning`: `promiseUntil` omitted keeps the current promise, null ends it. */
export interface InvoiceDunningBody {
  disputed: boolean;
  disputeReason?: string;
  promiseUntil?: string | null;
}

/**
 * Body of `POST …/invoices/{id}/insurance-claim`: one step of the invoice's
 * credit-insurance claim, its day (`YYYY-MM-DD`), the insurer's reference and
 * the amount (declared, or for `indemnified` the indemnity received, required).
 */
export interface InsuranceClaimBody {
  status: InsuranceClaimStatus;
  on: string;
  reference?: string;
  amount?: string;
}
