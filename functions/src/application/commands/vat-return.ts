import { z } from "zod";
import { vatPeriod } from "../../domain";
import { settingsOf } from "../../workflow/company-settings";
import { computeVatReturn } from "../../workflow/vat-return";
import { defineRead } from "../command";
import { parseQuery } from "../parse-body";

/** `period` (a quarter, `2026-Q1`) or `month` (`2026-03`); other parameters ignored. */
export const vatReturnQuerySchema = z.object({
  period: z.string().max(10).optional(),
  month: z.string().max(10).optional(),
});

/**
 * Admins and accounting approvers: the VAT return figures of a month or a
 * quarter (CA3 lines, per rate and source, the documents behind each),
 * refused with the documents at fault when they would not equal the 44571
 * movements of the period.
 */
export const vatReturnCommand = defineRead({
  name: "vat.return",
  summary:
    "The VAT return figures of a month or quarter: CA3 lines, bases and VAT per rate and per source with their documents, equal to the period's 44571 movements.",
  roles: ["admin", "accounting_approver"],
  query: vatReturnQuerySchema,
  answer: "VatReturnAnswer",
  handler: async (access, _reader, { db, params, query }) => {
    const period = vatPeriod(parseQuery(vatReturnQuerySchema, query));
    const body = await computeVatReturn(db, params.companyId, period, settingsOf(access));
    return { status: 200, body };
  },
});
