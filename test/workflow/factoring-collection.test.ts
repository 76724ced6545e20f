/**
 * Invoices assigned to a factor once issued (#16 slice 6, docs/customers-risk.md
 * « Factoring »): their receivable sits on the factor's account, so a
 * payment credits it there for their part (411 for the rest) and a bank
 * match undone debits the same accounts back; the FEC names the account
 * after the factor and still passes the tax office's checks. The factor
 * holds the receivable and its accessories (subrogation, C. civ. 1346-4):
 * no refund is set against it (C. civ. 1347: the two debts are no longer
 * between the same persons) and no penalty invoice is issued on it.
 */
import { COMPANIES, INVOICES, PAYMENTS } from "../../functions/src/model/collections";
import { TestApi, snapshotAll, type CallResult } from "../support/workflow-api";
import { wordingProblems } from "../support/french-wording";
import { workflowSuite } from "./suite";
import { journalLines } from "./journal-lines";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, refundBody } from "./fixtures";
import {
  FACTOR,
  FACTORING_SETTINGS,
  assignToFactor,
  customerTransfer,
  finalInvoice as issue,
} from "./factored-invoices";

const suite = workflowSuite("wffactcol", FACTORING_SETTINGS);
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

const company = () => fs.db.collection(COMPANIES).doc(C);

/** A final invoice of the deposit's customer for `net` at 20 % (goods), issued on `today`. */
const finalInvoice = (orderRef: string, net: string, today = "2026-02-20") => issue(api, orderRef, net, today);

/** The deposit (which creates the customer's record), then the record assigned to the factor. */
async function assignedCustomer(): Promise<string> {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  return dep.body.id as string;
}
const assign = () => assignToFactor(api);

const entries = () => journalLines(fs.db, C);

/** A refused call: its status and code, a French message, and not one document changed. */
async function refusedUnchanged(call: () => Promise<CallResult>, status: number, code: string) {
  const before = await snapshotAll(fs.db);
  const answer = await call();
  expect([answer.status, answer.body.error?.code]).toEqual([status, code]);
  expect(wordingProblems(answer.body.error.message)).toEqual([]);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error.message as string;
}

