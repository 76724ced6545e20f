import { readFileSync } from "node:fs";
import { join } from "node:path";
import { apiClient } from "../../functions/dev/demo-data/api-client";
import { DEMO_UNKNOWN_CREDIT, writeDemoBankFiles } from "../../functions/dev/demo-data/bank-files";
import { MENUISERIE } from "../../functions/dev/demo-data/companies";
import { parseCamt053 } from "../../functions/src/bank/camt053";
import { computeCompanyDashboard } from "../../functions/src/jobs/company-dashboard";
import { validateAgainstSchema } from "../../functions/testing/bank/xmllint";
import { loadDemoData } from "../../functions/dev/demo-data/load-demo";
import { verifyChains } from "../../functions/src/integrity/chain-verifier";
import { testFirestore } from "../support/firestore";
import { TestApi, startTestApi } from "../support/workflow-api";

const fs = testFirestore("wfdemo");
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(fs.db);
  // The demo dates its documents from the real calendar.
  api.setToday(new Date().toISOString().slice(0, 10));
});
afterAll(async () => {
  await api.close();
  await fs.close();
});

// writeDemoBankFiles writes into `<dir>/bank`, as under `.local`: here test-artifacts/bank.
const ARTIFACTS = join(__dirname, "../../test-artifacts");

test("npm start's demo data loads through the api: both kinds, both VAT regimes, requests in every status, chains intact", async () => {
  const summary = await loadDemoData(fs.db, apiClient(api.url));
  await demoBankFiles(summary);
  const statuses = new Set<string>();
  const kinds = new Set<string>();
  for (const company of summary.companies) {
    for (const d of (await fs.db.collection(`companies/${company}/refunds`).get()).docs) statuses.add(d.get("status"));
    for (const d of (await fs.db.collection(`companies/${company}/deposits`).get()).docs) {
      kinds.add(`${d.get("kind")}/${d.get("customer.kind")}/${d.get("vatDue.basis")}`);
      // Every demo customer has an address, so the credit notes and « Avoirs » show one (#12.9).
      expect(d.get("customer.address")).toMatch(/\n\d{5} /);
    }
    expect((await verifyChains(fs.db, company)).ok).toBe(true);
  }
  expect([...statuses].sort()).toEqual([
    "accounting_approved",
    "approved",
    "cancelled",
    "refunded",
    "rejected",
    "sales_approved",
    "submitted",
  ]);
  // Studio (VAT on debits) was paid before invoicing, so its VAT is due at cashing too; its arrhes carry no VAT (company setting).
  expect([...kinds].sort()).toEqual(
    expect.arrayContaining(["acompte/b2b/cashing", "arrhes/b2c/cashing", "arrhes/b2c/none"]),
  );
}, 120_000);

/**
 * The bank files `npm start` writes (docs/bank.md): the transfer file the demo
 * prepared and a statement to import, both valid against their ISO 20022
 * schema, left in test-artifacts/bank for review; the statement is
 * imported through the api to show what it does.
 */
async function demoBankFiles(summary: Awaited<ReturnType<typeof loadDemoData>>): Promise<void> {
  const paths = await writeDemoBankFiles(fs.db, summary, ARTIFACTS);
  const transfer = readFileSync(paths.transferFile, "utf8");
  const statement = readFileSync(paths.statement, "utf8");
  expect(validateAgainstSchema(transfer, "pain.001.001.09.xsd")).toEqual({ ok: true, output: expect.any(String) });
  expect(validateAgainstSchema(statement, "camt.053.001.08.xsd")).toEqual({ ok: true, output: expect.any(String) });
  const stored = await fs.db.doc(`companies/${MENUISERIE.id}/transferFiles/${summary.transferFileId}`).get();
  expect(transfer).toBe(stored.get("xml"));
  // The approved request's two instalments, both « Virement émis ».
  expect(stored.get("count")).toBe(2);

  // The statement: our instalment debit, the open invoice paid by its number, an unknown credit.
  const { statements, entries } = parseCamt053(statement);
  expect(statements[0].accountIban).toBe(MENUISERIE.settings.bankIban);
  expect(entries.map((e) => [e.direction, e.amount])).toEqual([
    ["debit", stored.get("instalments")[0].amount],
    ["credit", summary.openInvoice.openAmount],
    ["credit", DEMO_UNKNOWN_CREDIT.amount],
  ]);
  expect(entries[0].transactions[0].endToEndId).toBe(stored.get("instalments")[0].endToEndId);
  expect(entries[1].transactions[0].remittance).toContain(summary.openInvoice.number);

  // Imported as a person would from the sidebar: the instalment is paid, nothing is recorded twice.
  const client = apiClient(api.url);
  const path = `/v1/companies/${MENUISERIE.id}/bank/statements`;
  const imported = await client.call("alice@menuiserie.test", "POST", path, { file: statement });
  expect([imported.created, imported.paidInstalments]).toEqual([3, 1]);
  // In file order: the instalment paid, the invoice settled by its number, the unknown credit left to a person.
  expect(imported.entries.map((e: { status: string }) => e.status)).toEqual(["applied", "applied", "to_reconcile"]);
  expect((await client.call("alice@menuiserie.test", "POST", path, { file: statement })).created).toBe(0);
  // The statement's closing balance was the books moved by its three entries: only the unknown one is left.
  const today = new Date().toISOString().slice(0, 10);
  const { figures } = await computeCompanyDashboard(fs.db, MENUISERIE.id, today);
  expect(figures.bank.statement).toMatchObject({ date: today, difference: DEMO_UNKNOWN_CREDIT.amount });
  expect(figures.bank.toReconcile).toEqual({ count: 1, credits: DEMO_UNKNOWN_CREDIT.amount, debits: "0.00" });
}
