import type { Deposit, Me } from "./api";

/** The deposit row the user selected in `Acomptes`, resolved through the API. */
export interface DepositSelection {
  deposit: Deposit | null;
  /** Row number in the sheet, when a row was selected. */
  row?: number;
  /** French explanation when no deposit could be taken from the selection. */
  problem?: string;
}

export interface SidebarContext {
  me: Me;
  companyId: string;
  selection: DepositSelection;
}
