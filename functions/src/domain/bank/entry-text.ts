/**
 * How a recorded statement entry reads to a person (the `Banque` sheet):
 * who paid or was paid, what the bank's text says, the ranked suggestions
 * and what the entry settled, in French with French amounts.
 */
import { euros } from "../reminders/french-amount";
import type { Allocation, Suggestion } from "./matching";
import type { StatementEntry } from "./statement-entry";

const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

/** The other parties of the entry's transactions (a batch booking may name several). */
export function entryCounterparty(entry: StatementEntry): string {
  return distinct(entry.transactions.map((t) => t.counterpartyName)).join(" ; ");
}

/** What the payer wrote (remittance and structured reference), else the bank's own text. */
export function entryRemittance(entry: StatementEntry): string {
  const texts = distinct(entry.transactions.flatMap((t) => [t.remittance, t.creditorReference]));
  return texts.length > 0 ? texts.join(" ; ") : (entry.additionalInfo ?? "");
}

/** « FA-2026-000003 : 1 200,00 € (soldée) ». */
export function allocationText(a: Pick<Allocation, "reference" | "amount"> & { settles?: boolean }): string {
  return `${a.reference} : ${euros(a.amount)}${a.settles ? " (soldée)" : ""}`;
}

/** « 1) FA-2026-000003 : 1 200,00 € (soldée) — score 85/100 : <explanation> », best first, one per line. */
export function suggestionsText(suggestions: readonly Suggestion[]): string {
  return suggestions
    .map(
      (s, i) => `${i + 1}) ${s.allocations.map(allocationText).join(" + ")} — score ${s.score}/100 : ${s.explanation}`,
    )
    .join("\n");
}
