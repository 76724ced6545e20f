import { createHash } from "node:crypto";
import type { Timestamp } from "@google-cloud/firestore";
import type { FactoringStatus, RiskClass, RiskProfile } from "../domain";
import type { Customer, DateString, MoneyString } from "./amounts";

export interface CustomerContact {
  name?: string;
  email?: string;
  phone?: string;
}

/**
 * companies/{c}/customers/{customerId}: one customer's record (issue #16).
 * Invoices keep the customer they were issued to (sealed, with its
 * `customerKey`); the record says who that key is today. Its id comes from
 * its first key, so two transactions creating the same customer conflict
 * and Firestore retries one, which then finds the record.
 */
export interface CustomerDoc {
  id: string;
  name: string;
  kind: "b2b" | "b2c";
  siren?: string;
  vatNumber?: string;
  email?: string;
  billingAddress?: string;
  deliveryAddress?: string;
  invoiceContact?: CustomerContact;
  dunningContact?: CustomerContact;
  /** The customer's agreed terms; absent = the company's. */
  paymentTermsDays?: number;
  /** Absent = none. */
  creditLimit?: MoneyString;
  /** Where refunds go, when known. */
  iban?: string;
  bic?: string;
  /** Credit-insurance cover. */
  insurance?: { insurer: string; limit: MoneyString; grantedOn: DateString };
  /** "assigned": the customer's invoices go to the factor. */
  factoring?: { status: FactoringStatus; factor?: string };
  segment?: string;
  /** Written by the payment profile (issue #16, slice 3); never by a person. */
  riskClass?: "A" | "B" | "C" | "D";
  /**
   * The latest risk profile (domain/customers/risk-profile.ts), written only
   * by the profile refresh with `riskClass`; absent until the first refresh.
   */
  profile?: RiskProfile;
  /** Set by a command that changed what the profile reads (a payment, an invoice, a dispute…); cleared by the refresh. */
  profileStale?: boolean;
  /** How many times a command marked it: each mark changes the record, which the refresh's conditioned commit detects. */
  profileMarks?: number;
  /** Every customerKey that resolves here; the first is the id's. */
  keys: string[];
  /** Set on a duplicate once merged into another record: read-only from then on. */
  mergedInto?: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/**
 * companies/{c}/customers/{id}/profiles/{asOf}: the customer's risk profile
 * as the refresh computed it that day, appended when its class or one of its
 * reasons changed — so a change can be shown with what it changed from.
 */
export interface CustomerProfileDoc {
  profile: RiskProfile;
  /** The class before this profile (null: the first profile). */
  previousClass: RiskClass | null;
  recordedAt: Timestamp;
}

/** The field the history is ordered by: the day a profile holds, which is also its document id. */
export const PROFILE_DAY = "profile.asOf";

/** companies/{c}/customerKeys/{customerKeyDocId(key)}: the alias index, one document per key. */
export interface CustomerKeyDoc {
  customerKey: string;
  customerId: string;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The id of the record first created for `key`: `CLI-` and 16 hex digits of its SHA-256. */
export function customerIdOf(key: string): string {
  return `CLI-${sha256(key).slice(0, 16)}`;
}

/** The alias document's id: a key holds an e-mail or a name, which a document id may not carry as is. */
export function customerKeyDocId(key: string): string {
  return sha256(key);
}

/** The record a customer copied into a document starts as. */
export function customerRecordOf(customer: Customer, keys: string[], at: Timestamp): CustomerDoc {
  const id = customerIdOf(keys[0]);
  return {
    id,
    name: customer.name,
    kind: customer.kind,
    ...(customer.siren ? { siren: customer.siren } : {}),
    ...(customer.vatNumber ? { vatNumber: customer.vatNumber } : {}),
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.address ? { billingAddress: customer.address } : {}),
    keys,
    createdAt: at,
    updatedAt: at,
  };
}
