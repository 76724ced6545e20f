/**
 * Text Firestore cannot store, or that no person means — a lone UTF-16
 * surrogate, NUL and other control characters, bidi overrides — in any
 * free-text field or in `?orderRef=`: a French 400 naming the field at
 * once, before any transaction (it used to be a 500 after seconds of
 * retries, or a query hanging for 43 s), and nothing stored. Tabs and line
 * breaks stay allowed in multi-line fields (comments, reasons, addresses).
 */
import { snapshotAll } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wftext");
const fs = suite.fs;
const base = `/v1/companies/${C}`;

/** Refused 400 with one detail at `at` matching `problem`; no control character in the answer; nothing stored. */
async function refused(method: string, path: string, as: string, body: unknown, at: string, problem: RegExp) {
  const before = await snapshotAll(fs.db);
  const answer = await suite.api.call(method, path, { as, body });
  expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 400, code: "VALIDATION_FAILED" });
  expect(answer.body.error.details).toEqual([{ path: at, message: expect.stringMatching(problem) }]);
  expect(JSON.stringify(answer.body)).not.toMatch(/\\u00[01]|\\ud[89a-f]/);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error.details[0].message as string;
}

const LONE = /texte mal encodé : caractère Unicode incomplet \(demi-paire de substitution isolée\) en position \d+/;

describe("a deposit", () => {
  test("a lone surrogate in the customer's name, the order reference or a line's label", async () => {
    const message = await refused(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, customer: { ...DEPOSIT_BODY.customer, name: "Hôtel \ud800Bellevue" } },
      "customer.name",
      LONE,
    );
    expect(message).toBe(
      "Nom du client : texte mal encodé : caractère Unicode incomplet (demi-paire de substitution isolée) en position 7.",
    );
    await refused(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, orderRef: "CMD-\ud83d" },
      "orderRef",
      LONE,
    );
    await refused(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, order: { lines: [{ vatRate: "20", net: "12000.00", label: "Salle \udc00" }] } },
      "order.lines.0.label",
      LONE,
    );
  });

  test("NUL in the address, a line break in the name, a bidi override in the label", async () => {
    const customer = DEPOSIT_BODY.customer;
    const nul = await refused(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, customer: { ...customer, address: "3 quai\u0000Rambaud" } },
      "customer.address",
      /caractère de contrôle/,
    );
    expect(nul).toBe("Adresse : caractère de contrôle interdit (U+0000), en position 7.");
    await refused(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, customer: { ...customer, name: "Hôtel\nBellevue" } },
      "customer.name",
      /retour à la ligne ou tabulation interdits dans ce champ d'une ligne, en position 6/,
    );
    await refused(
      "POST",
      `${base}/deposits`,
      ACCOUNTING,
      { ...DEPOSIT_BODY, order: { lines: [{ vatRate: "20", net: "12000.00", label: "\u202eellaS" }] } },
      "order.lines.0.label",
      /caractère invisible de mise en page interdit \(U\+202E\), en position 1/,
    );
  });

  test("a multi-line address is recorded as typed", async () => {
    const address = "3 quai Rambaud\r\n\t69002 Lyon";
    const answer = await suite.api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, customer: { ...DEPOSIT_BODY.customer, address } },
    });
    expect(answer.status).toBe(201);
    expect((await fs.db.doc(`companies/${C}/deposits/${answer.body.id}`).get()).get("customer.address")).toBe(address);
  });
});

describe("the other bodies and the query", () => {
  let depositId: string;
  let refundId: string;
  let invoiceId: string;
  beforeEach(async () => {
    depositId = (await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).body.id;
    invoiceId = (
      await suite.api.call("POST", `${base}/invoices/external`, {
        as: ACCOUNTING,
        body: {
          number: "2026-F-0001",
          date: "2026-01-10",
          customer: DEPOSIT_BODY.customer,
          total: { net: "100.00", vat: "20.00" },
        },
      })
    ).body.id;
    suite.api.setToday("2026-03-10");
    refundId = (await suite.api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) })).body
      .id;
    expect([depositId, invoiceId, refundId].every((id) => typeof id === "string")).toBe(true);
  });

  test("a final invoice's order reference, which the deposits are looked up by", async () => {
    await refused(
      "POST",
      `${base}/invoices/final`,
      ACCOUNTING,
      { orderRef: "CMD-2026-017\ud800", supplyKind: "goods", lines: [{ vatRate: "20", net: "12000.00" }] },
      "orderRef",
      LONE,
    );
  });

  test("a refund's comment, a rejection's reason, an invoice's number, a dispute's reason", async () => {
    await refused(
      "POST",
      `${base}/refunds/quote`,
      REQUESTER,
      { ...refundBody(depositId), comment: "appel\u0007" },
      "comment",
      /^Commentaire : caractère de contrôle interdit \(U\+0007\), en position 6\.$/,
    );
    await refused("POST", `${base}/refunds/${refundId}/reject`, SALES, { reason: "\udc00" }, "reason", LONE);
    await refused(
      "POST",
      `${base}/invoices/external`,
      ACCOUNTING,
      {
        number: "2026-F-\u0000",
        date: "2026-01-10",
        customer: DEPOSIT_BODY.customer,
        total: { net: "1.00", vat: "0.20" },
      },
      "number",
      /caractère de contrôle interdit \(U\+0000\)/,
    );
    await refused(
      "POST",
      `${base}/invoices/${invoiceId}/dunning`,
      ACCOUNTING,
      { disputed: true, disputeReason: "Livraison \ud800contestée" },
      "disputeReason",
      LONE,
    );
  });

  test("a multi-line rejection reason is accepted", async () => {
    const answer = await suite.api.call("POST", `${base}/refunds/${refundId}/reject`, {
      as: SALES,
      body: { reason: "Commande maintenue :\n- client rappelé\n- devis signé" },
    });
    expect([answer.status, answer.body.status]).toEqual([200, "rejected"]);
  });

  test("?orderRef= with a control character: a French 400 naming the parameter", async () => {
    const answer = await suite.api.call("GET", `${base}/deposits?orderRef=CMD%07`, { as: REQUESTER });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([
      {
        path: "orderRef",
        message: "Référence de commande : caractère de contrôle interdit (U+0007), en position 4.",
      },
    ]);
    const fine = await suite.api.call("GET", `${base}/deposits?orderRef=${DEPOSIT_BODY.orderRef}`, { as: REQUESTER });
    expect(fine.body.map((d: { id: string }) => d.id)).toEqual([depositId]);
  });
});
