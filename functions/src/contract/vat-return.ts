import type { VatReturn } from "../domain/vat-return/vat-return";

/**
 * `GET …/vat-return?period=2026-Q1` (or `?month=2026-03`): the CA3 figures
 * of the period, per rate and per source with the documents behind each,
 * equal to the period's 44571 movements (docs/vat-return.md). A mismatch is
 * refused (422 VAT_LEDGER_MISMATCH) with the documents at fault.
 */
export type VatReturnAnswer = VatReturn;

/** `POST …/sheets/vat-return`: what the menu « Déclaration de TVA » wrote into the `TVA` sheet. */
export interface VatSheetAnswer {
  spreadsheetId: string;
  sheet: "TVA";
  rows: number;
  /** « 1er trimestre 2026 ». */
  period: string;
  /** Net VAT collected of the period (= the 44571 movement), decimal string. */
  vat: string;
  /** Points to verify before filing, in French. */
  warnings: string[];
}
