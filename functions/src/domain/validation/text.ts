import { z } from "zod";

/**
 * Free text as every schema takes it: well-formed Unicode (Firestore
 * refuses a lone UTF-16 surrogate, and only after retrying its transaction
 * for seconds), no control character, bounded length. A person's text
 * never needs a control character; multi-line fields (comments, reasons,
 * addresses) keep tab and line breaks.
 */

/** ES2024 string methods Node 20 has, outside the ES2022 typings this project compiles against. */
type Es2024String = { isWellFormed(): boolean; toWellFormed(): string };
const es2024 = (value: string) => value as unknown as Es2024String;

/** C0 and C1 controls and DEL, except tab, line feed and carriage return (allowed in multi-line text only). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
/**
 * Line and paragraph separators break one-line exports (CSV, FEC); bidi
 * embeddings, overrides and isolates can make a name or a number read
 * differently from what is stored ("Trojan Source").
 */
const INVISIBLE_LAYOUT = /[\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const UNSHOWABLE = new RegExp(`${CONTROL.source}|${LINE_BREAK_OR_TAB.source}|${INVISIBLE_LAYOUT.source}`, "g");

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Index (1-based, in characters as counted by the length limits) of the first lone surrogate. */
function loneSurrogateAt(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i + 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i + 1;
  }
  return 0;
}

/** The French reason `value` cannot be stored as text, or null. */
export function textProblem(value: string, multiline = false): string | null {
  if (!es2024(value).isWellFormed())
    return `texte mal encodé : caractère Unicode incomplet (demi-paire de substitution isolée) en position ${loneSurrogateAt(value)}`;
  const control = CONTROL.exec(value) ?? (multiline ? null : LINE_BREAK_OR_TAB.exec(value));
  if (control) {
    const what = LINE_BREAK_OR_TAB.test(control[0])
      ? "retour à la ligne ou tabulation interdits dans ce champ d'une ligne"
      : `caractère de contrôle interdit (${codePoint(control[0])})`;
    return `${what}, en position ${control.index + 1}`;
  }
  const layout = INVISIBLE_LAYOUT.exec(value);
  if (layout)
    return `caractère invisible de mise en page interdit (${codePoint(layout[0])}), en position ${layout.index + 1}`;
  return null;
}

export interface TextOptions {
  /** Message when the value is not a string, e.g. "doit être un nom". */
  error: string;
  max: number;
  /** Message when longer than `max`; default « N caractères au plus ». */
  tooLong?: string;
  /** Set: the text is required (after trimming) and this is the message when it is empty. */
  required?: string;
  /** Tab and line breaks allowed (comments, reasons, addresses). */
  multiline?: boolean;
  /** Default true: surrounding spaces are dropped before the length checks. */
  trim?: boolean;
}

/** A text field: `text({ error: "doit être un nom", required: "le nom est obligatoire", max: 200 })`. */
export function text(options: TextOptions) {
  let schema = z.string({ error: options.error }).superRefine((value, ctx) => {
    const problem = textProblem(value, options.multiline);
    // Nothing else is said about a text that cannot be stored.
    if (problem) ctx.addIssue({ code: "custom", message: problem, continue: false });
  });
  if (options.trim !== false) schema = schema.trim();
  if (options.required !== undefined) schema = schema.min(1, { message: options.required });
  return schema.max(options.max, { message: options.tooLong ?? `${options.max} caractères au plus` });
}

/**
 * A value quoted back in a message (« 3600,00 » n'est pas…): short, and
 * with whatever could not be stored or shown replaced by « � », so a
 * refusal never carries the bad bytes into a sheet cell or a log.
 */
export function shown(value: string, max = 40): string {
  const safe = es2024(value).toWellFormed().replace(UNSHOWABLE, "\ufffd");
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}
