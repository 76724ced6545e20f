import { euros, frenchPercent } from "../reminders/french-amount";
import { EngineRuleError } from "../errors/engine-error";
import { ZERO } from "../money/money";
import { parseInput } from "../validation/field-errors";
import { RefundableBalanceInput, refundableBalanceInputSchema } from "../validation/refund-schema";
import { RateAmounts, VatBreakdown, breakdownOf, parseRateAmounts } from "../vat/vat-breakdown";
import { VatRate } from "../vat/vat-rates";

type Lines = readonly { vatRate: VatRate; net: string; vat: string }[];

/**
 * Net and VAT still refundable at each rate of a deposit: what it invoiced,
 * minus credit notes already issued, minus requests in flight (submitted,
 * not yet approved or rejected) so two requests cannot both spend the same
 * balance. Kept per rate so no credit note ever reverses more VAT at a rate
 * than the deposit collected.
 */
export function balanceByRate(deposit: Lines, issued: readonly Lines[], inFlight: readonly Lines[]): RateAmounts[] {
  const balance = new Map<VatRate, RateAmounts>(parseRateAmounts(deposit).map((a) => [a.vatRate, { ...a }]));
  for (const lines of [...issued, ...inFlight]) {
    for (const spent of parseRateAmounts(lines)) {
      const left = balance.get(spent.vatRate) ?? { vatRate: spent.vatRate, net: ZERO, vat: ZERO };
      balance.set(spent.vatRate, {
        vatRate: spent.vatRate,
        net: left.net.minus(spent.net),
        vat: left.vat.minus(spent.vat),
      });
    }
  }
  const result = [...balance.values()];
  const negative = result.find((a) => a.net.isNegative() || a.vat.isNegative());
  if (negative) {
    throw new EngineRuleError(
      "BALANCE_INCONSISTENT",
      `Les avoirs et demandes en cours dépassent l'acompte au taux de ${frenchPercent(negative.vatRate)} (solde ${euros(negative.net)} HT, ${euros(negative.vat)} TVA) : vérifiez l'historique.`,
    );
  }
  return result;
}

/**
 * The refundable balance of a deposit, per rate and in total.
 * Balance = deposit − credit notes issued − requests in flight, at each rate
 * (so no credit note reverses more VAT at a rate than the deposit collected).
 *
 * @example
 * refundableBalance({
 *   deposit: { lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }] },
 *   issuedRefunds: [{ lines: [{ vatRate: "20", net: "1000.00", vat: "200.00" }] }],
 * });
 * // → { lines: [{ vatRate: "20", net: "2600.00", vat: "520.00", gross: "3120.00" }],
 * //     total: { net: "2600.00", vat: "520.00", gross: "3120.00" } }
 */
export function refundableBalance(rawInput: RefundableBalanceInput): VatBreakdown {
  const input = parseInput(refundableBalanceInputSchema, rawInput);
  return breakdownOf(
    balanceByRate(
      input.deposit.lines,
      input.issuedRefunds.map((r) => r.lines),
      input.refundsInFlight.map((r) => r.lines),
    ),
  );
}
