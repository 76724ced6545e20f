import { z } from "zod";
import { schemas } from "../../domain";
import { BOUNDED } from "./bounded-scalars";
import { emailSchema } from "./email";
import { sirenSchema } from "./siren";

const requireOne = (ctx: z.RefinementCtx, path: string, message: string) =>
  ctx.addIssue({ code: "custom", path: [path], message });

/**
 * GET …/customers/advice. The customer: its record's id, or as typed on a
 * deposit (SIREN, else e-mail, else name: the key the deposit would resolve).
 * The order: its gross, or its net at one VAT rate (an `Acomptes` row). The
 * deposit cashed on it, as a gross amount or a percentage, if any. Other
 * parameters (a cache-buster…) are ignored, as a query string's are.
 */
export const customerAdviceQuerySchema = z
  .object({
    customerId: z
      .string({ error: "doit être un identifiant de fiche client" })
      .regex(/^CLI-[0-9a-f]{16}$/, { message: "doit être un identifiant de fiche client (CLI-…)" })
      .optional(),
    siren: sirenSchema.optional(),
    email: emailSchema.optional(),
    name: schemas.text({ error: "doit être un nom", required: "le nom est vide", max: 200 }).optional(),
    amount: BOUNDED.positive.optional(),
    net: BOUNDED.positive.optional(),
    vatRate: schemas.vatRate.optional(),
    deposit: BOUNDED.money.optional(),
    depositPercent: schemas.percent.optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.customerId && !q.siren && !q.email && !q.name)
      requireOne(ctx, "customerId", "indiquez la fiche client (customerId) ou le SIREN, l'e-mail ou le nom du client");
    if (q.amount === undefined && q.net === undefined)
      requireOne(
        ctx,
        "amount",
        "indiquez le montant TTC de la commande (amount) ou son montant HT et son taux (net, vatRate)",
      );
    if (q.amount !== undefined && q.net !== undefined)
      requireOne(ctx, "net", "indiquez soit le montant TTC (amount), soit le montant HT (net), pas les deux");
    if (q.net !== undefined && q.vatRate === undefined) requireOne(ctx, "vatRate", "obligatoire avec le montant HT");
    if (q.deposit !== undefined && q.depositPercent !== undefined)
      requireOne(ctx, "depositPercent", "indiquez soit l'acompte TTC (deposit), soit son pourcentage, pas les deux");
  });
export type CustomerAdviceQuery = z.output<typeof customerAdviceQuerySchema>;
