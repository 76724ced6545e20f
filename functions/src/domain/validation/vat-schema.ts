import { z } from "zod";
import { moneyAmount, vatRate } from "./primitives";

/** Invoice lines as net amounts at a VAT rate. */
export const netLinesSchema = z.array(z.strictObject({ vatRate, net: moneyAmount }), {
  error: "doit être une liste de lignes",
});
