/**
 * The credit insurers a company holds policies with (settings `insurers`):
 * each policy sets its own delay to declare an overdue invoice (déclaration
 * de menace de sinistre) — the policy fixes it, not the law — and the
 * company chooses how early it wants the reminder.
 */
import { z } from "zod";
import { emailSchema } from "../validation/email";
import { namedChoiceProblem, namedListSchema, namedParty } from "../validation/named-list";
import { text } from "../validation/text";
import { wholeDays } from "../validation/whole-days";

/** One insurer's policy terms as the company configures them. */
export const insurerSchema = z.strictObject({
  name: text({ error: "doit être un nom d'assureur", required: "le nom de l'assureur est obligatoire", max: 200 }),
  /** The policy's delay to declare an overdue invoice, in calendar days after its due date. */
  daysAfterDue: wholeDays(720),
  /** How many days before that deadline accounting is reminded. */
  remindDaysBefore: wholeDays(365),
  /** Where declarations go, shown in the reminder (the reminder itself goes to accounting, never to the insurer). */
  email: emailSchema.optional(),
});
/** One configured insurer. */
export type Insurer = z.output<typeof insurerSchema>;

const INSURER_WORDS = { one: "l'assureur", many: "assureurs", list: "une liste d'assureurs" };

/** The company's insurers: at most 20, each name once (a customer's cover names its insurer by it, any case). */
export const insurersSchema = namedListSchema(insurerSchema, 20, INSURER_WORDS);

/**
 * The configured insurer a customer's cover names (case ignored), or
 * undefined.
 *
 * @example
 * configuredInsurer([{ name: "Allianz Trade", daysAfterDue: 60, remindDaysBefore: 10 }], "allianz trade"); // → the Allianz Trade entry
 */
export function configuredInsurer(insurers: readonly Insurer[] | undefined, name: string): Insurer | undefined {
  return namedParty(insurers, name);
}

/**
 * Why a customer's cover may not name `name`, in French, or null. A company
 * that configured no insurer records any name (the cover and its limit
 * still count in the risk profile; no declaration is reminded, the delay
 * being unknown); once it configured some, the cover must name one of them,
 * so that every insured customer's deadline is known.
 *
 * @example
 * insurerChoiceProblem([{ name: "Allianz Trade", daysAfterDue: 60, remindDaysBefore: 10 }], "Coface");
 * // → "l'assureur Coface n'est pas configuré pour la société (assureurs configurés : Allianz Trade)"
 */
export function insurerChoiceProblem(insurers: readonly Insurer[] | undefined, name: string): string | null {
  return namedChoiceProblem(insurers, name, INSURER_WORDS);
}
