/**
 * The dashboard's bank figures, as a fold like the rest of it: the closing
 * booked balance (CLBD) of the latest statement imported for the company's
 * account against the book balance of its bank account (512) on the
 * statement's date, the difference, and the entries still to reconcile.
 * Book movements are kept per day, so journal entries may come in any order
 * and before or after the statements.
 */
import { ZERO, formatMoney, money, type Money } from "../money/money";

export interface StatementFacts {
  accountIban: string;
  statementId: string;
  /** Signed closing booked balance (CLBD), when the statement gives one. */
  closingBalance?: string;
  closingDate?: string;
}

export interface BankEntryFacts {
  /** `to_reconcile`, `unmatched` (a match undone: to reconcile again), `applied`, `returned`. */
  status: string;
  direction: "credit" | "debit";
  amount: string;
}

/** One journal line on the bank account: debit is money in. */
export interface BankLineFacts {
  date: string;
  debit: string;
  credit: string;
}

export interface BankFigures {
  /** The latest statement with a closing balance of the company's account, null when none was imported. */
  statement: {
    accountIban: string;
    statementId: string;
    date: string;
    bankBalance: string;
    /** Debits minus credits of the bank account up to and including `date`. */
    bookBalance: string;
    /** Bank minus book: what reconciling still has to explain. */
    difference: string;
  } | null;
  toReconcile: { count: number; credits: string; debits: string };
}

const TO_RECONCILE = new Set(["to_reconcile", "unmatched"]);

export class BankBalanceAccumulator {
  private latest: Required<StatementFacts> | null = null;
  private readonly byDay = new Map<string, Money>();
  private count = 0;
  private credits = ZERO;
  private debits = ZERO;

  /** `accountIban`: the company's account (electronic form); other accounts' statements are left out. */
  constructor(private readonly accountIban: string | undefined) {}

  addStatement(s: StatementFacts): void {
    if (s.accountIban !== this.accountIban || s.closingBalance === undefined || s.closingDate === undefined) return;
    const l = this.latest;
    // Latest by closing date; on the same day the higher statement id (banks number them in order).
    if (l && (l.closingDate > s.closingDate || (l.closingDate === s.closingDate && l.statementId >= s.statementId)))
      return;
    this.latest = { ...s, closingBalance: s.closingBalance, closingDate: s.closingDate };
  }

  addBankLine(line: BankLineFacts): void {
    const net = money(line.debit).minus(line.credit);
    this.byDay.set(line.date, (this.byDay.get(line.date) ?? ZERO).plus(net));
  }

  addEntry(e: BankEntryFacts): void {
    if (!TO_RECONCILE.has(e.status)) return;
    this.count++;
    if (e.direction === "credit") this.credits = this.credits.plus(e.amount);
    else this.debits = this.debits.plus(e.amount);
  }

  result(): BankFigures {
    const l = this.latest;
    let statement: BankFigures["statement"] = null;
    if (l) {
      let book = ZERO;
      for (const [day, net] of this.byDay) if (day <= l.closingDate) book = book.plus(net);
      const bank = money(l.closingBalance);
      statement = {
        accountIban: l.accountIban,
        statementId: l.statementId,
        date: l.closingDate,
        bankBalance: formatMoney(bank),
        bookBalance: formatMoney(book),
        difference: formatMoney(bank.minus(book)),
      };
    }
    return {
      statement,
      toReconcile: { count: this.count, credits: formatMoney(this.credits), debits: formatMoney(this.debits) },
    };
  }
}
