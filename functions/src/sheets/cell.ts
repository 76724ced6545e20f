/**
 * A cell as the row mappers describe it, and the JSON value written for it.
 * Every write goes with valueInputOption RAW: text is stored as typed (a
 * customer called `=HYPERLINK(…)`, `+1`, `-1` or `@x` stays text, never a
 * formula or a number), amounts and dates as numbers that the column's
 * number format displays (`# ##0,00 €`, `dd/mm/yyyy`).
 */
export type Cell =
  | { t: "text"; v: string | null }
  | { t: "money"; v: string | null }
  | { t: "date"; v: string | null }
  /** An instant (ISO 8601), shown as Paris wall-clock time. */
  | { t: "datetime"; v: string | null }
  | { t: "int"; v: number | null }
  | { t: "percent"; v: string | null };

export type RawValue = string | number;

export const text = (v: string | null | undefined): Cell => ({ t: "text", v: v ?? null });
export const money = (v: string | null | undefined): Cell => ({ t: "money", v: v ?? null });
export const date = (v: string | null | undefined): Cell => ({ t: "date", v: v ?? null });
export const datetime = (v: string | null | undefined): Cell => ({ t: "datetime", v: v ?? null });
export const int = (v: number | null | undefined): Cell => ({ t: "int", v: v ?? null });
export const percent = (v: string | null | undefined): Cell => ({ t: "percent", v: v ?? null });

const DAY_MS = 86_400_000;
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);

/** `YYYY-MM-DD` → the Sheets date serial (days since 30/12/1899). */
export function dateSerial(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - SHEETS_EPOCH) / DAY_MS;
}

const FIRST_DAY_MS = Date.UTC(1900, 0, 1);
const LAST_DAY_MS = Date.UTC(9999, 11, 31);

/**
 * A Sheets date serial → `YYYY-MM-DD`: its whole part is the day, the
 * fraction the time (15/01/2026 17:00 is 46037.71, still the 15th). Null
 * for a number that is no day of years 1900–9999 (a person's 1e12 in a date
 * column), which `new Date` could not even print.
 */
export function serialToDay(serial: number): string | null {
  const ms = SHEETS_EPOCH + Math.floor(serial) * DAY_MS;
  if (!(ms >= FIRST_DAY_MS && ms <= LAST_DAY_MS)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

const PARIS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant → the serial of its Paris wall-clock time (a sheet's date-times have no zone). */
export function instantSerial(iso: string): number {
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return (wall - SHEETS_EPOCH) / DAY_MS;
}

export function rawValue(cell: Cell): RawValue {
  if (cell.v === null) return "";
  switch (cell.t) {
    case "text":
      return cell.v;
    case "money":
      // A sheet cell is a double: the decimal string's exact cents are its closest double.
      return Number(cell.v);
    case "percent":
      return Number(cell.v) / 100;
    case "date":
      return dateSerial(cell.v);
    case "datetime":
      return instantSerial(cell.v);
    case "int":
      return cell.v;
  }
}
