import type { JournalCode } from "../ledger/journal-entry";

/**
 * FEC EcritureNum: each journal numbers its entries from 1, without gaps,
 * in the order they are handed (the export hands them by date, then by
 * their validation order): `VT-000001`, `BQ-000001`, `VT-000002`…
 */
export class JournalNumbering {
  private readonly last = new Map<string, number>();

  next(journal: JournalCode): string {
    const n = (this.last.get(journal) ?? 0) + 1;
    this.last.set(journal, n);
    return ecritureNum(journal, n);
  }
}

/**
 * The n-th EcritureNum of a journal.
 *
 * @example
 * ecritureNum("VT", 42); // → "VT-000042"
 */
export function ecritureNum(journal: string, n: number): string {
  return `${journal}-${String(n).padStart(6, "0")}`;
}
