/**
 * FEC lettering of a bank match undone (« Rapprochement annulé »): the
 * payment's entry and its reversal cancel each other line for line, so the
 * export letters them together, on 411 and on the factor's account, dated
 * the reversal (A47 A-1 LPF, BOI-CF-IOR-60-40-20: EcritureLet and DateLet
 * given together); the invoices the payment had settled are open again and
 * lose its letter, and the entry matched again, to another invoice, records
 * a new payment under a new letter (docs/fec.md « Lettering »).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FEC_FIELDS, checkFecText } from "../../functions/src/domain";
import { COMPANIES, INVOICES, PAYMENTS } from "../../functions/src/model/collections";
import type { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY } from "./fixtures";
import { FACTORING_SETTINGS, assignToFactor, customerTransfer, finalInvoice } from "./factored-invoices";

const suite = workflowSuite("wffeccancel", FACTORING_SETTINGS);
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
beforeEach(() => (api = suite.api));

const company = () => fs.db.collection(COMPANIES).doc(C);

type Row = Record<(typeof FEC_FIELDS)[number], string>;

async function fecRows(): Promise<Row[]> {
  const res = await api.call("GET", `${base}/fec?year=2026`, { as: ACCOUNTING });
  expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
  const text = res.body as string;
  // The tax office's checks (letter and lettering date together, real dates, balanced entries…).
  expect(checkFecText(text, { start: "2026-01-01", end: "2026-12-31" })).toEqual([]);
  mkdirSync("test-artifacts/fec", { recursive: true });
  writeFileSync(join("test-artifacts/fec", "cancelled-payment-552100554FEC20261231.txt"), text);
  return text
    .split("\r\n")
    .slice(1, -1)
    .map((l) => Object.fromEntries(l.split("|").map((v, i) => [FEC_FIELDS[i], v])) as Row);
}

/** The balance, in cents, of each lettering group, per account: every one must be 0. */
function letteringBalances(rows: Row[]): Map<string, number> {
  const cents = (v: string) => Math.round(Number(v.replace(",", ".")) * 100);
  const groups = new Map<string, number>();
  for (const r of rows.filter((r) => r.EcritureLet)) {
    const key = `${r.CompteNum} ${r.EcritureLet}`;
    groups.set(key, (groups.get(key) ?? 0) + cents(r.Debit) - cents(r.Credit));
  }
  return groups;
}

const view = (r: Row) => [r.EcritureNum, r.CompteNum, r.PieceRef, r.Debit, r.Credit, r.EcritureLet, r.DateLet];

