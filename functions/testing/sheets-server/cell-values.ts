/**
 * How Sheets turns what a client sends into a cell (RAW vs USER_ENTERED) and
 * a cell back into what values.get returns (FORMATTED_VALUE,
 * UNFORMATTED_VALUE, FORMULA). Parsing and formatting follow the
 * spreadsheet locale (fr_FR: decimal comma, narrow no-break space between
 * thousands, dd/mm/yyyy, VRAI/FAUX; en_US: the US forms).
 */
import type { CellData, CellFormat, ExtendedValue, NumberFormat } from "./model";

export type InputOption = "RAW" | "USER_ENTERED";
export type RenderOption = "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA";
export type DateRenderOption = "SERIAL_NUMBER" | "FORMATTED_STRING";
export type JsonValue = string | number | boolean | null;

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
const THIN_SPACE = "\u202f";

export function dateToSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS;
}

function serialToDate(serial: number): Date {
  return new Date(EPOCH + Math.round(serial * DAY_MS));
}

const isFrench = (locale: string) => locale.toLowerCase().startsWith("fr");

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** What USER_ENTERED makes of a string typed by a person. */
function parseTyped(text: string, locale: string): { value: ExtendedValue; format?: NumberFormat } | null {
  if (text === "") return null;
  if (text.startsWith("'")) return { value: { stringValue: text.slice(1) } };
  if (text.startsWith("=") && text.length > 1) return { value: { formulaValue: text } };
  const fr = isFrench(locale);
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE" || (fr && upper === "VRAI")) return { value: { boolValue: true } };
  if (upper === "FALSE" || (fr && upper === "FAUX")) return { value: { boolValue: false } };
  const t = text.trim();
  const number = fr
    ? /^([+-]?)((?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?)(%?)$/.exec(t)
    : /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(%?)$/.exec(t);
  if (number) {
    const digits = fr ? number[2].replace(/[ \u00a0\u202f]/g, "").replace(",", ".") : number[2].replace(/,/g, "");
    let n = Number(digits) * (number[1] === "-" ? -1 : 1);
    if (number[3] === "%") return { value: { numberValue: n / 100 }, format: { type: "PERCENT", pattern: "0%" } };
    if (Object.is(n, -0)) n = 0;
    return { value: { numberValue: n } };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso && validDate(+iso[1], +iso[2], +iso[3])) {
    return {
      value: { numberValue: dateToSerial(+iso[1], +iso[2], +iso[3]) },
      format: { type: "DATE", pattern: "yyyy-mm-dd" },
    };
  }
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (slash) {
    const [d, m] = fr ? [+slash[1], +slash[2]] : [+slash[2], +slash[1]];
    if (validDate(+slash[3], m, d)) {
      return {
        value: { numberValue: dateToSerial(+slash[3], m, d) },
        format: { type: "DATE", pattern: fr ? "dd/mm/yyyy" : "M/d/yyyy" },
      };
    }
  }
  return { value: { stringValue: text } };
}

/**
 * The cell a write produces, or null for "clear the value". `previous`
 * keeps the cell's format: writing values never drops formatting, and a
 * date typed into an unformatted cell gets a date format like in Sheets.
 */
export function cellFromInput(
  input: JsonValue,
  option: InputOption,
  locale: string,
  previous: CellData | null,
): CellData | null {
  let parsed: { value: ExtendedValue; format?: NumberFormat } | null;
  if (typeof input === "number") parsed = { value: { numberValue: input } };
  else if (typeof input === "boolean") parsed = { value: { boolValue: input } };
  else if (input === null || input === "") parsed = null;
  // RAW, and anything typed into a plain-text cell (format TEXT, "@"), is stored as typed.
  else if (option === "RAW" || previous?.userEnteredFormat?.numberFormat?.type === "TEXT")
    parsed = { value: { stringValue: String(input) } };
  else parsed = parseTyped(String(input), locale);
  const format: CellFormat | undefined =
    parsed?.format && !previous?.userEnteredFormat?.numberFormat
      ? { ...(previous?.userEnteredFormat ?? {}), numberFormat: parsed.format }
      : previous?.userEnteredFormat;
  if (!parsed && !format) return null;
  return { ...(parsed ? { userEnteredValue: parsed.value } : {}), ...(format ? { userEnteredFormat: format } : {}) };
}

/** Sheets computes formulas; this server computes only the few forms tests need and says so for the rest. */
export function evaluate(value: ExtendedValue | undefined): ExtendedValue | undefined {
  if (!value?.formulaValue) return value;
  const body = value.formulaValue.slice(1).trim();
  const literal = /^"((?:[^"]|"")*)"$/.exec(body);
  if (literal) return { stringValue: literal[1].replace(/""/g, '"') };
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return { numberValue: Number(body) };
  const link = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[;,]\s*"((?:[^"]|"")*)"\s*)?\)$/i.exec(body);
  if (link) return { stringValue: (link[2] ?? link[1]).replace(/""/g, '"') };
  return { errorValue: { type: "NAME", message: "Formula not supported by the local Sheets server" } };
}

