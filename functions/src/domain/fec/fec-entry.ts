import { DEFAULT_ACCOUNT_LABELS, DEFAULT_CHART_OF_ACCOUNTS, type ChartOfAccounts } from "../ledger/chart-of-accounts";
import type { JournalEntry } from "../ledger/journal-entry";
import { JOURNAL_LABELS } from "../vocabulary/labels";
import { fecAmount, fecDate, fecText, type FecRecord } from "./fec-format";

/** What the export knows about an entry beyond the entry itself. */
export interface FecEntryInput {
  entry: JournalEntry;
  /** EcritureNum (JournalNumbering). */
  number: string;
  /** The day the entry was validated (recorded): ValidDate. */
  validDate: string;
  /** The customer of its receivable lines (account `chart.customers`): CompAuxNum / CompAuxLib. */
  customer?: { account: string; name: string };
  /**
   * The matching of its receivable lines (lettrage): EcritureLet / DateLet;
   * `accounts`, other accounts whose lines it letters too (a cancelled
   * payment's factor accounts, matched by its reversal).
   */
  lettering?: { letter: string; date: string; accounts?: readonly string[] };
  chart: ChartOfAccounts;
  /** Names of accounts outside the chart: the configured factors' accounts (factorAccountNames). */
  accountNames?: ReadonlyMap<string, string>;
}

/**
 * The FEC records of one validated entry, one per line, in the entry's order.
 * Only the lines on the customers account carry the auxiliary account and
 * the lettering (and the accounts the lettering names); amounts are in euros, so Montantdevise and Idevise stay empty.
 *
 * @example
 * fecRecords({ entry, number: "VT-000001", validDate: "2026-02-20", chart: chartOfAccounts() })[0].JournalLib; // → "Ventes"
 */
export function fecRecords(input: FecEntryInput): FecRecord[] {
  const { entry, chart } = input;
  const date = fecDate(entry.date);
  return entry.lines.map((line) => {
    const receivable = line.account === chart.customers;
    const customer = receivable ? input.customer : undefined;
    const lettering = receivable || input.lettering?.accounts?.includes(line.account) ? input.lettering : undefined;
    return {
      JournalCode: entry.journal,
      JournalLib: JOURNAL_LABELS[entry.journal],
      EcritureNum: input.number,
      EcritureDate: date,
      CompteNum: line.account,
      CompteLib: accountLabel(line.account, chart, input.accountNames),
      CompAuxNum: customer ? fecText(customer.account) : "",
      CompAuxLib: customer ? fecText(customer.name) || customer.account : "",
      PieceRef: fecText(entry.pieceRef),
      PieceDate: date,
      EcritureLib: fecText(line.label || entry.label) || fecText(entry.pieceRef),
      Debit: fecAmount(line.debit),
      Credit: fecAmount(line.credit),
      EcritureLet: lettering ? fecText(lettering.letter) : "",
      DateLet: lettering ? fecDate(lettering.date) : "",
      ValidDate: fecDate(input.validDate),
      Montantdevise: "",
      Idevise: "",
    };
  });
}

/**
 * CompteLib: the PCG name of the account's role in the company's chart
 * (an overridden customers account is still « Clients »), else the PCG
 * name the company gave it (`names`: a factor's account, « Factor <name> »),
 * else the PCG name of the account itself, else « Compte <number> ».
 */
export function accountLabel(account: string, chart: ChartOfAccounts, names?: ReadonlyMap<string, string>): string {
  const role = (Object.keys(chart) as (keyof ChartOfAccounts)[]).find((r) => chart[r] === account);
  const label = role
    ? DEFAULT_ACCOUNT_LABELS[DEFAULT_CHART_OF_ACCOUNTS[role]]
    : (names?.get(account) ?? DEFAULT_ACCOUNT_LABELS[account]);
  return label ?? `Compte ${account}`;
}
