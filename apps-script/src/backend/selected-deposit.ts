/** Reads which deposit the user selected and resolves it through the API. */
import type { Deposit } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import type { DepositSelection, SelectedRow } from "../interfaces/sidebar-context";
import { callApi } from "./api-client";
import { DEPOSITS_SHEET, depositIdFromRow } from "./deposit-row";
import { adviceQueryOfRow, type AdviceReading } from "./advice-row";
import { readSelectedRow } from "./selected-row";
import { selectedInvoiceRow } from "./selected-invoice";

/** Reading only: a selection of several rows shows the first one. */
export function selectedDepositId(): { depositId?: string; row?: number; problem?: string; advice?: AdviceReading } {
  const selected = readSelectedRow({ sheet: DEPOSITS_SHEET, aRow: "la ligne d'un acompte" });
  if (!selected.ok) return { problem: selected.problem };
  const reading = depositIdFromRow(selected.headers, selected.values);
  const advice = adviceQueryOfRow(selected.headers, selected.values);
  return reading.ok
    ? { depositId: reading.depositId, row: selected.row, advice }
    : { problem: reading.problem, row: selected.row, advice };
}

/**
 * The selected row only, read from the sheet without calling the functions:
 * cheap enough to poll. A row being typed also gives the query of its
 * « Conseil client », so the advice follows what is typed; a `Factures` row
 * gives the invoice of the « Sinistre assurance-crédit » panel.
 */
export function getSelectedRow(): CallResult<SelectedRow> {
  const picked = selectedDepositId();
  return {
    ok: true,
    data: {
      row: picked.row ?? null,
      depositId: picked.depositId ?? null,
      adviceQuery: picked.advice?.ok ? picked.advice.query : null,
      adviceProblem: picked.advice && !picked.advice.ok ? picked.advice.problem : null,
      invoice: selectedInvoiceRow(),
    },
  };
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