function groupThousands(int: string, separator: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function formatNumber(n: number, pattern: string | undefined, locale: string): string {
  const fr = isFrench(locale);
  const decimalSep = fr ? "," : ".";
  const groupSep = fr ? THIN_SPACE : ",";
  if (!pattern) {
    const text = String(Math.round(n * 1e10) / 1e10);
    return fr ? text.replace(".", ",") : text;
  }
  // Literal parts: "text", \x and [$€-40C] currency tokens.
  const literal = (p: string) =>
    p
      .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, "$1")
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1");
  const core = /[#0][#0,]*(\.[0#]+)?%?/.exec(pattern.replace(/"[^"]*"/g, (m) => "\u0000".repeat(m.length)));
  if (!core) return literal(pattern);
  const spec = core[0];
  const decimals = core[1] ? core[1].length - 1 : 0;
  const percent = spec.endsWith("%");
  const value = percent ? n * 100 : n;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const grouped = spec.includes(",") ? groupThousands(int, groupSep) : int;
  const body =
    (value < 0 && Number(fixed) !== 0 ? "-" : "") +
    grouped +
    (frac ? decimalSep + frac : "") +
    (percent ? (fr ? THIN_SPACE + "%" : "%") : "");
  return literal(pattern.slice(0, core.index)) + body + literal(pattern.slice(core.index + spec.length));
}

function formatDate(serial: number, pattern: string | undefined, type: string, locale: string): string {
  const fr = isFrench(locale);
  const p =
    pattern ??
    (type === "DATE_TIME" ? (fr ? "dd/mm/yyyy hh:mm:ss" : "M/d/yyyy H:mm:ss") : fr ? "dd/mm/yyyy" : "M/d/yyyy");
  const d = serialToDate(serial);
  const two = (x: number) => String(x).padStart(2, "0");
  const hasTime = /h/i.test(p);
  return p.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss|s|M/g, (token, offset: number) => {
    const before = p.slice(0, offset);
    const minuteContext = hasTime && /h+[^dmy]*$/i.test(before);
    switch (token) {
      case "yyyy":
        return String(d.getUTCFullYear());
      case "yy":
        return two(d.getUTCFullYear() % 100);
      case "mm":
        return minuteContext ? two(d.getUTCMinutes()) : two(d.getUTCMonth() + 1);
      case "m":
      case "M":
        return minuteContext ? String(d.getUTCMinutes()) : String(d.getUTCMonth() + 1);
      case "dd":
        return two(d.getUTCDate());
      case "d":
        return String(d.getUTCDate());
      case "hh":
        return two(d.getUTCHours());
      case "h":
        return String(d.getUTCHours());
      case "ss":
        return two(d.getUTCSeconds());
      default:
        return String(d.getUTCSeconds());
    }
  });
}

export function formattedValue(cell: CellData | null, locale: string): string | undefined {
  const value = evaluate(cell?.userEnteredValue);
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined)
    return isFrench(locale) ? (value.boolValue ? "VRAI" : "FAUX") : value.boolValue ? "TRUE" : "FALSE";
  if (value.errorValue) return `#${value.errorValue.type}?`;
  const n = value.numberValue as number;
  const format = cell?.userEnteredFormat?.numberFormat;
  if (format && (format.type === "DATE" || format.type === "DATE_TIME" || format.type === "TIME"))
    return formatDate(n, format.pattern, format.type, locale);
  return formatNumber(n, format?.type === "TEXT" ? undefined : format?.pattern, locale);
}

/** One cell as values.get returns it; undefined for an empty cell. */
export function renderCell(
  cell: CellData | null,
  render: RenderOption,
  dates: DateRenderOption,
  locale: string,
): JsonValue | undefined {
  const entered = cell?.userEnteredValue;
  if (!entered) return undefined;
  if (render === "FORMATTED_VALUE") return formattedValue(cell, locale);
  if (render === "FORMULA" && entered.formulaValue) return entered.formulaValue;
  const value = evaluate(entered) as ExtendedValue;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.errorValue) return `#${value.errorValue.type}?`;
  const type = cell?.userEnteredFormat?.numberFormat?.type;
  if (dates === "FORMATTED_STRING" && (type === "DATE" || type === "DATE_TIME" || type === "TIME"))
    return formattedValue(cell, locale);
  return value.numberValue as number;
}
