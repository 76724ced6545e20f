/**
 * The customer dashboard on the emulator and the local Sheets server:
 * seeded customers with stored profiles (computed with the pure riskProfile,
 * as the profile refresh would), insurance and factoring → the table rows in
 * « Tableau clients », the top exposures and shares in the day's dashboard
 * document and in « Tableau de bord ».
 */
import { riskProfile, RISK_CLASS_LABELS, type RiskProfile } from "../../functions/src/domain";
import { dashboardJob } from "../../functions/src/jobs/dashboard-job";
import { customerTableSheets, publishDashboard } from "../../functions/src/jobs/sheets-publisher";
import { customerKey } from "../../functions/src/model/amounts";
import { customerIdOf } from "../../functions/src/model/customer";
import { TABLEAU_CLIENTS } from "../../functions/src/sheets/layout/workbook-spec";
import { createSheetsApi, type SheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { startSheetsServer, type SheetsServer } from "../../functions/testing/sheets-server";
import { bindAsOperator } from "../support/bind-workbook";
import { testFirestore } from "../support/firestore";

const fs = testFirestore("custdash");
const db = fs.db;
// Tuesday 31 March 2026, 08:00 Paris: the DSO window is 01/01 → 31/03 (90 days).
const NOW = new Date("2026-03-31T06:00:00Z");
const AS_OF = "2026-03-31";
const C = "companies/ouest";

const ALPHA = customerKey({ siren: "732829320", name: "Alpha SA" });
const ALPHA_MAIL = customerKey({ email: "compta@alpha.test", name: "Alpha" }); // merged duplicate's key
const BETA_NAME = '=HYPERLINK("http://x";"y")';
const BETA = customerKey({ name: BETA_NAME });
const SMALL = 25;

let sheets: SheetsServer;
let api: SheetsApi;
let spreadsheetId: string;
let alphaProfile: RiskProfile;
const smallProfiles: RiskProfile[] = [];

async function seed(): Promise<void> {
  await db.doc(C).set({ name: "Menuiserie de l'Ouest" });
  const invoice = (
    id: string,
    key: string,
    gross: string,
    openAmount: string,
    issuedOn: string,
    dueDate: string,
    factor?: string,
  ) =>
    db.doc(`${C}/invoices/${id}`).set({
      ...(factor ? { factor } : {}),
      type: "final",
      number: id,
      customerKey: key,
      gross,
      openAmount,
      issuedOn,
      dueDate,
      paidOn: openAmount === "0.00" ? dueDate : null,
    });
  await invoice("FA-1", ALPHA, "2400.00", "1200.00", "2026-01-15", "2026-02-14");
  await invoice("FA-2", ALPHA_MAIL, "1200.00", "0.00", "2026-02-10", "2026-03-12");
  // Assigned to the factor when it was issued: its copy `factor` (what issuance seals in content.factoring).
  await invoice("FA-3", BETA, "600.00", "600.00", "2025-11-10", "2025-12-10", "BNP Paribas Factor");

  // Alpha: half of FA-1 paid on time, half open 45 days past due; 300.00 of orders not yet invoiced.
  alphaProfile = riskProfile({
    asOf: AS_OF,
    invoices: [
      {
        invoiceId: "FA-1",
        number: "FA-1",
        issuedOn: "2026-01-15",
        dueDate: "2026-02-14",
        gross: "2400.00",
        openAmount: "1200.00",
        payments: [{ on: "2026-02-14", amount: "1200.00" }],
        disputed: false,
        promiseUntil: null,
        dunningLevel: 1,
      },
      {
        invoiceId: "FA-2",
        number: "FA-2",
        issuedOn: "2026-02-10",
        dueDate: "2026-03-12",
        gross: "1200.00",
        openAmount: "0.00",
        payments: [{ on: "2026-03-12", amount: "1200.00" }],
        disputed: false,
        promiseUntil: null,
        dunningLevel: 0,
      },
    ],
    ordersInProgress: "300.00",
    depositsHeld: "0.00",
    creditLimit: "5000.00",
    insuredLimit: "1000.00",
  });
  const record = (id: string, data: Record<string, unknown>) =>
    db.doc(`${C}/customers/${id}`).set({ kind: "b2b", createdAt: NOW, updatedAt: NOW, ...data });
  await record(customerIdOf(ALPHA), {
    name: "Alpha SA",
    siren: "732829320",
    keys: [ALPHA, ALPHA_MAIL],
    creditLimit: "5000.00",
    insurance: { insurer: "Allianz Trade", limit: "1000.00", grantedOn: "2026-01-02" },
    factoring: { status: "none" },
    riskClass: alphaProfile.riskClass,
    profile: alphaProfile,
  });
  await record(customerIdOf(ALPHA_MAIL), { name: "Alpha", keys: [ALPHA_MAIL], mergedInto: customerIdOf(ALPHA) });
  // No profile yet; no longer assigned to the factor, but FA-3, issued while it was, stays the factor's.
  await record(customerIdOf(BETA), {
    name: BETA_NAME,
    keys: [BETA],
    factoring: { status: "none" },
  });
  for (let i = 1; i <= SMALL; i++) {
    const p = riskProfile({
      asOf: AS_OF,
      invoices: [],
      ordersInProgress: `${i * 10}.00`,
      depositsHeld: "0.00",
      creditLimit: null,
      insuredLimit: null,
    });
    smallProfiles.push(p);
    const key = customerKey({ siren: String(100000000 + i), name: `Client ${i}` });
    await record(customerIdOf(key), { name: `Client ${i}`, keys: [key], riskClass: p.riskClass, profile: p });
  }
}

beforeAll(async () => {
  await fs.clear();
  await seed();
  sheets = await startSheetsServer();
  api = createSheetsApi(sheets.functionsAccess);
  spreadsheetId = (await api.spreadsheets.create({ requestBody: { properties: { title: "Ouest" } } })).data
    .spreadsheetId!;
  await bindAsOperator(db, "ouest", spreadsheetId);
});
afterAll(async () => {
  await sheets.stop();
  await fs.close();
});

async function values(range: string, render: "UNFORMATTED_VALUE" | "FORMULA" = "UNFORMATTED_VALUE") {
  return ((await api.spreadsheets.values.get({ spreadsheetId, range, valueRenderOption: render })).data.values ??
    []) as (string | number)[][];
}

const run = (scheduleTime: string, chunkRows = 4, now = NOW) => {
  const gateway = new SheetsGateway(api, { attempts: 4, baseMs: 1, maxMs: 5 });
  return dashboardJob({
    publish: publishDashboard(gateway),
    customerTable: customerTableSheets(gateway, chunkRows),
  }).run({ db, now: () => now, scheduleTime });
};

describe("customer dashboard", () => {
  it("stores the class counts, shares and top 20 exposures, not the table", async () => {
    await run("a");
    const latest = (await db.doc(`${C}/dashboards/latest`).get()).data()!;
    const c = latest.customers;
    expect(c.customers).toBe(1 + 1 + SMALL); // the merged duplicate is left out
    // Open trade receivables: FA-1 1 200,00 + FA-3 600,00. Insured: min(1 200,00 ; 1 000,00 granted) for Alpha.
    // Factored: FA-3's 600,00, assigned to the factor when issued (subrogation, C. civ. 1346-1), though
    // Bêta's record is no longer assigned: the share follows each invoice, not the customer's status today.
    expect(c.receivables).toEqual({
      total: "1800.00",
      withoutRecord: "0.00",
      insured: "1000.00",
      factored: "600.00",
      insuredShare: "0.5556",
      factoredShare: "0.3333",
    });
    expect(alphaProfile.exposure).toBe("1500.00"); // 1 200,00 open + 300,00 of orders
    const top = c.topExposures as { id: string; name: string; exposure: string }[];
    expect(top).toHaveLength(20);
    expect(top.slice(0, 4).map((r) => [r.name, r.exposure])).toEqual([
      ["Alpha SA", "1500.00"],
      [BETA_NAME, "600.00"], // no profile: its open receivables
      [`Client ${SMALL}`, `${SMALL * 10}.00`],
      [`Client ${SMALL - 1}`, `${(SMALL - 1) * 10}.00`],
    ]);
    expect(top[19].exposure).toBe(`${(SMALL - 17) * 10}.00`);
    const classes = [alphaProfile, ...smallProfiles].map((p) => p.riskClass);
    for (const k of ["A", "B", "C", "D"] as const)
      expect(c.byClass[k].count).toBe(classes.filter((x) => x === k).length);
    expect(c.byClass.none).toEqual({ count: 1, exposure: "600.00" });
    // Bounded: top 20 + counts, whatever the number of customers.
    expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(12_000);
  });

  it("writes one row per customer in « Tableau clients », names as text", async () => {
    const rows = await values("'Tableau clients'!A1:N");
    expect(rows[0]).toEqual(TABLEAU_CLIENTS.columns.map((col) => col.header));
    expect(rows).toHaveLength(1 + 2 + SMALL);
    const alpha = rows.find((r) => r[13] === customerIdOf(ALPHA))!;
    // DSO: 1 200,00 open ÷ 3 600,00 of sales (FA-1 + FA-2 under the merged key) × 90 days = 30,00.
    expect(alpha).toEqual([
      "Alpha SA",
      RISK_CLASS_LABELS[alphaProfile.riskClass],
      1500,
      5000,
      1000,
      1200,
      1000,
      "Non affacturé",
      "30,00",
      alphaProfile.weightedDaysLate.replace(".", ","),
      alphaProfile.trend.recent.replace(".", ","),
      alphaProfile.trend.previous.replace(".", ","),
      alphaProfile.trend.worsening ? "En hausse" : "Stable ou en baisse",
      customerIdOf(ALPHA),
    ]);
    const beta = (await values("'Tableau clients'!A1:N", "FORMULA")).find((r) => r[13] === customerIdOf(BETA))!;
    // Sales issued before the window: no DSO; no profile: dashes.
    expect(beta).toEqual([
      BETA_NAME,
      "Sans profil",
      600,
      "",
      "",
      600,
      0,
      "Non affacturé", // the record's status today: « Tableau clients » keeps it
      "–",
      "–",
      "–",
      "–",
      "–",
      customerIdOf(BETA),
    ]);
    expect(rows.filter((r) => r[13] === customerIdOf(ALPHA_MAIL))).toEqual([]);
  });

  it("shows the shares and the top exposures at the end of « Tableau de bord »", async () => {
    const rows = await values("'Tableau de bord'!A1:B200");
    const label = (l: string) => rows.find((r) => r[0] === l)?.[1];
    expect(label("Part des créances assurées")).toBeCloseTo(0.5556, 10);
    expect(label("Part des créances affacturées")).toBeCloseTo(0.3333, 10);
    expect(label("Créances clients ouvertes (hors pénalités)")).toBe(1800);
    const head = rows.findIndex((r) => r[0] === "Client (classe)");
    expect(rows[head + 1]).toEqual([`Alpha SA (classe ${alphaProfile.riskClass})`, 1500]);
    expect(rows[head + 2]).toEqual([`${BETA_NAME} (sans profil)`, 600]);
    expect(rows.slice(head + 1)).toHaveLength(20);
  });

  it("cuts the table to the customers of the next run", async () => {
    for (let i = 1; i <= 10; i++) {
      const key = customerKey({ siren: String(100000000 + i), name: `Client ${i}` });
      await db.doc(`${C}/customers/${customerIdOf(key)}`).delete();
    }
    sheets.resetCalls();
    await run("b", 5);
    // 17 rows in chunks of 5: four table writes, one for « Tableau de bord ».
    expect(sheets.calls()["spreadsheets.values.batchUpdate"]).toBe(4 + 1);
    const rows = await values("'Tableau clients'!A1:N");
    expect(rows).toHaveLength(1 + 2 + SMALL - 10);
    const grid = await api.spreadsheets.get({ spreadsheetId, fields: "sheets(properties(title,gridProperties))" });
    const tab = grid.data.sheets!.find((s) => s.properties!.title === "Tableau clients")!;
    expect(tab.properties!.gridProperties!.rowCount).toBe(1 + 2 + SMALL - 10);
    expect(new Set(rows.slice(1).map((r) => r[13])).size).toBe(rows.length - 1);
  });

  it("stores the figures when the sheets cannot be written, fails the run, and the next run writes the table", async () => {
    const nextDay = new Date("2026-04-01T06:00:00Z");
    await db.doc(`${C}/customers/${customerIdOf(ALPHA)}`).update({ name: "Alpha Industrie SA" });
    sheets.setFaultRate(1);
    await expect(run("c", 4, nextDay)).rejects.toThrow("Tableau de bord non écrit pour : ouest");
    sheets.setFaultRate(0);
    const stored = (await db.doc(`${C}/dashboards/2026-04-01`).get()).data()!;
    expect(stored.customers.topExposures[0].name).toBe("Alpha Industrie SA");
    expect((await values("'Tableau clients'!A1:N")).some((r) => r[0] === "Alpha Industrie SA")).toBe(false);

    await run("d", 4, nextDay);
    const rows = await values("'Tableau clients'!A1:N");
    expect(rows.find((r) => r[13] === customerIdOf(ALPHA))![0]).toBe("Alpha Industrie SA");
    expect(rows).toHaveLength(1 + 2 + SMALL - 10);
  });
});
