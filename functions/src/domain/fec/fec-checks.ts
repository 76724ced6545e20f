import Decimal from "decimal.js";
import { isValidCalendarDate } from "../dates/calendar-date";
import { frenchDate } from "../dates/calendar-day";
import { FEC_FIELDS, FEC_LINE_END, FEC_SEPARATORS, fecHeader, type FecRecord, type FecSeparator } from "./fec-format";

/** The fiscal year an FEC covers, `YYYY-MM-DD` both inclusive. */
export interface FiscalPeriod {
  start: string;
  end: string;
}

/** How many problems are listed; beyond, the list says how many more there are. */
export const MAX_LISTED_PROBLEMS = 50;

const AMOUNT = /^\d{1,13},\d{2}$/;
/** PCG account: class 1 to 8 first, then digits or capital letters (a company's own sub-accounts). */
const ACCOUNT = /^[1-8][0-9A-Z]{1,19}$/;
const CODE = /^[0-9A-Za-z]{1,20}$/;
const NUMBERED = /^(.*?)(\d+)$/;

interface OpenEntry {
  key: string;
  journal: string;
  num: string;
  date: string;
  firstLine: number;
  debit: Decimal;
  credit: Decimal;
}

/**
 * The checks the tax office's test tool (« Test Compta Demat ») applies to an
 * FEC, fed one record at a time so that a year is never held in memory:
 * every line well formed (dates, accounts, amounts, auxiliary account and
 * lettering given in full, one currency: the euro), every entry on
 * consecutive lines, dated once and balanced, every date inside the fiscal
 * year, and each journal numbered 1, 2, 3… without gaps in date order.
 * `problems()` lists what is wrong in French (empty: the file would pass).
 */
export class FecChecker {
  private readonly found: string[] = [];
  private count = 0;
  private line = 1;
  private open: OpenEntry | null = null;
  private readonly journals = new Map<string, { n: number; date: string }>();
  private finished = false;

  constructor(
    private readonly period: FiscalPeriod,
    private readonly separator: FecSeparator = FEC_SEPARATORS.pipe,
  ) {}

  /** One record, in file order (the header is line 1, the first record line 2). */
  add(record: FecRecord): void {
    this.line += 1;
    const at = `Ligne ${this.line} (écriture ${record.EcritureNum || "sans numéro"})`;
    this.checkLine(record, at);
    this.follow(record, at);
  }

  /** A line of the file as text (without its line end). */
  addText(text: string): void {
    const fields = text.split(this.separator);
    if (fields.length !== FEC_FIELDS.length) {
      this.line += 1;
      this.problem(`Ligne ${this.line} : ${fields.length} champs au lieu de ${FEC_FIELDS.length}.`);
      return;
    }
    this.add(Object.fromEntries(FEC_FIELDS.map((f, i) => [f, fields[i]])) as FecRecord);
  }

  /** The problems found, once every record has been added. */
  problems(): string[] {
    if (!this.finished) {
      this.close();
      this.finished = true;
    }
    const extra = this.count - this.found.length;
    return extra > 0 ? [...this.found, `… et ${extra} autre(s) anomalie(s).`] : [...this.found];
  }

  private problem(message: string): void {
    this.count += 1;
    if (this.found.length < MAX_LISTED_PROBLEMS) this.found.push(message);
  }

  private checkLine(r: FecRecord, at: string): void {
    if (!CODE.test(r.JournalCode)) this.problem(`${at} : code journal « ${r.JournalCode} » invalide.`);
    for (const f of ["JournalLib", "EcritureNum", "CompteLib", "PieceRef", "EcritureLib"] as const)
      if (!r[f].trim()) this.problem(`${at} : le champ ${f} est vide.`);
    for (const f of ["EcritureDate", "PieceDate", "ValidDate"] as const) this.checkDate(r[f], f, at);
    if (!ACCOUNT.test(r.CompteNum))
      this.problem(
        `${at} : numéro de compte « ${r.CompteNum} » mal formé (un chiffre de 1 à 8, puis des chiffres ou des majuscules).`,
      );
    if (!r.CompAuxNum !== !r.CompAuxLib)
      this.problem(`${at} : compte auxiliaire incomplet (numéro et libellé vont ensemble).`);
    if (!r.EcritureLet !== !r.DateLet)
      this.problem(`${at} : lettrage incomplet (lettre et date de lettrage vont ensemble).`);
    if (r.DateLet) this.checkDate(r.DateLet, "DateLet", at);
    const debit = this.amount(r.Debit, "Debit", at);
    const credit = this.amount(r.Credit, "Credit", at);
    if (debit && credit && !debit.isZero() && !credit.isZero())
      this.problem(`${at} : une même ligne porte un débit et un crédit.`);
    if (r.Idevise && r.Idevise !== "EUR")
      this.problem(`${at} : devise « ${r.Idevise} » : le fichier doit être tenu en euros, une seule devise.`);
    if (r.Montantdevise && !r.Idevise) this.problem(`${at} : montant en devise sans code devise.`);
  }

