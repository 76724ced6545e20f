import { addDays, endOfMonth, minDate } from "../domain/dates/calendar-date";
import type { CompanySettings } from "../model/company";

/** The legal cap of Code de commerce L441-10: 60 days from the invoice date (45 days end of month when so agreed). */
const MAX_DAYS = 60;

/**
 * Due date of a final invoice from the payment terms, never beyond the
 * legal caps: N days (≤ 60) from the invoice date, or "45 jours fin de
 * mois" read as the end of the month in which the 45th day falls.
 */
export function invoiceDueDate(invoiceDate: string, terms: CompanySettings["paymentTerms"]): string {
  if (terms.kind === "endOfMonth45") return endOfMonth(addDays(invoiceDate, 45));
  return minDate(addDays(invoiceDate, Math.max(0, terms.days)), addDays(invoiceDate, MAX_DAYS));
}
