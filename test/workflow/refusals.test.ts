import { generateKeyPairSync } from "node:crypto";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { testFirestore } from "../support/firestore";
import { TestApi, seedCompany, snapshotAll, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, USERS, refundBody } from "./fixtures";

const fs = testFirestore("wfrefuse");
let api: TestApi;
const base = `/v1/companies/${C}`;
let depositId: string;
let refundId: string;

beforeAll(async () => {
  api = await startTestApi(fs.db);
  await seedCompany(fs.db, C, USERS as never, { approvalThreshold: "4000.00" });
  api.setToday("2026-01-15");
  depositId = (await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).body.id;
  api.setToday("2026-03-10");
  refundId = (await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) })).body.id;
});
afterAll(async () => {
  await api.close();
  await fs.close();
});

/** Runs a call that must be refused and proves no document changed. */
async function refused(
  method: string,
  path: string,
  options: Parameters<TestApi["call"]>[2],
  status: number,
  code?: string,
) {
  const before = await snapshotAll(fs.db);
  const answer = await api.call(method, path, options);
  expect(answer.status).toBe(status);
  expect(answer.body.error).toEqual(
    expect.objectContaining({ code: code ?? expect.any(String), message: expect.any(String) }),
  );
  // French, and never the library's English reason.
  expect(answer.body.error.message).toMatch(/[éèàêç]|jeton|vous|champ|demande|adresse|obligatoire|introuvable/i);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer;
}

const forgedKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

/** What Cloud Run forwards when its invoker IAM check verified the token: same header and claims, no signature. */
function stripSignature(token: string): string {
  const [header, payload] = token.split(".");
  return `${header}.${payload}.SIGNATURE_REMOVED_BY_GOOGLE`;
}

describe("401: no valid ID token", () => {
  const approve = () => `${base}/refunds/${refundId}/approve`;
  test("missing", () => refused("POST", approve(), { token: null }, 401, "UNAUTHENTICATED"));
  test("forged (signed by another key)", () =>
    refused("POST", approve(), { token: mintLocalToken(ACCOUNTING, { privateKeyPem: forgedKey }) }, 401));
  test("expired (beyond the 5-minute clock skew)", () =>
    refused("POST", approve(), { token: mintLocalToken(ACCOUNTING, { expiresIn: -3600 }) }, 401));
  test("wrong audience", () =>
    refused(
      "POST",
      approve(),
      { token: mintLocalToken(ACCOUNTING, { audience: "someone-else.apps.googleusercontent.com" }) },
      401,
    ));
  test("wrong issuer", () =>
    refused("POST", approve(), { token: mintLocalToken(ACCOUNTING, { issuer: "https://evil.example" }) }, 401));
  test("e-mail not verified", () =>
    refused("POST", approve(), { token: mintLocalToken(ACCOUNTING, { emailVerified: false }) }, 401));
  test("garbage", () => refused("GET", `${base}/me`, { token: "abc.def.ghi" }, 401));
  test("a valid token whose signature was stripped (as Cloud Run forwards it after its own IAM check)", () =>
    refused("POST", approve(), { token: stripSignature(mintLocalToken(ACCOUNTING)) }, 401, "UNAUTHENTICATED"));
});

describe("405: a known address with another method", () => {
  test("names the accepted methods in Allow and in French", async () => {
    const answer = await refused(
      "DELETE",
      `${base}/refunds/${refundId}`,
      { as: ACCOUNTING },
      405,
      "METHOD_NOT_ALLOWED",
    );
    expect(answer.headers.get("allow")).toBe("GET");
    expect(answer.body.error.message).toContain("acceptées : GET");
  });
});

describe("403: wrong role, self-approval", () => {
  test("requester cannot approve", () =>
    refused("POST", `${base}/refunds/${refundId}/approve`, { as: REQUESTER }, 403, "FORBIDDEN"));
  test("requester holding an approver role still cannot approve their own request", async () => {
    await fs.db.doc(`companies/${C}/users/${REQUESTER}`).update({ roles: ["requester", "accounting_approver"] });
    const answer = await refused("POST", `${base}/refunds/${refundId}/approve`, { as: REQUESTER }, 403);
    expect(answer.body.error.message).toMatch(/propre demande/);
    await fs.db.doc(`companies/${C}/users/${REQUESTER}`).update({ roles: ["requester"] });
  });
  test("sales approver cannot record an instalment paid", () =>
    refused("POST", `${base}/refunds/${refundId}/instalments/1/pay`, { as: SALES }, 403));
  test("non-member", () => refused("GET", `${base}/deposits/${depositId}`, { as: "stranger@gmail.com" }, 403));
  test("only an admin sets roles", () =>
    refused("PUT", `${base}/users/x@acme.fr`, { as: ACCOUNTING, body: { roles: ["admin"] } }, 403));
  test("only an admin verifies the chains", () => refused("GET", `${base}/audit/verify`, { as: ACCOUNTING }, 403));
  test("another member cannot cancel the request", () =>
    refused("POST", `${base}/refunds/${refundId}/cancel`, { as: "other@acme.fr" }, 403));
});

