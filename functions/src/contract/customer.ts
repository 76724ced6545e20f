import type { CustomerKind } from "./enums";

/** A contact of a customer record (for invoices, for dunning). */
export interface CustomerContact {
  name?: string;
  email?: string;
  phone?: string;
}

/** `GET …/customers/{id}` and the answer of every customer change: one record (issue #16). Money as decimal strings. */
export interface CustomerRecord {
  id: string;
  name: string;
  kind: CustomerKind;
  siren: string | null;
  vatNumber: string | null;
  email: string | null;
  billingAddress: string | null;
  deliveryAddress: string | null;
  invoiceContact: CustomerContact | null;
  dunningContact: CustomerContact | null;
  /** Null: the company's terms. */
  paymentTermsDays: number | null;
  /** Null: no limit. */
  creditLimit: string | null;
  iban: string | null;
  bic: string | null;
  insurance: { insurer: string; limit: string; grantedOn: string } | null;
  factoring: { status: "none" | "assigned"; factor: string | null } | null;
  segment: string | null;
  /** Written by the payment profile; null until it has been computed. */
  riskClass: "A" | "B" | "C" | "D" | null;
  /** Every customerKey that resolves to this record (the first gave its id). */
  keys: string[];
  /** Set once this record was merged into another (read-only from then on). */
  mergedInto: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** `GET …/customers`: one page, by id; `next` is the `?after=` of the next page (null: the last page). */
export interface CustomerList {
  customers: CustomerRecord[];
  next: string | null;
}

/** `POST …/customers/{id}/merge`: the duplicate (now `mergedInto`) and the record kept. */
export interface CustomerMerge {
  duplicate: CustomerRecord;
  record: CustomerRecord;
}

/** `POST …/customers/sync`: what the run created and linked. */
export interface CustomerSync {
  /** Ids of the records created. */
  created: string[];
  /** Keys linked to records that already existed. */
  linked: number;
  /** Records that look like one customer (their keys group together): candidates for a merge. */
  possibleDuplicates: { ids: string[] }[];
  /** Customers found in the deposits, invoices, payments and credits. */
  customers: number;
}

/**
 * `GET …/customers/advice`, and `advice` in the answer of `POST …/deposits`:
 * what the company's deposit policy recommends for the customer's class and
 * the warning when the order takes its exposure past a limit (issue #16).
 * French sentences ready to show; money as decimal strings.
 */
export interface CustomerAdvice {
  /** Null: no record yet (a new customer: its first deposit creates one). */
  customerId: string | null;
  customerName: string | null;
  /** The stored profile's class; null: no profile yet (the terms are then class B's, said so in `message`). */
  riskClass: "A" | "B" | "C" | "D" | null;
  /** The day the stored profile was computed; null without one. */
  profileAsOf: string | null;
  /** The stored profile's exposure (open receivables + orders in progress − deposits held); null without one. */
  exposure: string | null;
  /** The record's limits today; null: none. */
  creditLimit: string | null;
  insuredLimit: string | null;
  /** What the order adds to the exposure: its gross less the deposit cashed on it. */
  orderAmount: string;
  /** The policy's terms for the class (class B's without a profile). */
  recommendation: {
    riskClass: "A" | "B" | "C" | "D";
    depositPercent: string;
    paymentTermsDays: number;
    beforeProduction: boolean;
    message: string;
  };
  /** The limit warning (French), null when no limit is passed or without a profile. */
  warning: string | null;
  /** The stored profile's reasons (French), empty without one. */
  reasons: string[];
  /** The recommendation then the warning, as one French text. */
  message: string;
}

/**
 * A customer's standing from its stored risk profile, as the refund
 * approvers' card shows it (`PendingApproval.customerStanding`).
 */
export interface CustomerStanding {
  customerId: string;
  /** Null: no profile computed yet. */
  riskClass: "A" | "B" | "C" | "D" | null;
  profileAsOf: string | null;
  /** Open receivables + orders in progress − deposits held, at `profileAsOf`; null without a profile. */
  exposure: string | null;
  /** The record's limits today; null: none. */
  creditLimit: string | null;
  insuredLimit: string | null;
  /** The exposure is strictly above the limit (false without a profile or a limit). */
  overCreditLimit: boolean;
  overInsuredLimit: boolean;
  /** The profile's reasons (French), empty without one. */
  reasons: string[];
}
/** A customer's risk profile as of a day (docs/customers-risk.md); money as decimal strings, reasons in French. */
export interface CustomerRiskProfile {
  asOf: string;
  /** Weighted days late over 12 months, one decimal ("12.4"). */
  weightedDaysLate: string;
  trend: { recent: string; previous: string; worsening: boolean };
  /** Share of the invoices paid late over 12 months ("0.25"). */
  lateShare: string;
  overdueAmount: string;
  maxDunningLevel: 0 | 1 | 2 | 3;
  brokenPromises: number;
  brokenPromiseInvoices: { invoiceId: string; number: string; promiseUntil: string; openAmount: string }[];
  disputes: number;
  /** Open receivables + orders in progress − deposits held. */
  exposure: string;
  creditLimit: string | null;
  insuredLimit: string | null;
  overCreditLimit: boolean;
  overInsuredLimit: boolean;
  riskClass: "A" | "B" | "C" | "D";
  reasons: string[];
}

/** `GET …/customers/{id}/profiles`: the profiles kept (a change of class or reasons), the latest first. */
export interface CustomerProfileHistory {
  customerId: string;
  profiles: (CustomerRiskProfile & { previousClass: "A" | "B" | "C" | "D" | null; recordedAt: string | null })[];
  /** The next page's `before` (null: the last page). */
  next: string | null;
}

/** `POST …/customers/profiles/refresh`: what the refresh of the stale profiles did. */
export interface CustomerProfileRefresh {
  asOf: string;
  /** Customers whose profile was recomputed. */
  refreshed: number;
  /** Customer documents read (only the stale ones). */
  customersRead: number;
  historyAppended: number;
  /** Weak signals put in the outbox for sales and accounting. */
  signalsQueued: number;
  /** Customers left to the next refresh, with the French reason. */
  failed: { customerId: string; reason: string }[];
}
