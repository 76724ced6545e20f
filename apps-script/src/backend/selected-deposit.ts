/** Reads which deposit the user selected and resolves it through the API. */
import type { Deposit } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import type { DepositSelection, SelectedRow } from "../interfaces/sidebar-context";
import { callApi } from "./api-client";
import { DEPOSITS_SHEET, depositIdFromRow } from "./deposit-row";

const HEADER_ROW = 1;

export function selectedDepositId(): { depositId?: string; row?: number; problem?: string } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const range = spreadsheet.getActiveRange();
  if (sheet.getName() !== DEPOSITS_SHEET || !range) {
    return { problem: `Sélectionnez la ligne d'un acompte dans la feuille « ${DEPOSITS_SHEET} ».` };
  }
  const row = range.getRow();
  if (row <= HEADER_ROW) {
    return { problem: "Sélectionnez une ligne d'acompte, pas la ligne d'en-tête." };
  }
  const width = sheet.getLastColumn();
  if (width < 1) return { problem: `La feuille « ${DEPOSITS_SHEET} » est vide.` };
  const headers = sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0];
  const values = sheet.getRange(row, 1, 1, width).getValues()[0];
  const reading = depositIdFromRow(headers, values);
  return reading.ok ? { depositId: reading.depositId, row } : { problem: reading.problem, row };
}

/** The selected row only, read from the sheet without calling the functions: cheap enough to poll. */
export function getSelectedRow(): CallResult<SelectedRow> {
  const picked = selectedDepositId();
  return { ok: true, data: { row: picked.row ?? null, depositId: picked.depositId ?? null } };
}

export function getSelectedDeposit(): CallResult<DepositSelection> {
  const picked = selectedDepositId();
  if (!picked.depositId) return { ok: true, data: { deposit: null, row: picked.row, problem: picked.problem } };
  const deposit = callApi<Deposit>({ method: "get", path: `/deposits/${encodeURIComponent(picked.depositId)}` });
  if (!deposit.ok) {
    if (deposit.error.status === 404) {
      return { ok: true, data: { deposit: null, row: picked.row, problem: deposit.error.message } };
    }
    return deposit;
  }
  return { ok: true, data: { deposit: deposit.data, row: picked.row } };
}
