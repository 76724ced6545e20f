import type { z } from "zod";
import { EngineValidationError, parseInput } from "../domain";

/** Validates a request body with the engine's French error details (400 on failure). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseInput(schema, body ?? {});
}

/** Validates the query string the same way; a parameter without a label reads « Paramètre « x » », not « Champ ». */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  try {
    return parseInput(schema, query);
  } catch (error) {
    if (!(error instanceof EngineValidationError)) throw error;
    throw new EngineValidationError(
      error.details.map((d) => ({ ...d, message: d.message.replace(/^Champ «/, "Paramètre «") })),
    );
  }
}
