/** The deposit id in a row of the `Acomptes` sheet; the sidebar asks the API for the rest. */
import { idFromRow } from "./row-id";

export { normalizeHeader } from "./row-id";

export const DEPOSITS_SHEET = "Acomptes";

export type RowReading = { ok: true; depositId: string } | { ok: false; problem: string };

export function depositIdFromRow(headers: unknown[], row: unknown[]): RowReading {
  const reading = idFromRow(
    DEPOSITS_SHEET,
    headers,
    row,
    "Cette ligne n'est pas encore enregistrée (pas d'identifiant). Importez-la ou choisissez une autre ligne.",
  );
  return reading.ok ? { ok: true, depositId: reading.id } : reading;
}
