/**
 * The factors' accounts in the ledger: an invoice assigned to a factor has
 * its receivable there (moved from the customers account when it is issued),
 * so what pays it is credited there too, and the FEC names the account after
 * its factor.
 */
import { DEFAULT_FACTOR_ACCOUNT, type Factor } from "../customers/factors";
import { ZERO, formatMoney, money, type Money } from "../money/money";

/** One allocation of a payment, with the factor account of its invoice when it is assigned to a factor. */
export interface AllocatedAmount {
  amount: string;
  /** content.factoring.account of the invoice; absent: not factored. */
  factorAccount?: string;
}

/** A payment's amount credited to one factor account. */
export interface FactorShare {
  account: string;
  amount: string;
}

/**
 * What part of a payment lands on factor accounts: the amounts it allocates
 * to invoices assigned to a factor, summed per factor account (two factors
 * may share one), in order of first appearance; zero allocations add
 * nothing. The rest — normal invoices and any excess kept as the customer's
 * credit — stays on the customers account.
 *
 * @example
 * factorShares([{ amount: "1200.00", factorAccount: "4671" }, { amount: "300.00" }, { amount: "50.00", factorAccount: "4671" }]);
 * // → [{ account: "4671", amount: "1250.00" }]
 */
export function factorShares(allocations: readonly AllocatedAmount[]): FactorShare[] {
  const totals = new Map<string, Money>();
  for (const a of allocations) {
    if (!a.factorAccount || money(a.amount).isZero()) continue;
    totals.set(a.factorAccount, (totals.get(a.factorAccount) ?? ZERO).plus(money(a.amount)));
  }
  return [...totals].map(([account, amount]) => ({ account, amount: formatMoney(amount) }));
}

/**
 * The FEC names (CompteLib) of the configured factors' accounts: « Factor »
 * and the factors booked there. The PCG has no factor account; the default
 * 4671 is a subaccount of 467 « Autres comptes débiteurs ou créditeurs »
 * that French practice names « Factor » (DEFAULT_ACCOUNT_LABELS keeps that
 * name for a factor since removed from the settings).
 *
 * @example
 * factorAccountNames([{ name: "Factor SA", iban: "FR7630004000031234567890143" }]); // → Map { "4671" => "Factor Factor SA" }
 */
export function factorAccountNames(factors: readonly Factor[] = []): Map<string, string> {
  const names = new Map<string, string[]>();
  for (const f of factors) {
    const account = f.account ?? DEFAULT_FACTOR_ACCOUNT;
    names.set(account, [...(names.get(account) ?? []), f.name]);
  }
  return new Map([...names].map(([account, factorNames]) => [account, `Factor ${factorNames.join(", ")}`]));
}
