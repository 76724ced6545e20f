import type { Timestamp } from "@google-cloud/firestore";

/**
 * workbooks/{spreadsheetId}: the one company a workbook is bound to.
 * Top-level, keyed by the spreadsheet, so a second company cannot bind it:
 * created once, in the transaction that adds the spreadsheet to
 * companies/{c}.spreadsheetIds, never moved. See docs/workbook-binding.md.
 */
export interface WorkbookDoc {
  companyId: string;
  boundAt: Timestamp;
  boundBy: string;
  /** How the binding was proven: a code the add-on wrote into the workbook, or an operator's tool. */
  proof: "binding_code" | "operator";
}

/**
 * companies/{c}/bindingCodes/{sha256 of the code}: a one-time code an admin
 * asked for, to bind one spreadsheet. Only the hash is stored; it is
 * consumed (usedAt) in the binding's transaction.
 */
export interface BindingCodeDoc {
  spreadsheetId: string;
  requestedBy: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  usedBy: string | null;
}
