/**
 * An anchor given to the verification route: in the body of a POST, as
 * values (`anchor: { date, heads: [{ number, hash }] }`) or as the text it
 * was kept in (`anchorText`: the auditors' mail, rows of the `Intégrité`
 * sheet, the log line), or in a GET's query (`anchorDate`, and `heads` as
 * `FA-2026-000012:<hash>,AV-2026-000004:<hash>`).
 */
import { z } from "zod";
import { fieldName, fieldProblem } from "../domain/validation/field-errors";
import { parseInput } from "../domain";
import { calendarDate } from "../domain/validation/primitives";
import type { Anchor } from "../model/anchor";
import { badRequest } from "../errors/api-error";
import { anchorHead, AnchorTextError, parseAnchors, pickAnchor } from "./anchor-text";

const number = z
  .string({ error: "doit être un numéro de document" })
  .regex(/^(FA|AV|EC|DR)-\d{4}-\d{6}$/, { message: "numéro d'Acompte attendu (exemple : FA-2026-000012)" });
const hash = z
  .string({ error: "doit être une empreinte" })
  .regex(/^[0-9a-fA-F]{64}$/, { message: "empreinte SHA-256 attendue (64 caractères hexadécimaux)" });

const anchorSchema = z.strictObject({
  date: calendarDate,
  heads: z.array(z.strictObject({ number, hash })).min(1).max(500),
});

export const verifyBodySchema = z
  .strictObject({
    anchor: anchorSchema.optional(),
    anchorText: z.string({ error: "doit être un texte" }).max(1_000_000).optional(),
    anchorDate: calendarDate.optional(),
  })
  .refine((b) => !(b.anchor && b.anchorText), {
    path: ["anchorText"],
    message: "donnez l'empreinte soit par ses valeurs (« anchor »), soit par son texte, pas les deux",
  });

function fromValues(input: z.output<typeof anchorSchema>): Anchor {
  const heads = input.heads.map((h) => anchorHead(h.number, h.hash)!);
  const series = heads.map((h) => h.series);
  const twice = series.find((s, i) => series.indexOf(s) !== i);
  if (twice)
    throw badRequest("Une même série figure deux fois dans l'empreinte.", [
      fieldProblem("anchor.heads", `la série ${twice} figure deux fois`),
    ]);
  return { date: input.date, heads };
}

function fromText(text: string, date: string | undefined): Anchor {
  try {
    return pickAnchor(parseAnchors(text), date);
  } catch (error) {
    if (error instanceof AnchorTextError)
      throw badRequest(error.message, [
        { path: "anchorText", message: `${fieldName(["anchorText"])} : ${error.message}` },
      ]);
    throw error;
  }
}

/** The anchor of a POST body, if any (400 with French details when malformed). */
export function anchorFromBody(body: unknown): Anchor | undefined {
  const parsed = parseInput(verifyBodySchema, body ?? {});
  if (parsed.anchor) return fromValues(parsed.anchor);
  if (parsed.anchorText !== undefined) return fromText(parsed.anchorText, parsed.anchorDate);
  return undefined;
}

/** The anchor of a GET query, if any. */
export function anchorFromQuery(query: Record<string, string>): Anchor | undefined {
  if (query.heads === undefined && query.anchorDate === undefined) return undefined;
  if (query.heads === undefined || query.anchorDate === undefined)
    throw badRequest("Une empreinte se donne par sa date et ses têtes de chaîne : anchorDate et heads.", [
      {
        path: query.heads === undefined ? "heads" : "anchorDate",
        message: `Paramètre « ${query.heads === undefined ? "heads" : "anchorDate"} » : obligatoire avec l'autre.`,
      },
    ]);
  const heads = query.heads.split(",").map((pair) => {
    const [n, h] = pair.split(":");
    return { number: n?.trim(), hash: h?.trim() };
  });
  return fromValues(parseInput(anchorSchema, { date: query.anchorDate, heads }));
}
