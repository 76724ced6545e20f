import { apiClient } from "../../functions/dev/demo-data/api-client";
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

test("npm start's demo data loads through the api: both kinds, both VAT regimes, requests in every status, chains intact", async () => {
  const summary = await loadDemoData(fs.db, apiClient(api.url));
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
