/**
 * Shapes of the functions' HTTP API (docs/api.md) as the add-on uses
 * them. Amounts are decimal strings ("3600.00"), dates `YYYY-MM-DD`. Fields the
 * add-on does not read are left out on purpose: the sidebar tolerates extra ones.
 */

export type Role = "requester" | "sales_approver" | "accounting_approver" | "admin";

export interface Me {
  email: string;
  roles: Role[];
}

export interface AmountsByRate {
  vatRate: string;
  net: string;
  vat: string;
  gross: string;
}

export interface RefundSummary {
  id: string;
  status: RefundStatus;
  total?: string;
  createdAt?: string;
  requestedBy?: string;
}

export interface Deposit {
  id: string;
  /** The deposit invoice's number and date. */
  invoiceNumber?: string;
  invoiceDate?: string;
  number?: string;
  date?: string;
  status?: string;
  orderRef?: string;
  customer?: { name?: string; siren?: string; kind?: "b2b" | "b2c" | string };
  kind?: string;
  lines?: AmountsByRate[];
  total?: { net: string; vat: string; gross: string };
  refundableBalance?: string;
  refunds?: RefundSummary[];
}

export type RefundStatus =
  "submitted" | "sales_approved" | "accounting_approved" | "approved" | "rejected" | "cancelled" | "refunded" | string;

export type RefundReason =
  | "customer_cancels"
  | "seller_cancels"
  | "non_delivery"
  | "overpayment"
  | "duplicate_payment"
  | "commercial_gesture"
  | "consumer_withdrawal";

/** What is refunded: all of it, an amount (gross), or a net amount per VAT rate. */
export type RefundScope =
  { kind: "full" } | { kind: "amount"; amount: string } | { kind: "lines"; lines: { vatRate: string; net: string }[] };

export type ScheduleProposal =
  | { kind: "single"; date: string }
  | { kind: "equal"; count: number; firstDate: string; intervalMonths: number }
  | { kind: "dates"; instalments: { dueDate: string; amount: string }[] };

/** Body of `POST …/refunds/quote` and `POST …/refunds`. */
export interface RefundProposal {
  depositId: string;
  scope: RefundScope;
  reason: RefundReason;
  schedule: ScheduleProposal;
  comment?: string;
  /** B2C: the day the consumer terminated or withdrew (the refund is due 14 days later). */
  terminationDate?: string;
}

export interface Instalment {
  n: number;
  dueDate: string;
  amount: string;
  paidAt?: string | null;
}

export interface Quote {
  reasonLabel?: string;
  /** What the law gives back for this reason, in French, and its legal basis. */
  entitlement?: { explanation?: string; legalBasis?: string; forfeited?: boolean; doubled?: boolean };
  creditNote: {
    lines: AmountsByRate[];
    total: { net: string; vat: string; gross: string };
    /** The deposit invoice the credit note cites, e.g. "FA-2026-000042 du 15/01/2026". */
    cites?: { number: string; date: string; reference: string };
  };
  /** Amounts without VAT: `payable` to the customer, or `kept` by the seller. */
  compensation?: { label: string; amount: string; direction?: "payable" | "kept"; legalBasis?: string }[];
  balanceAfter?: { total: { net: string; vat: string; gross: string } };
  warnings?: string[];
  settlement?: {
    paidOut: string;
    offset?: { invoiceNumber: string; amount: string }[];
    keptAsCredit?: string;
  };
  schedule?: Instalment[];
  total?: string;
}

export interface RefundEvent {
  at: string;
  by?: string;
  type: string;
  reason?: string;
  before?: string;
  after?: string;
}

export interface Refund {
  id: string;
  depositId: string;
  status: RefundStatus;
  reason?: RefundReason;
  comment?: string;
  requestedBy?: string;
  createdAt?: string;
  quote?: Quote;
  approvals?: { role: string; by: string; at: string }[];
  creditNote?: { number: string; date: string } | null;
  schedule?: Instalment[];
  history?: RefundEvent[];
  rejection?: { by: string; at: string; reason: string } | null;
  deposit?: { number?: string; customerName?: string };
}

export interface PendingApproval {
  id: string;
  depositId?: string;
  depositNumber?: string;
  customerName?: string;
  requestedBy?: string;
  createdAt?: string;
  reason?: RefundReason;
  total?: string;
  vat?: string;
  awaiting?: string[];
}

export interface AuditVerification {
  ok: boolean;
  chains?: { series: string; count: number; ok: boolean }[];
  firstBroken?: { series?: string; id?: string; number?: string } | null;
  /** Every finding, each a French sentence naming the document and what is wrong. */
  findings?: { problem: string }[];
  findingsTotal?: number;
  /** The anchors (« empreintes ») the chains were compared with. */
  anchors?: { date: string; source: "supplied" | "firestore" }[];
}

/** Body of `POST …/invoices/{id}/dunning`: `promiseUntil` omitted keeps the current promise, null ends it. */
export interface InvoiceDunningBody {
  disputed: boolean;
  disputeReason?: string;
  promiseUntil?: string | null;
}

/** Its answer: the invoice's collection state after the call (`changed: false` when it was already so). */
export interface InvoiceDunningAnswer {
  id: string;
  number: string;
  dueDate?: string;
  openAmount?: string;
  dunning: { disputed: boolean; disputeReason: string | null; promiseUntil: string | null; updatedBy?: string | null };
  changed: boolean;
}

/** Error body of every non-2xx answer. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}
