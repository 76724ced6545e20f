import { euros, frenchPercent } from "../reminders/french-amount";
import { fieldProblem } from "../validation/field-errors";
import { z } from "zod";
import { EngineRuleError } from "../errors/engine-error";
import { allocateCents } from "../money/allocate";
import { Money, ZERO, minMoney, money, sumMoney } from "../money/money";
import { refundScopeSchema } from "../validation/refund-schema";
import { splitGross } from "../vat/split-gross";
import { RateAmounts, vatOn } from "../vat/vat-breakdown";

type Scope = z.output<typeof refundScopeSchema>;

function grossOf(a: RateAmounts): Money {
  return a.net.plus(a.vat);
}

function aboveBalance(path: string, asked: Money, balance: Money, what: string): EngineRuleError {
  return new EngineRuleError(
    "REFUND_ABOVE_BALANCE",
    `Le remboursement demandé (${euros(asked)}) dépasse le solde remboursable (${euros(balance)}${what}).`,
    [
      fieldProblem(
        path,
        `le remboursement demandé (${euros(asked)}) dépasse le solde remboursable (${euros(balance)}${what})`,
      ),
    ],
  );
}

/** A gross amount taken from the balance: shared between the rates in proportion to what is left at each, then split into net and VAT without ever exceeding either. */
function byGrossAmount(amount: Money, balance: RateAmounts[]): RateAmounts[] {
  const total = sumMoney(balance.map(grossOf));
  if (amount.greaterThan(total)) throw aboveBalance("scope.amount", amount, total, " TTC");
  if (amount.equals(total)) return balance;
  const shares = allocateCents(amount, balance.map(grossOf));
  return balance.map((left, i) => {
    const split = splitGross(shares[i], left.vatRate);
    // Near the whole balance a one-cent split difference could pass what is left: keep within both.
    if (split.vat.greaterThan(left.vat))
      return { vatRate: left.vatRate, net: shares[i].minus(left.vat), vat: left.vat };
    if (split.net.greaterThan(left.net))
      return { vatRate: left.vatRate, net: left.net, vat: shares[i].minus(left.net) };
    return { vatRate: left.vatRate, ...split };
  });
}

/** Net amounts per rate: VAT per rate on the net (BR-CO-17); the whole net left at a rate takes the whole VAT left. */
function byNetLines(lines: { vatRate: RateAmounts["vatRate"]; net: string }[], balance: RateAmounts[]): RateAmounts[] {
  const asked = new Map<string, { net: Money; index: number }>();
  lines.forEach((l, index) =>
    asked.set(l.vatRate, { net: (asked.get(l.vatRate)?.net ?? ZERO).plus(money(l.net)), index }),
  );
  return [...asked.entries()].map(([rate, { net, index }]) => {
    const left = balance.find((b) => b.vatRate === rate);
    const path = `scope.lines.${index}.net`;
    if (!left) {
      throw new EngineRuleError(
        "RATE_NOT_ON_DEPOSIT",
        `L'acompte n'a pas de ligne au taux de ${frenchPercent(rate)}.`,
        [fieldProblem(`scope.lines.${index}.vatRate`, `l'acompte n'a pas de ligne au taux de ${frenchPercent(rate)}`)],
      );
    }
    if (net.greaterThan(left.net)) throw aboveBalance(path, net, left.net, ` HT au taux de ${frenchPercent(rate)}`);
    const vat = net.equals(left.net) ? left.vat : minMoney(vatOn(net, left.vatRate), left.vat);
    return { vatRate: left.vatRate, net, vat };
  });
}

/**
 * The net and VAT a credit note reverses, per rate, for a refund scope,
 * never more than the balance left at any rate (CGI art. 272-1: the VAT
 * reversed is the VAT of the rectified invoice).
 */
export function creditNoteLines(scope: Scope | "whole_balance", balance: RateAmounts[]): RateAmounts[] {
  const left = balance.filter((b) => !b.net.isZero() || !b.vat.isZero());
  if (left.length === 0) {
    throw new EngineRuleError(
      "NOTHING_TO_REFUND",
      "Le solde remboursable de cet acompte est nul : rien à rembourser.",
      [fieldProblem("scope", "le solde remboursable est nul")],
    );
  }
  let lines: RateAmounts[];
  if (scope === "whole_balance" || scope.kind === "full") lines = left;
  else if (scope.kind === "amount") lines = byGrossAmount(money(scope.amount), left);
  else lines = byNetLines(scope.lines, left);
  return lines.filter((l) => !l.net.isZero() || !l.vat.isZero());
}
