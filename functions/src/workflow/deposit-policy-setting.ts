import { DEFAULT_DEPOSIT_POLICY, type DepositPolicyInput } from "../domain";
import type { CompanySettings } from "../model/company";

/**
 * The company's deposit policy (settings `depositPolicy`, docs/customers-risk.md),
 * the default table when it set none. The setting is added to CompanySettings
 * by the profile slice of issue #16, written at the same time as this one:
 * read through this one accessor until both are merged, then
 * `settings.depositPolicy ?? DEFAULT_DEPOSIT_POLICY`.
 */
export function depositPolicyOf(settings: CompanySettings): DepositPolicyInput {
  return (settings as { depositPolicy?: DepositPolicyInput }).depositPolicy ?? DEFAULT_DEPOSIT_POLICY;
}
