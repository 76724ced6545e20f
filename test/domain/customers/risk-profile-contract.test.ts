/**
 * The add-on's wire shape of a risk profile (contract `CustomerRiskProfile`)
 * is written by hand, so the contract stays free of the engine, while the
 * profile history answers with the stored domain `RiskProfile` spread into
 * it. A field added, dropped or retyped on one side only must not reach the
 * wire unnoticed: the type-level check below fails `npm run typecheck`, and
 * the test checks the profiles the engine really computes carry exactly the
 * contract's fields.
 */
import type { CustomerRiskProfile } from "../../../functions/src/contract/customer";
import { riskProfile, type RiskProfile } from "../../../functions/src/domain";
import { DISPUTER, GOOD_PAYER, OVER_LIMIT } from "./risk-seeds";

/** True only when A and B are the same type (each field, optional or not, of the same type). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only with `true`: a difference is a type error on the line that uses it. */
type Holds<T extends true> = T;

export type RiskProfileOnTheWire = Holds<Same<CustomerRiskProfile, RiskProfile>>;
export type BrokenPromiseOnTheWire = Holds<
  Same<CustomerRiskProfile["brokenPromiseInvoices"][number], RiskProfile["brokenPromiseInvoices"][number]>
>;

/** Every field of the contract's profile, once: `satisfies` refuses a missing or an unknown one. */
const CONTRACT_FIELDS = {
  asOf: true,
  weightedDaysLate: true,
  trend: true,
  lateShare: true,
  overdueAmount: true,
  maxDunningLevel: true,
  brokenPromises: true,
  brokenPromiseInvoices: true,
  disputes: true,
  exposure: true,
  creditLimit: true,
  insuredLimit: true,
  overCreditLimit: true,
  overInsuredLimit: true,
  riskClass: true,
  reasons: true,
} satisfies Record<keyof CustomerRiskProfile, true>;

it("the profiles the engine computes carry exactly the contract's fields", () => {
  for (const inputs of [GOOD_PAYER, DISPUTER, OVER_LIMIT]) {
    const profile = riskProfile(inputs);
    expect(Object.keys(profile).sort()).toEqual(Object.keys(CONTRACT_FIELDS).sort());
    expect(Object.keys(profile.trend).sort()).toEqual(["previous", "recent", "worsening"]);
  }
  // OVER_LIMIT has a broken promise: its invoice's fields too.
  const [broken] = riskProfile(OVER_LIMIT).brokenPromiseInvoices;
  expect(Object.keys(broken).sort()).toEqual(["invoiceId", "number", "openAmount", "promiseUntil"]);
});
