import { daysBetween } from "../dates/calendar-date";
import { Money, ZERO, formatMoney, money } from "../money/money";
import { parseInput } from "../validation/field-errors";
import { AgedBalanceInput, agedBalanceInputSchema } from "../validation/receivables-schema";

/** The columns of an aged balance: not due, 1–30, 31–60, 61–90, more than 90 days past due. */
export const AGE_BUCKETS = ["notDue", "days1to30", "days31to60", "days61to90", "over90"] as const;
/** One of AGE_BUCKETS. */
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** French column headers, in bucket order. */
export const AGE_BUCKET_LABELS: Record<AgeBucket, string> = {
  notDue: "Non échu",
  days1to30: "1 à 30 jours",
  days31to60: "31 à 60 jours",
  days61to90: "61 à 90 jours",
  over90: "Plus de 90 jours",
};

/** One row of an aged balance (a customer's, or the total): an amount per bucket, credits apart. */
export type AgedAmounts = Record<AgeBucket, string> & {
  /** Invoices still open, all buckets. */
  total: string;
  /** Credit notes and payments not yet matched to an invoice, shown apart. */
  unallocatedCredits: string;
  /** total − unallocatedCredits. */
  net: string;
};

/** agedBalance's answer: one row per customer (sorted by name) and the total. */
export interface AgedBalance {
  asOf: string;
  rows: ({ customer: string } & AgedAmounts)[];
  total: AgedAmounts;
}

/**
 * The bucket of an amount `daysPastDue` days past due (as-of date − due
 * date); 0 or less is not due. AGE_BUCKET_LABELS gives the French headers.
 *
 * @example
 * ageBucket(45); // → "days31to60"
 * ageBucket(0); // → "notDue"
 */
export function ageBucket(daysPastDue: number): AgeBucket {
  if (daysPastDue <= 0) return "notDue";
  if (daysPastDue <= 30) return "days1to30";
  if (daysPastDue <= 60) return "days31to60";
  if (daysPastDue <= 90) return "days61to90";
  return "over90";
}

type Accumulator = Record<AgeBucket | "credits", Money>;

function empty(): Accumulator {
  return { notDue: ZERO, days1to30: ZERO, days31to60: ZERO, days61to90: ZERO, over90: ZERO, credits: ZERO };
}

function format(acc: Accumulator): AgedAmounts {
  const total = AGE_BUCKETS.reduce((sum, b) => sum.plus(acc[b]), ZERO);
  const buckets = Object.fromEntries(AGE_BUCKETS.map((b) => [b, formatMoney(acc[b])])) as Record<AgeBucket, string>;
  return {
    ...buckets,
    total: formatMoney(total),
    unallocatedCredits: formatMoney(acc.credits),
    net: formatMoney(total.minus(acc.credits)),
  };
}

/**
 * The aged balance (balance âgée) as of a date: open invoices per customer
 * in buckets not due, 1–30, 31–60, 61–90, > 90 days past due, unallocated
 * credits apart. Customers sorted by name.
 *
 * @example
 * agedBalance({
 *   asOf: "2026-03-31",
 *   items: [{ customer: "Dupont", reference: "FA1", kind: "invoice", dueDate: "2026-02-15", amount: "1200.00" }],
 * });
 * // → { asOf: "2026-03-31",
 * //     rows: [{ customer: "Dupont", notDue: "0.00", days1to30: "0.00", days31to60: "1200.00", days61to90: "0.00",
 * //              over90: "0.00", total: "1200.00", unallocatedCredits: "0.00", net: "1200.00" }],
 * //     total: { …, days31to60: "1200.00", total: "1200.00", net: "1200.00" } }
 */
export function agedBalance(rawInput: AgedBalanceInput): AgedBalance {
  const input = parseInput(agedBalanceInputSchema, rawInput);
  const byCustomer = new Map<string, Accumulator>();
  const total = empty();
  for (const item of input.items) {
    const acc = byCustomer.get(item.customer) ?? empty();
    byCustomer.set(item.customer, acc);
    const key = item.kind === "credit" ? "credits" : ageBucket(daysBetween(item.dueDate, input.asOf));
    acc[key] = acc[key].plus(money(item.amount));
    total[key] = total[key].plus(money(item.amount));
  }
  const rows = [...byCustomer.entries()]
    .sort(([a], [b]) => a.localeCompare(b, "fr"))
    .map(([customer, acc]) => ({ customer, ...format(acc) }));
  return { asOf: input.asOf, rows, total: format(total) };
}
