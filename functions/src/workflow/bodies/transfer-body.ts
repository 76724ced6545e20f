import { z } from "zod";
import { EngineValidationError } from "../../domain";
import { frenchDate } from "../../domain/dates/calendar-day";
import { BOUNDED } from "./bounded-scalars";

/**
 * Body of POST …/bank/transfers: the day the bank is asked to execute the
 * transfers and the last due date taken (that day when absent).
 */
export const transferBodySchema = z.strictObject({
  executionDate: BOUNDED.date,
  upTo: BOUNDED.date.optional(),
});

export interface TransferBody {
  executionDate: string;
  upTo: string;
}

/** The body with `upTo` filled in; an execution date in the past is refused (a bank cannot execute it). */
export function transferBody(body: z.output<typeof transferBodySchema>, today: string): TransferBody {
  if (body.executionDate < today)
    throw new EngineValidationError([
      {
        path: "executionDate",
        message: `Date d'exécution : le ${frenchDate(body.executionDate)} est passé, indiquez aujourd'hui (${frenchDate(today)}) ou une date à venir.`,
      },
    ]);
  return { executionDate: body.executionDate, upTo: body.upTo ?? body.executionDate };
}
