import fc from "fast-check";
import { requestBody, splitByPayload, type ValueRangeLike } from "../../functions/src/sheets/split-payload";

const bodyBytes = (batch: ValueRangeLike[]) => Buffer.byteLength(JSON.stringify(requestBody(batch)));

/** Every cell a list of ranges writes, as `sheet!row:column → value`, in writing order. */
function cellsOf(ranges: ValueRangeLike[]): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  for (const vr of ranges) {
    const [, sheet, first] = /^(.*)![A-Z]+(\d+):[A-Z]+\d+$/.exec(vr.range)!;
    vr.values.forEach((line, r) => line.forEach((v, c) => cells.set(`${sheet}!${Number(first) + r}:${c}`, v)));
  }
  return cells;
}

/** Each range's declared rows match its values (a part never claims rows it does not write). */
function rowsDeclared(vr: ValueRangeLike): number {
  const [, first, last] = /(\d+):[A-Z]+(\d+)$/.exec(vr.range)!;
  return Number(last) - Number(first) + 1;
}

describe("splitByPayload", () => {
  it("keeps everything in one call under the limit", () => {
    const small = [
      {
        range: "'A'!A2:B3",
        values: [
          ["a", 1],
          ["b", 2],
        ],
      },
    ];
    expect(splitByPayload(small, 1000)).toEqual([small]);
  });

  it("fills every call up to the limit, cutting ranges at row boundaries, so a big sync makes ceil(bytes / limit) calls", () => {
    const sheet = (title: string, rows: number, start: number) => ({
      range: `'${title}'!A${start}:C${start + rows - 1}`,
      values: Array.from({ length: rows }, (_, i) => [`${title}-${i}`, `Client ${i} « SARL »`, i * 100.5]),
    });
    const ranges = [sheet("Acomptes", 700, 2), sheet("Écritures", 2100, 2), sheet("Factures", 50, 40)];
    const limit = 20_000;
    const batches = splitByPayload(ranges, limit);
    const total = bodyBytes(ranges);
    // A cut costs one range header (~40 bytes) and leaves at most one row's room unused.
    expect(batches.length).toBeLessThanOrEqual(Math.ceil((total * 1.01) / limit));
    for (const b of batches) expect(bodyBytes(b)).toBeLessThanOrEqual(limit);
    for (const b of batches.slice(0, -1)) expect(bodyBytes(b)).toBeGreaterThan(limit - 120);
    const parts = batches.flat();
    for (const p of parts) expect(rowsDeclared(p)).toBe(p.values.length);
    expect(cellsOf(parts)).toEqual(cellsOf(ranges));
  });

  it("never loses, moves or doubles a cell, and every call stays under the limit (property)", () => {
    const value = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
    );
    const range = fc.record({
      title: fc.constantFrom("Acomptes", "Échéancier", "O'Brien"),
      start: fc.integer({ min: 1, max: 50_000 }),
      values: fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 60 }),
    });
    fc.assert(
      fc.property(fc.array(range, { maxLength: 6 }), fc.integer({ min: 400, max: 6_000 }), (specs, limit) => {
        const ranges = specs.map((s, i) => ({
          range: `'${s.title.replace(/'/g, "''")}${i}'!A${s.start}:E${s.start + s.values.length - 1}`,
          values: s.values,
        }));
        const batches = splitByPayload(ranges, limit);
        const parts = batches.flat();
        for (const b of batches) {
          expect(b.length).toBeGreaterThan(0);
          // Only a single row larger than the limit may pass it, alone in its call.
          if (bodyBytes(b) > limit) expect(b.length === 1 && b[0].values.length === 1).toBe(true);
        }
        for (const p of parts) expect(rowsDeclared(p)).toBe(p.values.length);
        expect(parts.flatMap((p) => p.values)).toEqual(ranges.flatMap((r) => r.values));
        expect(cellsOf(parts)).toEqual(cellsOf(ranges));
      }),
      { numRuns: 200 },
    );
  });
});
