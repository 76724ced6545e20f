/**
 * What the bank tests share (bank-transfers, bank-guard): the company's and
 * customers' accounts, approved refunds with IBANs, « Préparer les
 * virements », camt.053 statements checked against the schema, and the
 * check that a refusal is French and changes nothing.
 */
import { COMPANIES } from "../../functions/src/model/collections";
import type { InstalmentDoc } from "../../functions/src/model/refund";
import { validateAgainstSchema } from "../../functions/testing/bank/xmllint";
import { camtStatement, type FakeEntry } from "../../functions/testing/bank/camt-statement";
import { snapshotAll, type CallOptions, type CallResult } from "../support/workflow-api";
import { wordingProblems } from "../support/french-wording";
import type { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";

/** The company's account (a valid French IBAN, Crédit Agricole's BIC) and two customers' accounts. */
export const COMPANY_IBAN = "FR7630006000011234567890189";
export const COMPANY_BIC = "AGRIFRPP";
export const HOTEL_IBAN = "FR14 2004 1010 0505 0001 3M02 606";
export const HOTEL_BIC = "psst fr pp par";
export const CONSUMER_IBAN = "DE89 3704 0044 0532 0130 00";
export const CONSUMER = { name: "Hélène Lefèvre-Œstrup", kind: "b2c", email: "helene@example.fr" };
export const base = `/v1/companies/${C}`;

export type BankDetails = { iban?: string; bic?: string };

export function bankKit(suite: ReturnType<typeof workflowSuite>) {
  const fs = suite.fs;

  /**
   * Per order, a deposit cashed 15/01/2026 (all deposits first: invoice
   * numbers follow their dates) and its full refund in two monthly
   * instalments (31/03 and 30/04), requested and approved on 10/03/2026.
   */
  async function approvedRefunds(orders: { orderRef: string; customer: object; bank: BankDetails }[]) {
    const api = suite.api;
    api.setToday("2026-01-15");
    const deposits: string[] = [];
    for (const { orderRef, customer } of orders) {
      const dep = await api.call("POST", `${base}/deposits`, {
        as: ACCOUNTING,
        body: { ...DEPOSIT_BODY, customer, orderRef },
      });
      expect([dep.status, dep.body.error?.message]).toEqual([201, undefined]);
      deposits.push(dep.body.id);
    }
    api.setToday("2026-03-10");
    const refunds = [];
    for (const [i, { bank }] of orders.entries()) {
      const req = await api.call("POST", `${base}/refunds`, {
        as: REQUESTER,
        body: { ...refundBody(deposits[i]), ...bank },
      });
      expect([req.status, req.body.error?.message]).toEqual([201, undefined]);
      for (const who of [ACCOUNTING, SALES])
        expect((await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: who })).status).toBe(200);
      refunds.push((await api.call("GET", `${base}/refunds/${req.body.id}`, { as: ACCOUNTING })).body);
    }
    return refunds;
  }

  const prepare = (body: unknown, options: CallOptions = {}) =>
    suite.api.call("POST", `${base}/bank/transfers`, { as: ACCOUNTING, body, ...options });

  const importStatement = (file: string, options: CallOptions = {}, extra: object = {}) =>
    suite.api.call("POST", `${base}/bank/statements`, { as: ACCOUNTING, body: { file, ...extra }, ...options });

  /** A refused call: status, a French message without codes or ISO dates, and not one document changed. */
  async function refusedUnchanged(call: () => Promise<CallResult>, status: number) {
    const before = await snapshotAll(fs.db);
    const answer = await call();
    expect(answer.status).toBe(status);
    const texts = [answer.body.error.message, ...answer.body.error.details.map((d: { message: string }) => d.message)];
    // « camt.053 » is the format's name (ISO 20022), not a field path.
    expect(texts.flatMap((t) => wordingProblems(t.replace(/camt\.053/g, "camt")))).toEqual([]);
    expect(await snapshotAll(fs.db)).toEqual(before);
    return answer.body.error;
  }

  async function storedInstalment(refundId: string, n: number) {
    return (await fs.db.doc(`${COMPANIES}/${C}/refunds/${refundId}/instalments/${n}`).get()).data() as InstalmentDoc;
  }

  const countOf = async (collection: string) =>
    (await fs.db.collection(COMPANIES).doc(C).collection(collection).get()).size;

  return { approvedRefunds, prepare, importStatement, refusedUnchanged, storedInstalment, countOf };
}

/** A camt.053.001.08 statement of `iban`, checked against the ISO 20022 schema before it is used. */
export function statementFile(id: string, entries: FakeEntry[], iban = COMPANY_IBAN, currency?: string) {
  const xml = camtStatement({ id, iban, currency, createdAt: "2026-04-02T06:00:00", entries });
  const verdict = validateAgainstSchema(xml, "camt.053.001.08.xsd");
  expect([verdict.ok, verdict.output]).toEqual([true, expect.any(String)]);
  return xml;
}
