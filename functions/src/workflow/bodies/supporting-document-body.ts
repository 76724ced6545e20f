import { z } from "zod";

/**
 * Body of POST …/refunds/{id}/supporting-documents: the file in base64 and
 * its name. The api's 1 Mio body limit bounds it; its kind is read from its
 * content (domain/validation/supporting-file.ts).
 */
export const supportingDocumentBodySchema = z.strictObject({
  fileName: z
    .string({ error: "obligatoire" })
    .trim()
    .min(1, "obligatoire")
    .max(200, "200 caractères au plus")
    .refine((s) => !/[\p{Cc}/\\]/u.test(s), "ne doit contenir ni barre oblique ni caractère de contrôle"),
  contentBase64: z
    .string({ error: "obligatoire" })
    .min(1, "vide : joignez le fichier")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "n'est pas du base64"),
});

export type SupportingDocumentBody = z.output<typeof supportingDocumentBodySchema>;