  private checkDate(value: string, field: string, at: string): void {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
    if (!m || !isValidCalendarDate(`${m[1]}-${m[2]}-${m[3]}`))
      this.problem(`${at} : ${field} « ${value} » n'est pas une date AAAAMMJJ.`);
  }

  private amount(value: string, field: string, at: string): Decimal | null {
    if (AMOUNT.test(value)) return new Decimal(value.replace(",", "."));
    this.problem(`${at} : montant ${field} « ${value} » mal formé (attendu par exemple 4320,00).`);
    return null;
  }

  private follow(r: FecRecord, at: string): void {
    const key = `${r.JournalCode}|${r.EcritureNum}`;
    if (this.open?.key !== key) {
      this.close();
      this.open = {
        key,
        journal: r.JournalCode,
        num: r.EcritureNum,
        date: r.EcritureDate,
        firstLine: this.line,
        debit: new Decimal(0),
        credit: new Decimal(0),
      };
      this.number(r, at);
    } else if (r.EcritureDate !== this.open.date) {
      this.problem(`${at} : l'écriture porte deux dates (${r.EcritureDate} et ${this.open.date}).`);
    }
    if (AMOUNT.test(r.Debit)) this.open.debit = this.open.debit.plus(r.Debit.replace(",", "."));
    if (AMOUNT.test(r.Credit)) this.open.credit = this.open.credit.plus(r.Credit.replace(",", "."));
  }

  private number(r: FecRecord, at: string): void {
    const day = dayOf(r.EcritureDate);
    if (day && (day < this.period.start || day > this.period.end))
      this.problem(
        `${at} : date ${frenchDate(day)} hors de l'exercice du ${frenchDate(this.period.start)} au ${frenchDate(this.period.end)}.`,
      );
    const m = NUMBERED.exec(r.EcritureNum);
    const previous = this.journals.get(r.JournalCode) ?? { n: 0, date: "" };
    if (!m) {
      this.problem(`${at} : numéro d'écriture « ${r.EcritureNum} » sans numéro d'ordre.`);
      return;
    }
    const n = Number(m[2]);
    // Numbers only go up in a journal: an earlier one again means the entry's lines are split (no set of seen entries kept).
    if (n <= previous.n)
      this.problem(
        `${at} : les lignes de l'écriture ${r.EcritureNum} (${r.JournalCode}) ne se suivent pas, ou son numéro est repris.`,
      );
    else if (n !== previous.n + 1)
      this.problem(
        `${at} : numérotation du journal ${r.JournalCode} discontinue (${n} après ${previous.n}, attendu ${previous.n + 1}).`,
      );
    if (day && previous.date && day < previous.date)
      this.problem(
        `${at} : écriture du ${frenchDate(day)} numérotée après une écriture du ${frenchDate(previous.date)}.`,
      );
    this.journals.set(r.JournalCode, { n: Math.max(n, previous.n), date: day ?? previous.date });
  }

  private close(): void {
    const e = this.open;
    if (!e) return;
    if (!e.debit.equals(e.credit))
      this.problem(
        `Écriture ${e.num} (${e.journal}, ligne ${e.firstLine}) déséquilibrée : débit ${e.debit.toFixed(2).replace(".", ",")}, crédit ${e.credit.toFixed(2).replace(".", ",")}.`,
      );
    this.open = null;
  }
}

function dayOf(fecDay: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(fecDay);
  const day = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  return day && isValidCalendarDate(day) ? day : null;
}

/**
 * Checks a whole FEC file as text: the header (which tells the separator,
 * `|` or tab), CRLF line ends and every record.
 *
 * @example
 * checkFecText(FEC_HEADER, { start: "2026-01-01", end: "2026-12-31" }); // → []
 */
export function checkFecText(text: string, period: FiscalPeriod): string[] {
  const problems: string[] = [];
  const separator = Object.values(FEC_SEPARATORS).find((s) => text.startsWith(fecHeader(s)));
  if (!separator)
    problems.push("Ligne 1 : l'en-tête ne liste pas les 18 champs dans l'ordre, séparés par « | » ou une tabulation.");
  if (!text.endsWith(FEC_LINE_END)) problems.push("La dernière ligne ne se termine pas par CRLF.");
  if (/(^|[^\r])\n/.test(text)) problems.push("Fin de ligne sans CR : le fichier doit utiliser CRLF.");
  const checker = new FecChecker(period, separator);
  const lines = text.split(FEC_LINE_END).slice(1);
  if (lines.at(-1) === "") lines.pop();
  for (const line of lines) checker.addText(line);
  return [...problems, ...checker.problems()];
}
