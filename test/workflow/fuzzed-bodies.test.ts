/**
 * "Bad input gets a clear French message and a 4xx, never a 500, and
 * changes nothing", checked on arbitrary input rather than on the cases we
 * thought of: every route that takes a body receives generated JSON — any
 * object or array, or a valid body with one field replaced by any value or
 * removed. An answer may be a success (a mutation can still be valid); a
 * refusal must be a 4xx in our error shape, in French, with every document
 * as it was. A bare number, string, boolean or null never reaches the
 * function: the functions framework's JSON parser (strict mode) refuses it
 * with its own 400, as it does invalid JSON (docs/api.md).
 */
import fc from "fast-check";
import { TestApi, seedCompany, snapshotAll, startTestApi } from "../support/workflow-api";
import { testFirestore } from "../support/firestore";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, USERS, refundBody } from "./fixtures";

const fs = testFirestore("wffuzz");
let api: TestApi;
const base = `/v1/companies/${C}`;
let depositId: string;
let refundId: string;
let invoiceId: string;

const CUSTOMER = { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554" };

beforeAll(async () => {
  api = await startTestApi(fs.db);
  await seedCompany(fs.db, C, USERS as never, { approvalThreshold: "4000.00" });
  api.setToday("2026-01-15");
  depositId = (await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).body.id;
  invoiceId = (
    await api.call("POST", `${base}/invoices/external`, {
      as: ACCOUNTING,
      body: {
        number: "2025-F-0917",
        date: "2025-12-10",
        customer: CUSTOMER,
        lines: [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
        dueDate: "2026-01-09",
      },
    })
  ).body.id;
  api.setToday("2026-03-10");
  refundId = (await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) })).body.id;
  expect([depositId, invoiceId, refundId].every((id) => typeof id === "string")).toBe(true);
});
afterAll(async () => {
  await api.close();
  await fs.close();
});

interface Target {
  method: "POST" | "PUT";
  path: () => string;
  as: string;
  valid: () => Record<string, unknown>;
}

const TARGETS: Record<string, Target> = {
  "record a deposit": { method: "POST", path: () => `${base}/deposits`, as: ACCOUNTING, valid: () => DEPOSIT_BODY },
  "quote a refund": {
    method: "POST",
    path: () => `${base}/refunds/quote`,
    as: REQUESTER,
    valid: () => refundBody(depositId),
  },
  "request a refund": {
    method: "POST",
    path: () => `${base}/refunds`,
    as: REQUESTER,
    valid: () => refundBody(depositId),
  },
  "reject a request": {
    method: "POST",
    path: () => `${base}/refunds/${refundId}/reject`,
    as: SALES,
    valid: () => ({ reason: "Commande maintenue par le client" }),
  },
  "record an instalment paid": {
    method: "POST",
    path: () => `${base}/refunds/${refundId}/instalments/1/pay`,
    as: ACCOUNTING,
    valid: () => ({ paidOn: "2026-03-31" }),
  },
  "issue a final invoice": {
    method: "POST",
    path: () => `${base}/invoices/final`,
    as: ACCOUNTING,
    valid: () => ({
      orderRef: DEPOSIT_BODY.orderRef,
      supplyKind: "goods",
      lines: [{ vatRate: "20", net: "12000.00", label: "Agencement salle" }],
    }),
  },
  "record a payment": {
    method: "POST",
    path: () => `${base}/payments`,
    as: ACCOUNTING,
    valid: () => ({
      customer: CUSTOMER,
      date: "2026-03-01",
      amount: "500.00",
      means: "virement",
      invoiceIds: [invoiceId],
    }),
  },
  "record a dispute": {
    method: "POST",
    path: () => `${base}/invoices/${invoiceId}/dunning`,
    as: ACCOUNTING,
    valid: () => ({ disputed: true, disputeReason: "Livraison contestée" }),
  },
  "set a user's roles": {
    method: "PUT",
    path: () => `${base}/users/${encodeURIComponent("nina@acme.fr")}`,
    as: ADMIN,
    valid: () => ({ roles: ["requester"] }),
  },
};

/** Values that have broken parsers before: huge, tiny, negative zero, formulas, control characters, deep nesting. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
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
    "\u0000\u202e",
    "2026-02-30",
    "2026-13-01",
    "x".repeat(100_000),
  ),
);

/** A valid body with one field (top level or one level down) replaced by `value`, or removed. */
function mutated(valid: Record<string, unknown>) {
  const paths: string[][] = Object.entries(valid).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? [[k], ...Object.keys(v).map((kk) => [k, kk])] : [[k]],
  );
  return fc.record({ path: fc.constantFrom(...paths), value: fc.option(nasty, { nil: undefined }) }).map((m) => {
    const body = structuredClone(valid) as Record<string, Record<string, unknown>>;
    const [k, kk] = m.path;
    if (kk === undefined) body[k] = m.value as never;
    else body[k] = { ...body[k], [kk]: m.value };
    return body as unknown;
  });
}

const FRENCH = /[éèàêçù]|vous|champ|demande|obligatoire|introuvable|montant|doit|facture|acompte/i;

/** What the framework hands to the function: an object or an array. */
const anyBody = fc.oneof(
  fc.dictionary(fc.string(), nasty, { maxKeys: 6 }),
  fc.array(nasty, { maxLength: 4 }),
  fc.constantFrom([], {}, JSON.parse('{"__proto__":{"admin":true}}')),
);

describe.each(Object.entries(TARGETS))("%s", (_name, target) => {
  test("arbitrary bodies: a success or a French 4xx that changes nothing, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyBody, mutated(target.valid())), async (body) => {
        const before = await snapshotAll(fs.db);
        const answer = await api.call(target.method, target.path(), { as: target.as, body });
        expect(answer.status).toBeLessThan(500);
        if (answer.status < 400) return;
        expect(answer.body.error).toEqual(
          expect.objectContaining({ code: expect.any(String), message: expect.stringMatching(FRENCH) }),
        );
        expect(await snapshotAll(fs.db)).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });
});

test("a bare JSON value is refused 400 by the framework's parser before the function runs, changing nothing", async () => {
  for (const rawBody of ["1e308", "0", '"texte"', "true", "null"]) {
    const before = await snapshotAll(fs.db);
    const answer = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, rawBody });
    expect([rawBody, answer.status]).toEqual([rawBody, 400]);
    expect(await snapshotAll(fs.db)).toEqual(before);
  }
});
