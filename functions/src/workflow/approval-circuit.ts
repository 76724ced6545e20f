import { money } from "../domain";
import type { ApproverRole } from "../model/refund";

/**
 * Who must approve: below the company's threshold one accounting approval;
 * at or above it two, sales and accounting, in either order. The amount is
 * the larger of the credit note's gross and what is owed to the customer,
 * so compensation on top of a credit note counts too.
 */
export function requiredApprovals(creditNoteGross: string, owed: string, threshold: string): ApproverRole[] {
  const amount = money(creditNoteGross).greaterThan(money(owed)) ? money(creditNoteGross) : money(owed);
  return amount.greaterThanOrEqualTo(money(threshold))
    ? ["sales_approver", "accounting_approver"]
    : ["accounting_approver"];
}
