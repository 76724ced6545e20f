/**
 * The `Relances` writer stores every text column as text: a customer called
 * `=HYPERLINK(…)` (or `+1`, `-1`) never becomes a formula or a number, even
 * where the cell holds nothing but that name. Two guards, each checked: the
 * values go RAW, and the text columns are formatted as plain text.
 */
import { Timestamp } from "@google-cloud/firestore";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { writeRelancesSheet } from "../../functions/src/jobs/relances-sheet-writer";
import type { OutboxEntry } from "../../functions/src/model/outbox-entry";
import { customerOverdueReminder } from "../../functions/src/domain/reminders/customer-overdue";
import { createSheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { fixtureReminder } from "./support/reminder-fixture";
import { SETTINGS } from "./support/seed";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";

const FORMULA = '=HYPERLINK("http://intrus.test";"Cliquez")';

let server: SheetsServer;
let gateway: SheetsGateway;
/** valueInputOption of every values write the writer made. */
const inputOptions: unknown[] = [];
beforeAll(async () => {
  server = await startSheetsServer();
  const api = createSheetsApi(server.functionsAccess);
  const values = api.spreadsheets.values as unknown as Record<string, (p: { requestBody?: object }) => unknown>;
  const batchUpdate = values.batchUpdate.bind(values);
  values.batchUpdate = (params) => {
    inputOptions.push((params.requestBody as { valueInputOption?: string }).valueInputOption);
    return batchUpdate(params);
  };
  gateway = new SheetsGateway(api, { attempts: 1 });
});
afterAll(() => server.stop());

function entry(reminder: ReturnType<typeof fixtureReminder>, lastError: string | null = null): OutboxEntry {
  const at = Timestamp.fromDate(new Date("2026-03-10T06:00:00Z"));
  return {
    ...reminder,
    messageId: "<x@acompte.test>",
    status: lastError ? "FAILED" : "PENDING",
    attempts: lastError ? 1 : 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    createdAt: at,
    sentAt: null,
    lastError,
  };
}

it("writes a formula-looking customer name, subject and error as text", async () => {
  const id = (await gateway.api.spreadsheets.create({ requestBody: { properties: { title: "Relances" } } })).data
    .spreadsheetId!;
  // The dunning rule with a customer named like a formula, and cells that hold nothing but user text.
  const dunning = customerOverdueReminder(
    {
      companyId: "lefevre",
      invoiceId: "inv-1",
      number: "FA-2026-000101",
      issuedOn: "2026-01-01",
      dueDate: "2026-01-31",
      openAmount: "1200.00",
      customerName: FORMULA,
      customerKind: "b2c",
      customerEmail: null,
      disputed: false,
      promiseUntil: null,
      lastLetter: null,
    },
    reminderSettingsSchema.parse(SETTINGS),
    "2026-03-10",
  )!;
  const bare = fixtureReminder(1, { summary: FORMULA, subject: "+1", target: "invoice/bare" });
  await writeRelancesSheet(gateway, id, [
    ["dunning", entry(dunning)],
    ["bare", entry(bare, "-1")],
  ]);

  expect(inputOptions.length).toBeGreaterThan(0);
  expect(new Set(inputOptions)).toEqual(new Set(["RAW"]));

  const grid = await gateway.get(id, { ranges: ["Relances!A2:K3"], includeGridData: true });
  const cells = grid.sheets![0].data![0].rowData!.map((r) => r.values!);
  for (const column of [4, 6, 10]) expect(cells[0][column].userEnteredFormat?.numberFormat?.type).toBe("TEXT");
  const rows = cells.map((r) => r.map((v) => v.userEnteredValue));
  const byId = new Map(rows.map((r) => [r[0]?.stringValue, r]));
  expect(byId.get("dunning")![4]).toEqual({ stringValue: `Relance amiable – ${FORMULA} – FA-2026-000101` });
  expect(byId.get("bare")![4]).toEqual({ stringValue: FORMULA });
  expect(byId.get("bare")![6]).toEqual({ stringValue: "+1" });
  expect(byId.get("bare")![10]).toEqual({ stringValue: "-1" });
  const formulas = await gateway.api.spreadsheets.values.get({
    spreadsheetId: id,
    range: "Relances!E2:E3",
    valueRenderOption: "FORMULA",
  });
  expect(formulas.data.values!.flat()).toContain(FORMULA);
});