describe("400: malformed input, with French per-field details", () => {
  test("bad VAT rate and missing SIREN", async () => {
    const answer = await refused(
      "POST",
      `${base}/deposits`,
      {
        as: ACCOUNTING,
        body: {
          ...DEPOSIT_BODY,
          customer: { name: "X", kind: "b2b" },
          order: { lines: [{ vatRate: "19.6", net: "100.00" }] },
        },
      },
      400,
      "VALIDATION_FAILED",
    );
    expect(answer.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "customer.siren",
      "order.lines.0.vatRate",
    ]);
  });
  test("float amount instead of a decimal string", () =>
    refused("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, deposit: { amount: 12.5 } } }, 400));
  test("unknown field", () =>
    refused("POST", `${base}/refunds`, { as: REQUESTER, body: { ...refundBody(depositId), hack: true } }, 400));
  test("invalid JSON: 400 from the framework's JSON parser, nothing changed", async () => {
    // The functions framework parses JSON before the function runs and answers 400 itself (not our JSON error shape).
    const before = await snapshotAll(fs.db);
    expect((await api.call("POST", `${base}/refunds`, { as: REQUESTER, rawBody: "{not json" })).status).toBe(400);
    expect(await snapshotAll(fs.db)).toEqual(before);
  });
  test("missing Idempotency-Key", () =>
    refused("POST", `${base}/refunds/${refundId}/approve`, { as: ACCOUNTING, key: null }, 400));
  test("rejection without a reason", () =>
    refused("POST", `${base}/refunds/${refundId}/reject`, { as: ACCOUNTING, body: { reason: "  " } }, 400));
  test("ids Firestore would reject", async () => {
    await refused("GET", `${base}/refunds/__x__`, { as: ACCOUNTING }, 400);
    await refused("POST", `/v1/companies/a%20b/refunds/${refundId}/approve`, { as: ACCOUNTING }, 400);
  });
  test("ids Firestore would reject, in a body: refused in French, not a 500", async () => {
    for (const bad of ['=HYPERLINK("http://x";"y")', "__x__", "..", "x".repeat(129)]) {
      const quote = await refused("POST", `${base}/refunds/quote`, { as: REQUESTER, body: refundBody(bad) }, 400);
      expect(quote.body.error.details).toEqual([
        { path: "depositId", message: expect.stringContaining("identifiant") },
      ]);
      await refused(
        "POST",
        `${base}/refunds`,
        { as: REQUESTER, body: { ...refundBody(depositId), depositId: undefined, customerCreditId: bad } },
        400,
      );
      await refused(
        "POST",
        `${base}/payments`,
        {
          as: ACCOUNTING,
          body: {
            customer: DEPOSIT_BODY.customer,
            date: "2026-03-01",
            amount: "10.00",
            means: "virement",
            invoiceIds: [bad],
          },
        },
        400,
      );
    }
  });
  test("instalment number not a number", () =>
    refused("POST", `${base}/refunds/${refundId}/instalments/x/pay`, { as: ACCOUNTING }, 400));
});

describe("404, 409, 422", () => {
  test("unknown request", () => refused("POST", `${base}/refunds/nope/approve`, { as: ACCOUNTING }, 404));
  test("paying an instalment of a request not yet approved", () =>
    refused("POST", `${base}/refunds/${refundId}/instalments/1/pay`, { as: ACCOUNTING }, 409, "INVALID_STATE"));
  test("a second full refund while the first is in flight: nothing left to refund", () =>
    refused(
      "POST",
      `${base}/refunds`,
      { as: REQUESTER, body: { ...refundBody(depositId), scope: { kind: "amount", amount: "10.00" } } },
      422,
    ));
  test("approving a rejected request", async () => {
    const other = (
      await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, orderRef: "CMD-2" } })
    ).body.id;
    const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(other) });
    const reject = await api.call("POST", `${base}/refunds/${req.body.id}/reject`, {
      as: SALES,
      body: { reason: "Client livré finalement" },
    });
    expect(reject.body.status).toBe("rejected");
    const history = await api.call("GET", `${base}/refunds/${req.body.id}`, { as: ADMIN });
    expect(history.body.history.at(-1)).toMatchObject({
      type: "refund.rejected",
      by: SALES,
      reason: "Client livré finalement",
      after: "rejected",
    });
    await refused("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING }, 409, "INVALID_STATE");
    await refused("POST", `${base}/refunds/${req.body.id}/cancel`, { as: REQUESTER }, 409);
    // The rejected amount is refundable again.
    expect((await api.call("GET", `${base}/deposits/${other}`, { as: ADMIN })).body.refundableBalance).toBe("4320.00");
  });
});
