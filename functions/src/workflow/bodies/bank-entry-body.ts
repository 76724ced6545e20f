import { z } from "zod";
import { schemas } from "../../domain";
import { BOUNDED } from "./bounded-scalars";
import { documentId } from "./document-id";

const ITEM_KINDS = ["instalment", "deposit_invoice", "final_invoice", "external_invoice", "penalty_invoice"] as const;

/** Body of POST …/bank/entries/{id}/match (« Rapprocher »): what the entry settles, and how much on each item. */
export const bankMatchBodySchema = z.strictObject({
  allocations: z
    .array(
      z.strictObject({
        itemKind: z.enum(ITEM_KINDS, { error: `doit valoir ${ITEM_KINDS.join(", ")}` }),
        itemId: documentId("de pièce"),
        /** Left out: as much as the item still owes, within what the entry has left (a person picking one invoice). */
        amount: BOUNDED.positive.optional(),
      }),
      { error: "doit être une liste de pièces" },
    )
    .min(1, { message: "choisissez au moins une pièce" })
    .max(50, { message: "50 pièces au plus" }),
});
export type BankMatchBody = z.output<typeof bankMatchBodySchema>;

/** Body of POST …/bank/entries/{id}/unmatch: why the match is undone (kept in the audit event). */
export const bankUnmatchBodySchema = z.strictObject({
  reason: schemas.text({
    error: "doit être un texte",
    required: "le motif est obligatoire",
    max: 1000,
    multiline: true,
  }),
});
export type BankUnmatchBody = z.output<typeof bankUnmatchBodySchema>;
