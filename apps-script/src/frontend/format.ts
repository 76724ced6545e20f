/**
 * French display of decimal-string amounts and ISO dates. Pure string work:
 * amounts never go through JS numbers, so nothing is rounded on the way.
 */
const GROUP = "\u202f";
const BEFORE_UNIT = "\u00a0";

export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(amount).trim());
  if (!match) return String(amount);
  const [, sign, whole, fraction = ""] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  const cents = (fraction + "00").slice(0, Math.max(2, fraction.length));
  return `${sign ? "−" : ""}${grouped},${cents}${BEFORE_UNIT}€`;
}

export function formatRate(rate: string | number): string {
  return `${String(rate).replace(".", ",")}${BEFORE_UNIT}%`;
}

const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A calendar date (`YYYY-MM-DD`) as is; an instant in Paris time, where the finance team works. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : PARIS_TIME.format(instant).replace(",", "");
}

/**
 * Reads an amount as typed by a French user ("1 200,50", "1200.5 €") into a
 * decimal string with two decimals, or null when it is not a positive amount
 * of at most two decimals.
 */
export function parseAmount(text: string): string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1].replace(/^0+(?=\d)/, "");
  const cents = (match[2] ?? "").padEnd(2, "0");
  if (/^0+$/.test(whole) && /^0+$/.test(cents)) return null;
  return `${whole}.${cents}`;
}

/** Today in the user's time zone as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
