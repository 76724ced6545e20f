import { ApiError } from "../errors/api-error";

/**
 * The largest request body the api takes. The biggest real one (a deposit
 * of 200 order lines with 200-character labels, every character escaped)
 * stays under 400 KiB; Cloud Run would let 32 MiB through, and the
 * functions framework parses up to 1 GiB.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** 1048576 → « 1 048 576 octets » (narrow no-break spaces, as French amounts). */
const octets = (bytes: number) => `${String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")} octets`;

export function payloadTooLarge(bytes: number): ApiError {
  return new ApiError(
    413,
    "PAYLOAD_TOO_LARGE",
    `Requête trop volumineuse (${octets(bytes)}) : 1 Mio (${octets(MAX_BODY_BYTES)}) au plus. Envoyez moins de lignes à la fois.`,
  );
}

/**
 * The body's size as announced (Content-Length) or, for a chunked body,
 * as received (the framework keeps the raw bytes it parsed); 0 when none.
 */
export function bodyBytes(contentLength: string | undefined, rawBody: { length: number } | undefined): number {
  const announced = Number(contentLength);
  return Math.max(Number.isFinite(announced) ? announced : 0, rawBody?.length ?? 0);
}
