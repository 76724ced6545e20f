/**
 * The warning shown where an order or a deposit is recorded when it would
 * take the customer's exposure past its credit limit or its insured limit.
 */
import { z } from "zod";
import { Money, money } from "../money/money";
import { euros } from "../reminders/french-amount";
import { parseInput } from "../validation/field-errors";
import { moneyAmount } from "../validation/primitives";
import type { RiskProfile } from "./risk-profile";

/** What the warning needs of a profile: the exposure and the limits. */
export type ExposureAndLimits = Pick<RiskProfile, "exposure" | "creditLimit" | "insuredLimit">;

/**
 * The French warning when `exposure + newAmount` would be strictly above the
 * credit limit or the insured limit (both named when both are passed), null
 * otherwise. `newAmount` is what the order adds to the exposure: its gross,
 * less a deposit already cashed on it.
 *
 * @example
 * exposureWarning({ exposure: "9000.00", creditLimit: "10000.00", insuredLimit: "8000.00" }, "2500.00");
 * // → "Avec cette commande de 2 500,00 €, l'encours du client passerait de 9 000,00 € à 11 500,00 €,
 * //    au-delà de sa limite de crédit de 10 000,00 € (dépassement de 1 500,00 €)
 * //    et de sa limite assurée de 8 000,00 € (3 500,00 € non assurés)."
 */
export function exposureWarning(profile: ExposureAndLimits, newAmount: string): string | null {
  const { newAmount: added } = parseInput(z.strictObject({ newAmount: moneyAmount }), { newAmount });
  const after = money(profile.exposure).plus(added);
  const passed = (limit: string | null): limit is string => limit !== null && after.greaterThan(limit);
  const excess = (limit: string): Money => after.minus(limit);
  const parts: string[] = [];
  if (passed(profile.creditLimit))
    parts.push(
      `de sa limite de crédit de ${euros(profile.creditLimit)} (dépassement de ${euros(excess(profile.creditLimit))})`,
    );
  if (passed(profile.insuredLimit))
    parts.push(
      `de sa limite assurée de ${euros(profile.insuredLimit)} (${euros(excess(profile.insuredLimit))} non assurés)`,
    );
  if (parts.length === 0) return null;
  return `Avec cette commande de ${euros(added)}, l'encours du client passerait de ${euros(profile.exposure)} à ${euros(after)}, au-delà ${parts.join(" et ")}.`;
}
