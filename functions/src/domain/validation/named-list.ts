/**
 * A list of parties a company names in its settings and its customer
 * records refer to by name (credit insurers, factors): each name once,
 * whatever its case, and a record's choice checked against the list once
 * the company has written one.
 */
import { z } from "zod";

/** How the list's refusals call its parties: « l'assureur », « assureurs ». */
export interface PartyWords {
  /** The singular with its article: « l'assureur », « le factor ». */
  one: string;
  /** The plural: « assureurs », « factors ». */
  many: string;
  /** What the whole is: « une liste d'assureurs ». */
  list: string;
}

/** An array of `item` of at most `max`, each name once (case ignored), refused in French. */
export function namedListSchema<T extends z.ZodType<{ name: string }>>(item: T, max: number, words: PartyWords) {
  return z
    .array(item, { error: `doit être ${words.list}` })
    .max(max, { message: `${max} ${words.many} au plus` })
    .superRefine((parties, ctx) => {
      const seen = new Set<string>();
      parties.forEach((party, i) => {
        const key = party.name.toLowerCase();
        if (seen.has(key))
          ctx.addIssue({ code: "custom", path: [i, "name"], message: `${words.one} ${party.name} est déjà configuré` });
        seen.add(key);
      });
    });
}

/**
 * The party of `list` named `name` (case and surrounding spaces ignored), or undefined.
 *
 * @example
 * namedParty([{ name: "Allianz Trade" }], " allianz TRADE "); // → { name: "Allianz Trade" }
 */
export function namedParty<T extends { name: string }>(list: readonly T[] | undefined, name: string): T | undefined {
  const key = name.trim().toLowerCase();
  return list?.find((p) => p.name.toLowerCase() === key);
}

/**
 * Why a record may not name `name`, in French, or null: any name while the
 * company lists none, one of the list once it has written one.
 *
 * @example
 * namedChoiceProblem([{ name: "Allianz Trade" }], "Coface", { one: "l'assureur", many: "assureurs", list: "une liste d'assureurs" });
 * // → "l'assureur Coface n'est pas configuré pour la société (assureurs configurés : Allianz Trade)"
 */
export function namedChoiceProblem(
  list: readonly { name: string }[] | undefined,
  name: string,
  words: PartyWords,
): string | null {
  if (!list || list.length === 0 || namedParty(list, name)) return null;
  return `${words.one} ${name} n'est pas configuré pour la société (${words.many} configurés : ${list.map((p) => p.name).join(", ")})`;
}
