/**
 * GET …/fec answers the FEC itself, not JSON: `text/plain; charset=utf-8`,
 * `Content-Disposition: attachment; filename="<SIREN>FEC<closing date>.txt"`,
 * one header line then one line per journal line, `|`-separated, CRLF
 * (docs/fec.md). A refusal is the usual JSON error (422 FEC_CHECKS_FAILED
 * lists the problems the tax office's test tool would find).
 */
export type FecFile = string;

/** The content type of the FEC download. */
export const FEC_CONTENT_TYPE = "text/plain; charset=utf-8";
