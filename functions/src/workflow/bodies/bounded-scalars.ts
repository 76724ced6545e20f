import { z } from "zod";
import { schemas, vatBreakdown } from "../../domain";
import { parisDay } from "../../domain/dates/calendar-day";

/**
 * The scalars of every request body, with the product's bounds
 * (domain/validation/bounds.ts, docs/input-validation.md): amounts up to
 * 999 999 999,99 €, dates from 01/01/2000 to ten years ahead. The window
 * follows the real calendar, not the service's date a test may set: it
 * catches typos (0000, 9999), the business rules on dates stay in the
 * commands.
 */
export const boundedMoney = schemas.amountSchema({ allowZero: true, max: schemas.AMOUNT_MAX });
export const boundedPositive = schemas.amountSchema({ allowZero: false, max: schemas.AMOUNT_MAX });

export const currentDateWindow = () => schemas.dateWindow(parisDay(new Date()));

export const boundedDate = schemas.calendarDate.superRefine((date, ctx) => {
  const problem = schemas.dateWindowProblem(date, currentDateWindow());
  if (problem) ctx.addIssue({ code: "custom", message: problem, continue: false });
});

export const BOUNDED: schemas.Scalars = { money: boundedMoney, positive: boundedPositive, date: boundedDate };

/** `what` (e.g. « le total TTC de la commande ») at `path` is above the bound: the French detail for `ctx`. */
export function checkTotal(ctx: z.RefinementCtx, gross: string, what: string, path: (string | number)[] = []): void {
  if (schemas.isAboveAmountMax(gross))
    ctx.addIssue({ code: "custom", path, message: schemas.amountMaxProblem(what, gross) });
}

/**
 * Order or invoice lines, each amount bounded and their total with VAT
 * too: the invoice this becomes is one amount, within the bound, so no
 * later computation on it meets the engine's own limits.
 */
export function orderLines(atLeastOne: string, total: string) {
  return z
    .array(schemas.orderLineSchemaOf(BOUNDED), { error: "doit être une liste de lignes" })
    .min(1, { message: atLeastOne })
    .max(200, { message: "200 lignes au plus" })
    .superRefine((lines, ctx) =>
      checkTotal(ctx, vatBreakdown(lines.map(({ vatRate, net }) => ({ vatRate, net }))).total.gross, total),
    );
}