test("a bank match undone: the payment's and its reversal's lines are lettered together on 411 and on the factor's account, dated the reversal; its invoices unlettered; matched again, a new letter", async () => {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  const normal = await finalInvoice(api, DEPOSIT_BODY.orderRef, "12000.00", "2026-02-10");
  // Issued before the transfer, so that the transfer can later be matched to it instead.
  const other = await finalInvoice(api, "CMD-2026-019", "8000.00", "2026-02-12");
  await assignToFactor(api);
  const factored = await finalInvoice(api, "CMD-2026-018", "1000.00", "2026-02-20");

  api.setToday("2026-04-02");
  const xml = customerTransfer("11280.00", "2026-03-20");
  const imported = await api.call("POST", `${base}/bank/statements`, { as: ACCOUNTING, body: { file: xml } });
  expect(imported.status).toBe(201);
  const entry = imported.body.entries[0] as { id: string; status: string };
  // Three open invoices, none of which makes the transfer alone: it waits « À rapprocher », matched by hand.
  expect(entry.status).toBe("to_reconcile");
  const matched = await api.call("POST", `${base}/bank/entries/${entry.id}/match`, {
    as: ACCOUNTING,
    body: {
      allocations: [
        { itemKind: "final_invoice", itemId: normal.id },
        { itemKind: "final_invoice", itemId: factored.id },
      ],
    },
  });
  expect([matched.status, matched.body.error?.message, matched.body.status]).toEqual([200, undefined, "applied"]);
  const first = (await company().collection(PAYMENTS).get()).docs[0].data();

  api.setToday("2026-04-07");
  const undone = await api.call("POST", `${base}/bank/entries/${entry.id}/unmatch`, {
    as: ACCOUNTING,
    body: { reason: "Virement rapproché par erreur" },
  });
  expect([undone.status, undone.body.error?.message]).toEqual([200, undefined]);

  let rows = await fecRows();
  const ofInterest = (r: Row) => r.CompteNum === "411" || r.CompteNum === "467100";
  expect(rows.filter(ofInterest).map(view)).toEqual([
    ["VT-000001", "411", normal.number, "10080,00", "0,00", "", ""],
    ["VT-000002", "411", other.number, "9600,00", "0,00", "", ""],
    ["VT-000003", "411", factored.number, "1200,00", "0,00", "", ""],
    ["OD-000001", "467100", factored.number, "1200,00", "0,00", "", ""],
    ["OD-000001", "411", factored.number, "0,00", "1200,00", "", ""],
    // The payment (20/03, the booking date) and its reversal (07/04) under the payment's letter, dated the reversal.
    ["BQ-000002", "411", expect.any(String), "0,00", "10080,00", first.letter, "20260407"],
    ["BQ-000002", "467100", expect.any(String), "0,00", "1200,00", first.letter, "20260407"],
    ["BQ-000003", "411", expect.any(String), "10080,00", "0,00", first.letter, "20260407"],
    ["BQ-000003", "467100", expect.any(String), "1200,00", "0,00", first.letter, "20260407"],
  ]);
  expect([...letteringBalances(rows)]).toEqual([
    [`411 ${first.letter}`, 0],
    [`467100 ${first.letter}`, 0],
  ]);
  for (const id of [normal.id, factored.id])
    expect((await company().collection(INVOICES).doc(id).get()).get("letters")).toEqual([]);

  // The transfer matched again to the third invoice (9 600,00 €) alone: a new payment with a new letter; the
  // invoices the cancelled payment had paid stay unlettered.
  api.setToday("2026-04-09");
  const rematched = await api.call("POST", `${base}/bank/entries/${entry.id}/match`, {
    as: ACCOUNTING,
    body: { allocations: [{ itemKind: "final_invoice", itemId: other.id, amount: "9600.00" }] },
  });
  expect([rematched.status, rematched.body.error?.message]).toEqual([200, undefined]);
  const second = (await company().collection(PAYMENTS).where("letter", "!=", first.letter).get()).docs[0].data();
  expect(second.letter).not.toBe(first.letter);
  expect((await company().collection(INVOICES).doc(other.id).get()).get("letters")).toEqual([second.letter]);

  rows = await fecRows();
  const lettered = rows
    .filter((r) => ofInterest(r) && r.EcritureLet)
    .map((r) => [r.EcritureNum, r.CompteNum, r.PieceRef, r.Debit, r.Credit, r.EcritureLet, r.DateLet]);
  expect(lettered).toEqual([
    ["VT-000002", "411", other.number, "9600,00", "0,00", second.letter, "20260320"],
    ["BQ-000002", "411", expect.any(String), "0,00", "10080,00", first.letter, "20260407"],
    ["BQ-000002", "467100", expect.any(String), "0,00", "1200,00", first.letter, "20260407"],
    ["BQ-000003", "411", expect.any(String), "10080,00", "0,00", first.letter, "20260407"],
    ["BQ-000003", "467100", expect.any(String), "1200,00", "0,00", first.letter, "20260407"],
    ["BQ-000004", "411", expect.any(String), "0,00", "9600,00", second.letter, "20260320"],
  ]);
  expect([...letteringBalances(rows).values()].every((v) => v === 0)).toBe(true);
  expect(letteringBalances(rows).size).toBe(3);
});
