/**
 * The order of the api's checks (docs/input-validation.md): a body too
 * large is refused 413 before anything else; someone outside the company
 * gets the same 403 whatever they send — before the body is looked at, so
 * its schema cannot be learnt from field errors — and a company that does
 * not exist answers exactly like one the caller is not a member of, so
 * company ids cannot be probed.
 */
import { request } from "node:http";
import { MAX_BODY_BYTES } from "../../functions/src/http/body-limit";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { type CallResult, snapshotAll } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, refundBody } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wforder");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
const STRANGER = "stranger@elsewhere.test";

/** Every route that takes a body, with a body its schema refuses. */
const INVALID_BODIES: [string, string, unknown][] = [
  ["POST", "/deposits", { customer: { name: 5 }, order: [] }],
  ["POST", "/refunds/quote", { depositId: "x", scope: "all" }],
  ["POST", "/refunds", { reason: "because" }],
  ["POST", "/refunds/r1/approve", { extra: true }],
  ["POST", "/refunds/r1/reject", { reason: "\ud800" }],
  ["POST", "/refunds/r1/cancel", { extra: true }],
  ["POST", "/refunds/r1/instalments/0/pay", { paidOn: "0000-01-01" }],
  ["POST", "/invoices/final", { lines: "none" }],
  ["POST", "/invoices/external", { total: { net: "9999999999999.99" } }],
  ["POST", "/invoices/i1/dunning", { promiseUntil: "9999-12-31" }],
  ["POST", "/invoices/i1/penalties", { claimIndemnity: "oui" }],
  ["POST", "/payments", { amount: -1 }],
  ["PUT", "/users/not-an-email", { roles: "admin" }],
];

/** The answer anyone outside a company gets. */
async function forbidden(): Promise<CallResult> {
  const answer = await suite.api.call("GET", `${base}/me`, { as: STRANGER });
  expect(answer).toEqual({
    status: 403,
    body: {
      error: {
        code: "FORBIDDEN",
        message: "Vous n'êtes pas membre de cette société : demandez l'accès à un administrateur.",
        details: [],
      },
    },
  });
  return answer;
}

test("someone outside the company gets the same 403 whatever the body, before any field is checked", async () => {
  const expected = await forbidden();
  const before = await snapshotAll(fs.db);
  for (const [method, path, body] of INVALID_BODIES) {
    const answer = await suite.api.call(method, `${base}${path}`, { as: STRANGER, body });
    expect([path, answer]).toEqual([path, expected]);
  }
  // Even without the Idempotency-Key a change requires.
  const noKey = await suite.api.call("POST", `${base}/deposits`, { as: STRANGER, body: DEPOSIT_BODY, key: null });
  expect(noKey).toEqual(expected);
  expect(await snapshotAll(fs.db)).toEqual(before);
});

test("a company that does not exist answers exactly like a forbidden one, valid body or not", async () => {
  const expected = await forbidden();
  const depositId = (await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).body.id;
  const before = await snapshotAll(fs.db);
  const unknown = "/v1/companies/no-such-company";
  const calls: [string, string, string, unknown?][] = [
    ["GET", `${unknown}/me`, ACCOUNTING],
    ["GET", `${unknown}/deposits/${depositId}`, ACCOUNTING],
    ["GET", `${unknown}/deposits?orderRef=${DEPOSIT_BODY.orderRef}`, ACCOUNTING],
    ["POST", `${unknown}/deposits`, ACCOUNTING, DEPOSIT_BODY],
    ["POST", `${unknown}/refunds`, REQUESTER, refundBody(depositId)],
    ...INVALID_BODIES.map(([method, path, body]): [string, string, string, unknown] => [
      method,
      `${unknown}${path}`,
      STRANGER,
      body,
    ]),
  ];
  for (const [method, path, as, body] of calls) {
    const answer = await suite.api.call(method, path, { as, body });
    expect([path, answer]).toEqual([path, expected]);
  }
  expect(await snapshotAll(fs.db)).toEqual(before);
});

describe("413: a body above 1 MiB", () => {
  const tooLarge = (bytes: number) =>
    JSON.stringify({ ...DEPOSIT_BODY, customer: { ...DEPOSIT_BODY.customer, address: "x".repeat(bytes) } });

  const expect413 = (answer: Pick<CallResult, "status" | "body">) => {
    expect(answer.status).toBe(413);
    expect(answer.body.error).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(
        /^Requête trop volumineuse \((\d{1,3}\u202f)+\d{3} octets\) : 1 Mio \(1\u202f048\u202f576 octets\) au plus\./,
      ),
      details: [],
    });
  };

  test("announced by its Content-Length: refused before anything else, even the token, nothing stored", async () => {
    const before = await snapshotAll(fs.db);
    expect413(await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, rawBody: tooLarge(MAX_BODY_BYTES) }));
    expect413(await suite.api.call("POST", `${base}/deposits`, { token: null, rawBody: tooLarge(2 * MAX_BODY_BYTES) }));
    expect(await snapshotAll(fs.db)).toEqual(before);
  });

  test("announced at 1 GiB: answered 413 without the body being read", async () => {
    const url = new URL(`${suite.api.url}${base}/deposits`);
    const answer = await new Promise<Pick<CallResult, "status" | "body">>((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": String(1024 ** 3),
            authorization: `Bearer ${mintLocalToken(ACCOUNTING)}`,
          },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      req.on("error", reject);
      // Only the start of the announced gigabyte is ever sent.
      req.write('{"customer":');
    });
    expect413(answer);
  });

  test("sent in chunks without a Content-Length: the api's own check refuses it once parsed, as deployed", async () => {
    const body = new TextEncoder().encode(tooLarge(MAX_BODY_BYTES + 10));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 64 * 1024) controller.enqueue(body.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const before = await snapshotAll(fs.db);
    expect413(await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, rawBody: stream }));
    expect(await snapshotAll(fs.db)).toEqual(before);
  });

  test("a large body within the limit is taken", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({
      vatRate: "20",
      net: "10.00",
      label: `${"é".repeat(190)} ${i}`,
    }));
    const body = { ...DEPOSIT_BODY, order: { lines } };
    expect(JSON.stringify(body).length).toBeGreaterThan(40_000);
    expect((await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body })).status).toBe(201);
  });
});
