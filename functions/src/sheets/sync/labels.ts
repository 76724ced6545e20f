/**
 * The sheets' own words; every code's label (statuses, reasons, roles,
 * kinds, means of payment) comes from the one table, domain/vocabulary/labels.ts,
 * and the import reads those same labels back.
 */
export const IMPORT_ERROR_STATUS = "Erreur";

/** Reverse lookup for the import: accepts the label or the code, any case, surrounding spaces ignored. */
export function codeOf<K extends string>(labels: Record<K, string>, typed: string): K | undefined {
  const t = typed.trim().toLowerCase();
  return (Object.keys(labels) as K[]).find((k) => k.toLowerCase() === t || labels[k].toLowerCase() === t);
}
