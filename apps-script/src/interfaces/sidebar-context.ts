import type { Deposit, Me } from "./api";

/** The deposit row the user selected in `Acomptes`, resolved through the API. */
export interface DepositSelection {
  deposit: Deposit | null;
  /** Row number in the sheet, when a row was selected. */
  row?: number;
  /** French explanation when no deposit could be taken from the selection. */
  problem?: string;
}

/** Where the selection is in `Acomptes`, before asking the functions about it. */
export interface SelectedRow {
  row: number | null;
  depositId: string | null;
  /** The query of GET …/customers/advice for the customer and order typed in a row not recorded yet. */
  adviceQuery: string | null;
  /** Why there is no advice for the selected row (French); null when there is, or no row is selected. */
  adviceProblem: string | null;
  /** The selected `Factures` row (« Sinistre assurance-crédit »); null while another sheet is active. */
  invoice: SelectedInvoiceRow | null;
}

/** Where the selection is in `Factures`, before asking the functions about the invoice. */
export interface SelectedInvoiceRow {
  row: number | null;
  invoiceId: string | null;
  /** French explanation when no invoice could be taken from the selection (header row, a row without id). */
  problem: string | null;
}

export interface SidebarContext {
  me: Me;
  companyId: string;
  selection: DepositSelection;
}
