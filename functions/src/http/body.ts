import type { z } from "zod";
import { parseInput } from "../domain";

/** Validates a request body with the engine's French error details (400 on failure). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseInput(schema, body ?? {});
}
