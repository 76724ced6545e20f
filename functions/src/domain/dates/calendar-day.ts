/** Calendar days as `YYYY-MM-DD` strings (UTC), the unit every reminder delay is counted in. */
const DAY_MS = 86_400_000;

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return toDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** b − a in whole days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** `15/01/2026`, how French documents write dates. */
export function frenchDate(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/**
 * The latest occurrence ≤ today of a reminder that starts on `first` and
 * repeats every `every` days (0: never repeats); null before `first`.
 * Deriving the occurrence from the documents keeps reruns on the same id.
 */
export function latestOccurrence(first: string, every: number, today: string): string | null {
  const elapsed = daysBetween(first, today);
  if (elapsed < 0) return null;
  if (every <= 0) return first;
  return addDays(first, elapsed - (elapsed % every));
}

/** Today in Paris, where the finance team's calendar days begin and end. */
export function parisDay(instant: Date): string {
  return PARIS_DATE.format(instant);
}

// Built once: an Intl formatter costs far more to build than to use.
const PARIS_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
