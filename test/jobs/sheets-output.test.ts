import { startSheetsServer, SheetsServer } from "../../functions/testing/sheets-server";
import { startSmtpSink, SmtpSink } from "../../functions/testing/smtp-server";
import { dashboardJob } from "../../functions/src/jobs/dashboard-job";
import { firestoreReminderSource } from "../../functions/src/jobs/firestore-reminder-source";
import { remindersJob } from "../../functions/src/jobs/reminders-job";
import { publishDashboard, publishRelances } from "../../functions/src/jobs/sheets-publisher";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { createSheetsApi, SheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { testFirestore } from "../support/firestore";
import { bindAsOperator } from "../support/bind-workbook";
import { RUN_AT, seedCompany } from "./support/seed";

const fs = testFirestore("sheetsout");
let sheets: SheetsServer;
let sink: SmtpSink;
let api: SheetsApi;
let gateway: SheetsGateway;
let spreadsheetId: string;

beforeAll(async () => {
  await fs.clear();
  await seedCompany(fs.db);
  // A customer name that would be a formula if written as typed.
  await fs.db.doc("companies/lefevre/refunds/DR-1").update({ customerName: '=HYPERLINK("http://x";"y")' });
  sheets = await startSheetsServer({ faultRate: 0.3, faultSeed: 7 });
  sink = await startSmtpSink();
  api = createSheetsApi(sheets.functionsAccess);
  gateway = new SheetsGateway(api, { attempts: 8, baseMs: 1, maxMs: 5 });
  sheets.setFaultRate(0);
  spreadsheetId = (await api.spreadsheets.create({ requestBody: { properties: { title: "Lefèvre" } } })).data
    .spreadsheetId!;
  await bindAsOperator(fs.db, "lefevre", spreadsheetId);
});
afterAll(async () => {
  await sink.stop();
  await sheets.stop();
  await fs.close();
});

async function values(
  range: string,
  render: "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA" = "UNFORMATTED_VALUE",
) {
  return ((await api.spreadsheets.values.get({ spreadsheetId, range, valueRenderOption: render })).data.values ??
    []) as (string | number)[][];
}

const reminders = () =>
  remindersJob({
    source: firestoreReminderSource,
    transport: smtpTransport({ host: sink.host, port: sink.port }),
    from: "Acompte <relances@acompte.test>",
    messageIdDomain: "acompte.test",
    afterRun: publishRelances(gateway, () => RUN_AT),
  });

describe("sheets written by the jobs", () => {
  it("lists each reminder once in Relances, updated in place, user text kept as text", async () => {
    await reminders().run({ db: fs.db, now: () => RUN_AT, scheduleTime: "a" });
    let rows = await values("Relances!A1:K");
    expect(rows[0].slice(0, 3)).toEqual(["Identifiant", "Date", "Relance"]);
    expect(rows).toHaveLength(1 + 7);
    expect(new Set(rows.slice(1).map((r) => r[7]))).toEqual(new Set(["Envoyée"]));

    // Again, with faults on the Sheets side: same rows, none twice.
    sheets.setFaultRate(0.3);
    await reminders().run({ db: fs.db, now: () => new Date(RUN_AT.getTime() + 3600_000), scheduleTime: "b" });
    sheets.setFaultRate(0);
    rows = await values("Relances!A1:K");
    expect(rows).toHaveLength(1 + 7);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(7);

    const formulas = await values("Relances!A1:K", "FORMULA");
    const approval = formulas.find((r) => String(r[0]).includes("DR-1"))!;
    expect(approval[6]).toBe('Remboursement en attente de votre validation commerciale – =HYPERLINK("http://x";"y")');
  });

  it("writes the Tableau de bord with its two charts, and a rerun changes values only", async () => {
    const job = dashboardJob({ publish: publishDashboard(gateway) });
    await job.run({ db: fs.db, now: () => RUN_AT, scheduleTime: "d1" });
    const rows = await values("'Tableau de bord'!A1:B60");
    expect(rows[0]).toEqual(["Tableau de bord", "au 10/03/2026"]);
    const label = (l: string) => rows.find((r) => r[0] === l)?.[1];
    // Seed: instalments 2 (05/03), 3 (13/03), 4 (10/04) of 900.00 unpaid; this week is 09/03 → 15/03.
    expect(label("Remboursements dus cette semaine")).toBe(900);
    expect(label("Remboursements en retard")).toBe(900);
    expect(label("Remboursements dus ce mois-ci")).toBe(1800);
    expect(label("Soumise")).toBe(2); // DR-1, DR-3
    // Open invoices F1, F2, F3 (5,000 each, due 01/02: 37 days), F5 (due 05/03: 5 days), F6 (due 20/01: 49 days).
    expect(label("1 à 30 jours")).toBe(5000);
    expect(label("31 à 60 jours")).toBe(20000);

    const meta = await api.spreadsheets.get({ spreadsheetId, fields: "sheets(properties.title,charts)" });
    const tab = meta.data.sheets!.find((s) => s.properties!.title === "Tableau de bord")!;
    expect(tab.charts!.map((c) => c.spec!.title)).toEqual([
      "Balance âgée des créances clients (TTC)",
      "Prévision des décaissements (12 semaines)",
    ]);
    const source = (i: number, part: "domains" | "series") => {
      const chart = tab.charts![i].spec!.basicChart!;
      const range = part === "domains" ? chart.domains![0].domain!.sourceRange! : chart.series![0].series!.sourceRange!;
      return range.sources![0];
    };
    const rowOf = (l: string) => rows.findIndex((r) => r[0] === l);
    expect(source(0, "domains")).toMatchObject({
      startRowIndex: rowOf("Non échu"),
      endRowIndex: rowOf("Plus de 90 jours") + 1,
      startColumnIndex: 0,
    });
    expect(source(0, "series")).toMatchObject({
      startRowIndex: rowOf("Non échu"),
      endRowIndex: rowOf("Plus de 90 jours") + 1,
      startColumnIndex: 1,
    });
    expect(source(1, "series").endRowIndex! - source(1, "series").startRowIndex!).toBe(12);
    // « Semaine du » reads as dates (09/03/2026…), not as serial numbers (46090…).
    const shown = await values("'Tableau de bord'!A1:B60", "FORMATTED_VALUE");
    const weeks = shown.slice(rowOf("Semaine du") + 1, rowOf("Semaine du") + 13).map((r) => r[0]);
    expect(weeks[0]).toBe("09/03/2026");
    weeks.forEach((w) => expect(w).toMatch(/^\d\d\/\d\d\/\d{4}$/));

    await job.run({ db: fs.db, now: () => new Date("2026-03-11T06:00:00Z"), scheduleTime: "d2" });
    const again = await api.spreadsheets.get({ spreadsheetId, fields: "sheets(properties.title,charts)" });
    expect(again.data.sheets!.find((s) => s.properties!.title === "Tableau de bord")!.charts).toHaveLength(2);
    expect((await values("'Tableau de bord'!A1:B1"))[0]).toEqual(["Tableau de bord", "au 11/03/2026"]);
  });
});
