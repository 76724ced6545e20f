import type { JournalEntry } from "../domain";
import { JOURNAL_ENTRIES } from "../model/collections";
import { journalEntryCopies, type JournalEntryContent } from "../model/journal-entry";
import type { UnitOfWork } from "../storage/unit-of-work";

/**
 * Validates one of the engine's balanced entries into the journal: next
 * number of the journal series (dated the day of the command, so the
 * numbering stays chronological), chained, never changed afterwards.
 */
export async function postEntry(
  uow: UnitOfWork,
  entry: JournalEntry,
  source: JournalEntryContent["source"],
): Promise<{ id: string; number: string }> {
  const slot = await uow.nextNumber("journal", entry.date);
  const ref = uow.collection(JOURNAL_ENTRIES).doc();
  const content: JournalEntryContent = { ...entry, number: slot.number, source };
  uow.putChained(slot, ref, content, journalEntryCopies(content));
  return { id: ref.id, number: slot.number };
}
