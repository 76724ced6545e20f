/**
 * #13: `Factures` and `Avoirs` rows name the file issued to the customer in
 * their « Document » column, for a company that issues documents. The name
 * only, written RAW as text: a sheet cannot carry the api's authentication,
 * so the file itself is downloaded from the sidebar (*Suivi* › « Documents »).
 */
import { MENUISERIE } from "../../functions/dev/demo-data/companies";
import { DOCUMENTS } from "../../functions/src/model/collections";
import { DOCUMENT_HEADER, WORKBOOK } from "../../functions/src/sheets/layout/workbook-spec";
import { sheetsNotifier } from "../../functions/src/sheets/sync/sync-company";
import { bindAsOperator } from "../support/bind-workbook";
import { testFirestore } from "../support/firestore";
import { seedCompany, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, USERS, refundBody } from "../workflow/fixtures";
import { startSheetsKit } from "./sheets-test-kit";

const fs = testFirestore("sheetsdoc");
const base = `/v1/companies/${C}`;
afterAll(() => fs.close());

const BODY = {
  ...DEPOSIT_BODY,
  customer: { ...DEPOSIT_BODY.customer, email: "compta@hotel-bellevue.test", address: "4 quai du Rhône\n69002 Lyon" },
};

test("Factures and Avoirs name the issued file in « Document », as plain text", async () => {
  const kit = await startSheetsKit();
  const spreadsheetId = await kit.newSpreadsheet("Menuiserie — Acompte");
  const errors: unknown[] = [];
  const api = await startTestApi(
    fs.db,
    sheetsNotifier({ db: fs.db, gateway: kit.gateway }, (_m, e) => errors.push(e)),
  );
  try {
    await seedCompany(fs.db, C, USERS as never, {
      ...MENUISERIE.settings,
      documentsEnabled: true,
      sendDocuments: false,
      approvalThreshold: "4000.00",
    });
    await bindAsOperator(fs.db, C, spreadsheetId);
    api.setToday("2026-01-15");
    const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: BODY });
    expect([dep.status, dep.body.error?.message]).toEqual([201, undefined]);
    api.setToday("2026-03-10");
    const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep.body.id) });
    expect(req.status).toBe(201);
    for (const who of [ACCOUNTING, SALES])
      expect((await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: who })).status).toBe(200);
    expect(errors).toEqual([]);

    const issued = await fs.db.collection(`companies/${C}/${DOCUMENTS}`).get();
    const fileOf = (number: string) => issued.docs.find((d) => d.get("number") === number)?.get("fileName");
    expect(fileOf("FA-2026-000001")).toMatch(/^FA-2026-000001.*\.pdf$/);
    expect(fileOf("AV-2026-000001")).toMatch(/^AV-2026-000001.*\.pdf$/);

    const column = (title: string) => {
      const headers = WORKBOOK.find((s) => s.title === title)!.columns.map((c) => c.header);
      return { headers, at: headers.indexOf(DOCUMENT_HEADER) };
    };
    for (const [title, number] of [
      ["Factures", "FA-2026-000001"],
      ["Avoirs", "AV-2026-000001"],
    ]) {
      const { headers, at } = column(title);
      expect(at).toBeGreaterThan(0);
      // FORMULA render: what the cell holds, so a formula (a link) would show as one.
      const res = await kit.gateway.api.spreadsheets.values.get({
        spreadsheetId,
        range: `'${title}'`,
        valueRenderOption: "FORMULA",
      });
      const [header, ...rows] = res.data.values ?? [];
      expect(header).toEqual(headers);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row[headers.indexOf("Numéro")]).toBe(number);
        expect(row[at]).toBe(fileOf(number));
      }
    }
  } finally {
    await api.close();
    await kit.stop();
  }
}, 120_000);
