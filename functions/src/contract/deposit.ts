import type { CustomerKind, DepositKind, DepositStatus, SupplyKind } from "./enums";
import type { Totals } from "../domain/vat/vat-breakdown";
import type { CustomerAdvice } from "./customer";
import type { RefundSummary } from "./refund";

/** Net, VAT and gross at one rate, as stored on a document (the domain's `AmountsByRate` with its rate as a string). */
export interface AmountsByRate {
  vatRate: string;
  net: string;
  vat: string;
  gross: string;
}

export type { Totals } from "../domain/vat/vat-breakdown";

export interface Customer {
  name: string;
  kind: CustomerKind;
  siren?: string;
  email?: string;
  address?: string;
  vatNumber?: string;
}

/** A deposit (its invoice's number and date, amounts, balance, refunds): `POST …/deposits`, `GET …/deposits[/{id}]`. */
export interface Deposit {
  id: string;
  /** The deposit invoice's number and date. */
  number: string;
  date: string;
  cashedDate: string;
  orderRef: string;
  customer: Customer;
  kind: DepositKind;
  supplyKind: SupplyKind;
  lines: AmountsByRate[];
  total: Totals;
  vatDue: { basis: string; date: string | null; period: string | null };
  status: DepositStatus;
  /** The status as a person reads it: « Avoir émis », « Remboursement en cours (1/3 payée) », « Remboursé »… */
  statusLabel: string;
  refundableBalance: string;
  /**
   * Net, VAT and gross still refundable at each rate: the deposit less its
   * credit notes and the requests awaiting approval among `refunds` (what a
   * refund by VAT rate may still take).
   */
  refundableLines: AmountsByRate[];
  creditNotes: { id: string; number: string; date: string }[];
  /** The final invoice the deposit was applied to. */
  appliedBy: { invoiceId: string; number: string } | null;
  /** Its refund requests (empty in the answer of `POST …/deposits` and in lists). */
  refunds: RefundSummary[];
  /** Only in the answer of `POST …/deposits`: the customer's class, the recommended terms and the limit warning. */
  advice?: CustomerAdvice;
}
