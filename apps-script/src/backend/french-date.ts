/**
 * A date typed by a French user, `jj/mm/aaaa` (one or two digits for the day
 * and month), as the API's `YYYY-MM-DD`; null when it is not a day of the
 * calendar (31/02/2026), so that a typo is refused before any call.
 */
export function parseFrenchDate(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** What to tell a user whose date was not read; `example` is a plausible date for the field. */
export function unreadableDate(typed: string, example: string): string {
  return `Date non reconnue : « ${typed} ». Saisissez-la au format jj/mm/aaaa, par exemple ${example}.`;
}

/** `2026-12-01` → `01/12/2026`, as the dialogs show a day. */
export function frenchDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
