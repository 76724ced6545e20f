/**
 * The French wording check (issue #12): what a person reads never shows an
 * amount with an English decimal point, an ISO date, a field's JSON path or
 * a code of the label table instead of its label. Returns the problems found
 * in `text`, empty when it reads well.
 */
import {
  CUSTOMER_KIND_LABELS,
  DEPOSIT_STATUS_LABELS,
  INVOICE_TYPE_LABELS,
  REFUND_REASON_LABELS,
  REFUND_STATUS_LABELS,
  ROLE_LABELS,
  SUPPLY_KIND_LABELS,
} from "../../functions/src/domain";

/** Codes that are not French words: seen in a text, a code leaked instead of its label. */
const ENUM_CODES = [
  ...Object.keys(REFUND_STATUS_LABELS),
  ...Object.keys(REFUND_REASON_LABELS),
  ...Object.keys(ROLE_LABELS),
  ...Object.keys(DEPOSIT_STATUS_LABELS),
  ...Object.keys(INVOICE_TYPE_LABELS),
  ...Object.keys(CUSTOMER_KIND_LABELS),
  ...Object.keys(SUPPLY_KIND_LABELS).filter((code) => code !== "services"),
  // Kinds of a refund's scope and schedule (refund-schema.ts, schedule-schema.ts).
  "full",
  "lines",
  "amount",
  "single",
  "equal",
  "percentages",
];

export function wordingProblems(text: string): string[] {
  // E-mail addresses and document numbers are names, not words: left out of the scan.
  const scanned = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "<e-mail>");
  const problems: string[] = [];
  for (const m of scanned.matchAll(/\d\.\d/g))
    problems.push(`English decimal point near « ${around(scanned, m.index)} »`);
  for (const m of scanned.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) problems.push(`ISO date « ${m[0]} »`);
  for (const m of scanned.matchAll(/\b[a-z]+(\.(\d+|[a-z]\w*))+\b/gi))
    if (!/^(ex|etc|art|n)\.$/i.test(m[0])) problems.push(`field path « ${m[0]} »`);
  for (const m of scanned.matchAll(/\b[a-z]+[A-Z]\w*\b/g)) problems.push(`code identifier « ${m[0]} »`);
  for (const code of ENUM_CODES)
    if (new RegExp(`(^|[^\\w-])${code}($|[^\\w-])`).test(scanned)) problems.push(`untranslated code « ${code} »`);
  return problems;
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 12), index + 12);
}
