import { DEFAULT_DEPOSIT_POLICY, type DepositPolicy } from "../domain";
import type { CompanySettings } from "../model/company";

/** The company's deposit policy (settings `depositPolicy`, docs/customers-risk.md), the default table when it set none. */
export function depositPolicyOf(settings: CompanySettings): DepositPolicy {
  return settings.depositPolicy ?? DEFAULT_DEPOSIT_POLICY;
}
