import { CalendarDate, minDate, monthOf } from "../dates/calendar-date";
import { parseInput } from "../validation/field-errors";
import { vatDueInputSchema } from "../validation/deposit-schema";
import { SupplyKind } from "./deposit-kind";

/** The input of vatDueDate: what is supplied, when it was invoiced and cashed, the company's VAT options. */
export interface VatDueInput {
  supplyKind: SupplyKind;
  invoiceDate: CalendarDate;
  /** When the deposit was cashed; absent while it is unpaid. */
  cashedDate?: CalendarDate;
  /** The company opted to pay VAT on debits (services only, CGI art. 269-2-c). */
  vatOnDebits?: boolean;
  /** False when no VAT is due on the deposit (arrhes under the company's "no VAT on receipt" setting). */
  vatApplies?: boolean;
}

/** When the VAT on a deposit becomes due, and the return period it belongs to. */
export interface VatDue {
  /** cashing, invoicing, or none (no VAT on this deposit). */
  basis: "cashing" | "invoicing" | "none";
  /** The day VAT becomes due; null while it waits for a payment. */
  date: CalendarDate | null;
  /** The month (`YYYY-MM`) of the VAT return it belongs to, for a monthly filer. */
  period: string | null;
}

/**
 * When the VAT on a deposit becomes due. Goods (since 1 January 2023) and
 * services: when the deposit is cashed, on the amount cashed (CGI art.
 * 269-2-a and c). Services under the option for debits: at invoicing, or at
 * cashing if that comes first.
 *
 * @example
 * vatDueDate({ supplyKind: "services", invoiceDate: "2026-01-28", cashedDate: "2026-02-03" });
 * // → { basis: "cashing", date: "2026-02-03", period: "2026-02" }
 * vatDueDate({ supplyKind: "services", invoiceDate: "2026-01-28", cashedDate: "2026-02-03", vatOnDebits: true });
 * // → { basis: "invoicing", date: "2026-01-28", period: "2026-01" }
 */
export function vatDueDate(rawInput: VatDueInput): VatDue {
  const input = parseInput(vatDueInputSchema, rawInput);
  if (input.vatApplies === false) return { basis: "none", date: null, period: null };
  if (input.supplyKind === "services" && input.vatOnDebits) {
    const date = input.cashedDate ? minDate(input.invoiceDate, input.cashedDate) : input.invoiceDate;
    const basis = input.cashedDate && input.cashedDate < input.invoiceDate ? "cashing" : "invoicing";
    return { basis, date, period: monthOf(date) };
  }
  const date = input.cashedDate ?? null;
  return { basis: "cashing", date, period: date ? monthOf(date) : null };
}
