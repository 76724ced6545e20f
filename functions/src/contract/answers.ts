import type { Customer } from "./deposit";
import type { InsuranceClaimStatus, Role } from "./enums";

/** `GET …/me`. */
export interface Me {
  email: string;
  roles: Role[];
  companyId: string;
  companyName: string | null;
}

/** `PUT …/users/{email}`. */
export interface UserRoles {
  email: string;
  roles: Role[];
}

/** `POST …/invoices/final` and `POST …/invoices/external`: the invoice recorded (more fields in docs/api.md). */
export interface InvoiceRecorded {
  id: string;
  number: string;
  openAmount: string;
  content: { customer: Customer; number: string; date: string };
}

/** `POST …/invoices/{id}/penalties`: the penalty invoice issued (no VAT), what it claims on which invoice, and its entry. */
export interface PenaltyInvoiceRecorded extends InvoiceRecorded {
  dueDate: string;
  content: InvoiceRecorded["content"] & {
    total: { net: string; vat: string; gross: string };
    penaltyClaim: {
      /** The late invoice, by number and date. */
      number: string;
      date: string;
      dueDate: string;
      /** Penalties this invoice adds (what accrued less what earlier penalty invoices claimed). */
      penalties: string;
      /** "40.00" once per late invoice, "0.00" after. */
      indemnity: string;
      legalBasis: string;
      vatTreatment: string;
    };
  };
  journalEntry: { id: string; number: string };
}

/** `POST …/payments`: the payment recorded and how it was matched. */
export interface PaymentRecorded {
  id: string;
  customer: Customer;
  date: string;
  amount: string;
  means: string;
  /** The invoices it paid (lettrage). */
  allocations: { invoiceId: string; number: string; amount: string }[];
  /** What exceeded the invoices, kept as the customer credit `customerCreditId`. */
  unapplied: string;
  customerCreditId: string | null;
}

/** A credit-insurance claim as kept on its invoice: the current status and every step, oldest first. */
export interface InsuranceClaimState {
  status: InsuranceClaimStatus;
  declaredOn: string;
  reference: string | null;
  steps: { status: InsuranceClaimStatus; on: string; reference: string | null; amount: string | null }[];
}

/** `POST …/invoices/{id}/insurance-claim`: the invoice's credit-insurance claim after the call (`changed: false` when the step was already recorded). */
export interface InvoiceInsuranceClaim {
  id: string;
  number: string;
  dueDate: string;
  openAmount: string;
  insuranceClaim: InsuranceClaimState;
  changed: boolean;
}

/** `GET …/invoices/{id}/insurance-claim`: the invoice as a claim needs it (its total caps the amounts) and its claim, null before any declaration. */
export interface InvoiceInsuranceClaimDetail {
  id: string;
  number: string;
  customer: string;
  /** Total including VAT. */
  gross: string;
  dueDate: string;
  openAmount: string;
  insuranceClaim: InsuranceClaimState | null;
  /** The claim in one French phrase, as the `Factures` sheet's « Assurance-crédit » shows it; null without a claim. */
  summary: string | null;
}

/** `GET …/insurance-claims`: one page of the invoices with a credit-insurance claim, by invoice id; `next` is the `?after=` of the next page (null: the last page). */
export interface InsuranceClaimList {
  claims: (Omit<InvoiceInsuranceClaim, "changed"> & { customer: string })[];
  next: string | null;
}

/** `POST …/invoices/{id}/dunning`: the invoice's collection state after the call (`changed: false` when it was already so). */
export interface InvoiceDunning {
  id: string;
  number: string;
  dueDate: string;
  openAmount: string;
  dunning: { disputed: boolean; disputeReason: string | null; promiseUntil: string | null; updatedBy: string | null };
  changed: boolean;
}
