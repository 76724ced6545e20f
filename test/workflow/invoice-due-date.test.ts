import { invoiceDueDate } from "../../functions/src/workflow/invoice-due-date";
import { canonicalJson } from "../../functions/src/storage/canonical-json";
import { chainHash } from "../../functions/src/storage/chain-hash";

test("due dates follow the terms within the L441-10 caps", () => {
  expect(invoiceDueDate("2026-01-15", { kind: "days", days: 30 })).toBe("2026-02-14");
  expect(invoiceDueDate("2026-01-15", { kind: "days", days: 90 })).toBe("2026-03-16"); // capped at 60 days
  expect(invoiceDueDate("2026-01-15", { kind: "days", days: 0 })).toBe("2026-01-15");
  // "45 jours fin de mois" read as: 15/01 + 45 days = 01/03, then the end of that month.
  expect(invoiceDueDate("2026-01-15", { kind: "endOfMonth45" })).toBe("2026-03-31");
});

test("the chain hash depends on content, place, predecessor and recording time, not on key order", () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: null }, u: undefined })).toBe(
    '{"a":{"c":null,"d":[2,{"e":2,"f":1}]},"b":1}',
  );
  const base = {
    series: "creditNote-2026",
    seq: 1,
    prevHash: "",
    recordedAt: "2026-03-10T11:00:00.000Z",
    content: { number: "AV-2026-000001", total: "4320.00" },
  };
  const h = chainHash(base);
  expect(chainHash({ ...base, content: { total: "4320.00", number: "AV-2026-000001" } })).toBe(h);
  expect(chainHash({ ...base, content: { number: "AV-2026-000001", total: "4320.01" } })).not.toBe(h);
  expect(chainHash({ ...base, seq: 2 })).not.toBe(h);
  expect(chainHash({ ...base, prevHash: "x" })).not.toBe(h);
  expect(chainHash({ ...base, recordedAt: "2026-03-10T11:00:00.001Z" })).not.toBe(h);
  expect(h).toMatch(/^[0-9a-f]{64}$/);
});
