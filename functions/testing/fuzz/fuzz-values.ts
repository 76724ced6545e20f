/**
 * The generated input: any JSON, and valid bodies with one field — at any
 * depth — replaced by a value that has broken parsers or storage before,
 * or removed. The callers vary too: mostly the member the route is for,
 * sometimes someone outside the company, or a company that does not exist.
 */
import fc from "fast-check";
import { FUZZ_COMPANY, type FuzzIds, type FuzzTarget, STRANGER, TARGETS, UNKNOWN_COMPANY } from "./fuzz-targets";

/** Text Firestore cannot store, or a person never means: lone surrogates, NUL, controls, bidi overrides. */
export const MALFORMED_TEXT = [
  "\ud800",
  "Garage \udc00Dupuis",
  "CMD-\ud83d",
  "\u0000",
  "abc\u0000def",
  "bell\u0007",
  "\u001b[31mrouge",
  "tab\there",
  "ligne\nsuivante",
  "\u0085",
  "\u2028",
  "\u202eSAS",
  "\u0000\u202e",
] as const;

/** Amounts and dates beyond the product's bounds (13 digits, year 0000 or 9999…), and just within. */
export const OUT_OF_BOUNDS = [
  "9999999999999.99",
  "1234567890123.45",
  "1000000000.00",
  "999999999.99",
  "0000-01-01",
  "1999-12-31",
  "9999-12-31",
  "2100-01-01",
] as const;

/** Values that have broken parsers before: huge, tiny, negative zero, formulas, deep nesting, bad text. */
export const nasty = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      1e308,
      -0,
      5e-324,
      Number.MAX_SAFE_INTEGER + 2,
      "3600,00",
      "3 600.00",
      "1e3",
      "-0.00",
      "NaN",
      '=HYPERLINK("http://x";"y")',
      "2026-02-30",
      "2026-13-01",
      "x".repeat(100_000),
      "😀 emoji valide",
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...MALFORMED_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...OUT_OF_BOUNDS) },
  // Any string, lone surrogates included (fast-check's default strings stay well-formed).
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

type Path = (string | number)[];

/** Every path to a value of `body` (objects and arrays included), depth first. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** `body` with the value at `path` replaced by `value` (removed when undefined). */
export function withValueAt(body: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

const mutated = (valid: Record<string, unknown>) =>
  fc
    .record({ path: fc.constantFrom(...pathsOf(valid)), value: fc.option(nasty, { nil: undefined }) })
    .map(({ path, value }) => withValueAt(valid, path, value));

/** What the framework hands to the function: an object or an array. */
const anyBody = fc.oneof(
  fc.dictionary(fc.string(), nasty, { maxKeys: 6 }),
  fc.array(nasty, { maxLength: 4 }),
  fc.constantFrom<unknown>([], {}, JSON.parse('{"__proto__":{"admin":true}}')),
);

/** Query strings: the valid one with its parameter replaced, or any parameters. */
const anyQuery = (valid: Record<string, unknown>) =>
  fc.oneof(
    mutated(valid),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(nasty, fc.array(fc.string(), { maxLength: 3 })), {
      maxKeys: 3,
    }),
  );

/** Who calls: the route's member, a signed-in outsider, or anyone on a company that does not exist. */
export type Caller = "member" | "outsider" | "unknown company";

export interface FuzzCase {
  target: string;
  caller: Caller;
  input: unknown;
}

export function fuzzCases(ids: FuzzIds) {
  return fc.oneof(
    ...TARGETS.map((target) =>
      fc.record({
        target: fc.constant(target.name),
        caller: fc.constantFrom<Caller>(
          "member",
          "member",
          "member",
          "member",
          "member",
          "member",
          "outsider",
          "unknown company",
        ),
        input: target.input === "query" ? anyQuery(target.valid(ids)) : fc.oneof(anyBody, mutated(target.valid(ids))),
      }),
    ),
  );
}

/** The request a case makes: method, address, who and what. */
export function requestOf(
  fuzzCase: FuzzCase,
  ids: FuzzIds,
): { target: FuzzTarget; method: string; path: string; as: string; body?: unknown } {
  const target = TARGETS.find((t) => t.name === fuzzCase.target)!;
  const company = fuzzCase.caller === "unknown company" ? UNKNOWN_COMPANY : FUZZ_COMPANY;
  const as = fuzzCase.caller === "member" ? target.as : fuzzCase.caller === "outsider" ? STRANGER : target.as;
  const path = target.path(ids, company);
  if (target.input === "body") return { target, method: target.method, path, as, body: fuzzCase.input };
  return { target, method: target.method, path: `${path}${queryString(fuzzCase.input)}`, as };
}

/** Percent-encodes like a browser would, lone surrogates included (as U+FFFD: UTF-8 cannot carry them). */
function encode(value: string): string {
  return [...Buffer.from(value, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
}

function queryString(input: unknown): string {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return "";
  const pairs = Object.entries(input).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v])
      .filter((x) => x !== undefined)
      .map((x) => `${encode(k)}=${encode(typeof x === "string" ? x : JSON.stringify(x))}`),
  );
  return pairs.length ? `?${pairs.join("&")}` : "";
}