test("a transfer paying a factored and a normal invoice credits the factor's account and 411; undone, the same accounts are debited back; the FEC names the factor", async () => {
  await assignedCustomer();
  // Issued before the customer was assigned: the company's to collect.
  const normal = await finalInvoice(DEPOSIT_BODY.orderRef, "12000.00", "2026-02-10");
  expect([normal.content.factoring, normal.openAmount]).toEqual([undefined, "10080.00"]);
  await assign();
  const factored = await finalInvoice("CMD-2026-018", "1000.00", "2026-02-20");
  expect([factored.content.factoring?.factor, factored.openAmount]).toEqual([FACTOR.name, "1200.00"]);

  api.setToday("2026-04-02");
  const xml = customerTransfer("11280.00", "2026-03-20");
  const before = (await entries()).length;
  const imported = await api.call("POST", `${base}/bank/statements`, { as: ACCOUNTING, body: { file: xml } });
  expect(imported.status).toBe(201);
  // The customer's two open invoices add up to the transfer: the import matches it to both.
  const entry = imported.body.entries[0] as { id: string; status: string };
  expect(entry.status).toBe("applied");
  const posted = (await entries()).slice(before);
  expect(posted).toEqual([
    {
      kind: "payment_received",
      lines: [
        ["411", "0.00", "10080.00"],
        ["467100", "0.00", "1200.00"],
        ["512", "11280.00", "0.00"],
      ],
    },
  ]);
  const payment = (await company().collection(PAYMENTS).get()).docs[0].data();
  expect(payment.factorShares).toEqual([{ account: "467100", amount: "1200.00" }]);
  for (const id of [normal.id, factored.id])
    expect((await company().collection(INVOICES).doc(id).get()).get("openAmount")).toBe("0.00");

  // The factor's account nets to zero for the invoice (D at issue, C at payment), and the FEC passes its checks.
  const factorLines = (await entries()).flatMap((e) => e.lines.filter((l) => l[0] === "467100"));
  expect(factorLines).toEqual([
    ["467100", "1200.00", "0.00"],
    ["467100", "0.00", "1200.00"],
  ]);
  const fec = await api.call("GET", `${base}/fec?year=2026`, { as: ACCOUNTING });
  expect(fec.status).toBe(200);
  const fecLines = String(fec.body).split("\r\n");
  const onFactor = fecLines.filter((l) => l.split("|")[4] === "467100");
  expect(onFactor).toHaveLength(2);
  expect(onFactor.every((l) => l.split("|")[5] === "Factor Factor Ouest")).toBe(true);
  // Each lettering groups lines that balance: the factored invoice's D411 with its assignment's C411, the normal
  // invoice's D411 with the payment's C411 (its factor part is on 467100, not lettered).
  const byLetter = new Map<string, number>();
  for (const f of fecLines
    .slice(1)
    .filter((l) => l.split("|")[13])
    .map((l) => l.split("|"))) {
    const cents = (v: string) => Math.round(Number(v.replace(",", ".")) * 100);
    byLetter.set(f[13], (byLetter.get(f[13]) ?? 0) + cents(f[11]) - cents(f[12]));
  }
  expect(byLetter.size).toBe(1);
  expect([...byLetter.values()]).toEqual([0]);

  const undone = await api.call("POST", `${base}/bank/entries/${entry.id}/unmatch`, {
    as: ACCOUNTING,
    body: { reason: "Virement rapproché par erreur" },
  });
  expect([undone.status, undone.body.error?.message]).toEqual([200, undefined]);
  expect((await entries()).slice(before + 1)).toEqual([
    {
      kind: "bank_match_reversed",
      lines: [
        ["411", "10080.00", "0.00"],
        ["467100", "1200.00", "0.00"],
        ["512", "0.00", "11280.00"],
      ],
    },
  ]);
  expect((await company().collection(INVOICES).doc(factored.id).get()).get("openAmount")).toBe("1200.00");
});

test("a refund is never set against a factored invoice: the quote leaves it out, and naming it is refused (409), nothing written", async () => {
  const depositId = await assignedCustomer();
  await assign();
  const factored = await finalInvoice("CMD-2026-018", "1000.00", "2026-02-20");
  expect(factored.content.factoring?.factor).toBe(FACTOR.name);

  api.setToday("2026-03-10");
  const message = await refusedUnchanged(
    () =>
      api.call("POST", `${base}/refunds`, {
        as: REQUESTER,
        body: {
          ...refundBody(depositId),
          settlement: { offsets: [{ invoiceNumber: factored.number, amount: "100.00" }] },
        },
      }),
    409,
    "INVOICE_FACTORED",
  );
  expect(message).toBe(
    `La facture ${factored.number} est cédée à Factor Ouest, à qui le client doit la régler : un remboursement ne peut pas être compensé avec elle. Versez le remboursement au client ou gardez-le en avoir.`,
  );

  // Without a choice the engine proposes offsets on the customer's open invoices, oldest first: not this one.
  const request = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) });
  expect([request.status, request.body.error?.message]).toEqual([201, undefined]);
  expect(request.body.quote.settlement).toMatchObject({ offset: [], paidOut: "4320.00" });
});

test("no penalty invoice on a factored invoice (409, nothing written): the factor claims the penalties", async () => {
  await assignedCustomer();
  await assign();
  const factored = await finalInvoice("CMD-2026-018", "1000.00", "2026-02-20");
  api.setToday("2026-05-04");
  const message = await refusedUnchanged(
    () => api.call("POST", `${base}/invoices/${factored.id}/penalties`, { as: ACCOUNTING, body: {} }),
    409,
    "INVOICE_FACTORED",
  );
  expect(message).toBe(
    `La facture ${factored.number} est cédée à Factor Ouest, qui la recouvre : c'est au factor de réclamer ses pénalités de retard, Acompte n'en facture pas.`,
  );
});
