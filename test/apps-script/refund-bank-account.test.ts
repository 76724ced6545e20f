/**
 * The sidebar's entry points for the IBAN change guard (bundled Code.js run
 * against the stand-ins): the change and the confirmation go to the
 * functions under the sidebar's idempotency key; a bad key is refused
 * before any call. The sidebar's controls are bank-desk's (frontend).
 */
import { API_URL, COMPANY, harness, json, on } from "./addon-harness";

const KEY = "k0123456789abcdef0123456789abcd";
const SUMMARY = {
  refundId: "ref_1",
  refundNumber: "RB-2026-000001",
  bankAccount: { iban: "FR76 **** **** **** **** ***0 143", bic: null },
  change: null,
  heldUntil: "2026-04-19",
  holdReason: "IBAN changé le 20/03/2026…",
};

describe("IBAN change of a refund", () => {
  it("posts the change and the confirmation with the key; a missing BIC is not sent", async () => {
    const { addon, requests } = await harness([
      on("POST", "/refunds/ref_1/bank-account", json(200, SUMMARY)),
      on("POST", "/refunds/ref_1/bank-account/confirm", json(200, { ...SUMMARY, heldUntil: null, holdReason: null })),
    ]);
    expect(addon.changeRefundBankAccount("ref_1", "FR76 3000 4000 0312 3456 7890 143", null, KEY)).toEqual({
      ok: true,
      data: SUMMARY,
    });
    const confirmed = addon.confirmRefundBankAccount("ref_1", KEY);
    expect(confirmed.ok && confirmed.data.heldUntil).toBeNull();
    expect(requests.map((r) => [r.method, r.url.slice(API_URL.length), JSON.parse(r.body ?? "")])).toEqual([
      ["POST", `/v1/companies/${COMPANY}/refunds/ref_1/bank-account`, { iban: "FR76 3000 4000 0312 3456 7890 143" }],
      ["POST", `/v1/companies/${COMPANY}/refunds/ref_1/bank-account/confirm`, {}],
    ]);
    expect(requests.every((r) => r.headers["Idempotency-Key"] === KEY)).toBe(true);
  });

  it("refuses a malformed idempotency key before any call", async () => {
    const { addon, requests } = await harness([]);
    expect(addon.changeRefundBankAccount("ref_1", "FR76", "BNPAFRPP", "court").ok).toBe(false);
    expect(addon.confirmRefundBankAccount("ref_1", "court").ok).toBe(false);
    expect(requests).toEqual([]);
  });
});
