/** Money is always a decimal string with two decimals ("3600.00"); rates are "20", "10", "5.5", "2.1", "0". */
export type MoneyString = string;
/** A calendar date `YYYY-MM-DD` (Europe/Paris) for business dates; instants are Firestore Timestamps. */
export type DateString = string;

export interface RateLine {
  vatRate: string;
  net: MoneyString;
  vat: MoneyString;
  gross: MoneyString;
}

export interface Totals {
  net: MoneyString;
  vat: MoneyString;
  gross: MoneyString;
}

/** The parties and their identification as printed on invoices and credit notes. */
export interface Customer {
  name: string;
  kind: "b2b" | "b2c";
  /** 9 digits, required for companies (b2b). */
  siren?: string;
  email?: string;
  address?: string;
  /** Intra-EU VAT number (FR + key + SIREN for a French company), where the customer has one. */
  vatNumber?: string;
}

/** Stable key of a customer for matching invoices and payments: SIREN for companies, e-mail or name for consumers. */
export function customerKey(c: Pick<Customer, "siren" | "email" | "name">): string {
  if (c.siren) return `siren:${c.siren}`;
  return c.email ? `email:${c.email.toLowerCase()}` : `name:${c.name.trim().toLowerCase()}`;
}
