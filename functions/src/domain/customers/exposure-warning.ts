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
 * less a deposit already cashed on it. An order that adds nothing (its
 * deposit covers it) leaves an exposure already above a limit where it is:
 * the warning then says it is above already, not that it « would go » from
 * an amount to the same amount.
 *
 * @example
 * exposureWarning({ exposure: "9000.00", creditLimit: "10000.00", insuredLimit: "8000.00" }, "2500.00");
 * // → "Avec cette commande de 2 500,00 €, l'encours du client passerait de 9 000,00 € à 11 500,00 €,
 * //    au-delà de sa limite de crédit de 10 000,00 € (dépassement de 1 500,00 €)
 * //    et de sa limite assurée de 8 000,00 € (3 500,00 € non assurés)."
 * exposureWarning({ exposure: "13000.00", creditLimit: "10000.00", insuredLimit: null }, "0.00");
 * // → "L'encours du client, 13 000,00 €, dépasse déjà sa limite de crédit de 10 000,00 € (dépassement de 3 000,00 €) ;
 * //    cette commande n'y ajoute rien."
 */
export function exposureWarning(profile: ExposureAndLimits, newAmount: string): string | null {
  const { newAmount: added } = parseInput(z.strictObject({ newAmount: moneyAmount }), { newAmount });
  const after = money(profile.exposure).plus(added);
  const passed = (limit: string | null): limit is string => limit !== null && after.greaterThan(limit);
  const excess = (limit: string): Money => after.minus(limit);
  const limits: string[] = [];
  if (passed(profile.creditLimit))
    limits.push(
      `sa limite de crédit de ${euros(profile.creditLimit)} (dépassement de ${euros(excess(profile.creditLimit))})`,
    );
  if (passed(profile.insuredLimit))
    limits.push(
      `sa limite assurée de ${euros(profile.insuredLimit)} (${euros(excess(profile.insuredLimit))} non assurés)`,
    );
  if (limits.length === 0) return null;
  if (money(added).isZero())
    return `L'encours du client, ${euros(profile.exposure)}, dépasse déjà ${limits.join(" et ")} ; cette commande n'y ajoute rien.`;
  return `Avec cette commande de ${euros(added)}, l'encours du client passerait de ${euros(profile.exposure)} à ${euros(after)}, au-delà de ${limits.join(" et de ")}.`;
}
