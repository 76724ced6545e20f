/**
 * The daily anchors job against the emulator, the local Sheets server and
 * the SMTP sink: the anchor goes to Cloud Logging (stdout), the workbook's
 * protected `Intégrité` sheet and the auditors' mailbox, once per company
 * and day however many runs; the next day's check names what changed since.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startSheetsServer, SheetsServer } from "../../functions/testing/sheets-server";
import { startSmtpSink, SmtpSink } from "../../functions/testing/smtp-server";
import { ANCHOR_LOG_MESSAGE } from "../../functions/src/integrity/anchor-log";
import { parseAnchors, pickAnchor } from "../../functions/src/integrity/anchor-text";
import { verifyChains } from "../../functions/src/integrity/chain-verifier";
import { anchorsJob } from "../../functions/src/jobs/anchors-job";
import { scheduledHandler } from "../../functions/src/jobs/scheduled-handler";
import { publishIntegrity } from "../../functions/src/jobs/sheets-publisher";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { LOCKED_DESCRIPTION } from "../../functions/src/sheets/layout/setup-workbook";
import { createSheetsApi, SheetsApi } from "../../functions/src/sheets/sheets-api";
import { SheetsGateway } from "../../functions/src/sheets/sheets-gateway";
import { bindAsOperator } from "../support/bind-workbook";
import { testFirestore } from "../support/firestore";
import { seedCompany, startTestApi, TestApi } from "../support/workflow-api";
import { ACCOUNTING, DEPOSIT_BODY, REQUESTER, refundBody, USERS } from "../workflow/fixtures";
import { schedulerCall, serve } from "./support/http-server";
import { localSigner } from "./support/oidc-signer";

const fs = testFirestore("anchors");
const db = fs.db;
const signer = localSigner();
const AUDIENCE = "https://europe-west1-acompte.cloudfunctions.net/anchors";
const SA = "scheduler@acompte.iam.gserviceaccount.com";
const AUDITORS = ["cac@cabinet-audit.fr", "expert@compta-durand.fr"];
/** 15/01/2026, 18:00 in Paris. */
const DAY_1 = new Date("2026-01-15T17:00:00Z");
/** 16/01/2026, 07:00 in Paris. */
const DAY_2 = new Date("2026-01-16T06:00:00Z");

let api: TestApi;
let sheets: SheetsServer;
let sheetsApi: SheetsApi;
let sink: SmtpSink;
let spreadsheetId: string;
let clock = DAY_1;
let server: Awaited<ReturnType<typeof serve>>;
const stdout: string[] = [];

const job = () =>
  anchorsJob({
    transport: smtpTransport({ host: sink.host, port: sink.port }),
    from: "Acompte <integrite@acompte.test>",
    messageIdDomain: "acompte.test",
    publish: publishIntegrity(new SheetsGateway(sheetsApi, { attempts: 8, baseMs: 1, maxMs: 5 })),
  });

async function trigger(scheduleTime: string) {
  clock = new Date(scheduleTime);
  const token = signer.token({ aud: AUDIENCE, email: SA });
  return (await schedulerCall(server.url, token, scheduleTime)) as { status: string; result: Record<string, unknown> };
}

interface AnchorLog {
  severity: string;
  companyId: string;
  date: string;
  heads: { series: string; number: string; seq: number; hash: string }[];
}

/** The structured lines the job wrote to stdout, as Cloud Logging would read them. */
function anchorLogs(): AnchorLog[] {
  return stdout
    .flatMap((chunk) => chunk.split("\n"))
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as AnchorLog & { message: string })
    .filter((entry) => entry.message === ANCHOR_LOG_MESSAGE);
}

async function integrityRows() {
  return ((
    await sheetsApi.spreadsheets.values.get({
      spreadsheetId,
      range: "'Intégrité'!A1:F",
      valueRenderOption: "UNFORMATTED_VALUE",
    })
  ).data.values ?? []) as (string | number)[][];
}

const anchorMails = async () =>
  (await sink.messages()).filter((m) => m.headers.get("x-acompte-reminder")?.startsWith("integrity-anchor|"));

beforeAll(async () => {
  await fs.clear();
  api = await startTestApi(db);
  api.setToday("2026-01-15");
  await seedCompany(db, "acme", USERS as never, { approvalThreshold: "100000.00" });
  await db.doc("companies/acme").update({
    reminderSettings: {
      companyName: "Menuiserie Durand SAS",
      recipients: { treasury: ["tresorerie@durand.fr"], accounting: ["compta@durand.fr"], auditors: AUDITORS },
    },
  });
  // A company with documents but no auditor, and one with nothing issued yet.
  await seedCompany(db, "globex", { "bob@globex.fr": ["accounting_approver"] });
  await seedCompany(db, "vide", {});
  const deposits: string[] = [];
  for (const orderRef of ["CMD-1", "CMD-2", "CMD-3"]) {
    const dep = await api.call("POST", "/v1/companies/acme/deposits", {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef },
    });
    deposits.push(dep.body.id);
  }
  for (const id of deposits.slice(0, 2)) {
    const req = await api.call("POST", "/v1/companies/acme/refunds", {
      as: REQUESTER,
      body: refundBody(id, { kind: "single", date: "2026-01-20" }),
    });
    expect(
      (await api.call("POST", `/v1/companies/acme/refunds/${req.body.id}/approve`, { as: ACCOUNTING })).status,
    ).toBe(200);
  }
  await api.call("POST", "/v1/companies/globex/deposits", { as: "bob@globex.fr", body: DEPOSIT_BODY });

  sheets = await startSheetsServer();
  sheetsApi = createSheetsApi(sheets.functionsAccess);
  spreadsheetId = (await sheetsApi.spreadsheets.create({ requestBody: { properties: { title: "Durand" } } })).data
    .spreadsheetId!;
  await bindAsOperator(db, "acme", spreadsheetId);
  sink = await startSmtpSink();
  server = await serve(
    scheduledHandler(
      { name: "anchors", run: (ctx) => job().run(ctx) },
      { db, auth: { audience: AUDIENCE, allowedEmails: [SA], keys: signer.keys }, now: () => clock },
    ),
  );
  jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterAll(async () => {
  jest.restoreAllMocks();
  await server.close();
  await sink.stop();
  await sheets.stop();
  await api.close();
  await fs.close();
});

describe("the day's anchor", () => {
  it("is logged, appended to the protected Intégrité sheet and mailed to the auditors", async () => {
    const body = await trigger(DAY_1.toISOString());
    // The run delivers whatever the outbox has due: the anchor, and the 4 notices of the two requests
    // (submitted → accounting, approved → requester) the api put there without a mail transport of its own.
    expect(body).toMatchObject({
      status: "done",
      result: { date: "2026-01-15", companies: 3, withFindings: 0, logged: 3, mailsCreated: 1, sent: 5 },
    });
    // The chained series only: the refund requests' RB- series carries no hash, so it has no head to anchor.
    const counters = new Map(
      (await db.collection("companies/acme/sequences").get()).docs
        .filter((d) => !d.id.startsWith("refundRequest-"))
        .map((d) => [d.id, d.data()]),
    );

    // Cloud Logging: one structured line per company, the heads as the counters hold them.
    const logs = anchorLogs();
    expect(logs.map((l) => l.companyId).sort()).toEqual(["acme", "globex", "vide"]);
    const acme = logs.find((l) => l.companyId === "acme")!;
    expect(acme).toMatchObject({
      severity: "NOTICE",
      "logging.googleapis.com/labels": { component: "acompte-anchors", companyId: "acme", anchorDate: "2026-01-15" },
      date: "2026-01-15",
      findingsCount: 0,
    });
    expect(acme.heads).toEqual(
      [...counters.entries()].map(([series, c]) => ({
        series,
        number: expect.stringMatching(/^(AV|FA|EC)-2026-\d{6}$/),
        seq: c.last,
        hash: c.lastHash,
      })),
    );
    expect(acme.heads.map((h) => h.number).slice(0, 2)).toEqual(["AV-2026-000002", "FA-2026-000003"]);
    expect(logs.find((l) => l.companyId === "vide")!.heads).toEqual([]);

    // Firestore, for convenience.
    const stored = (await db.doc("companies/acme/anchors/2026-01-15").get()).data()!;
    expect(stored.heads).toEqual(acme.heads);
    expect(stored.loggedAt).not.toBeNull();

    // The workbook: one row per series, the whole sheet protected for real.
    const rows = await integrityRows();
    expect(rows[0]).toEqual(["Identifiant", "Date", "Série", "Dernier numéro", "Empreinte SHA-256", "Contrôle"]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual(
      acme.heads.map((h) => [
        `2026-01-15|${h.series}`,
        { "creditNote-2026": "Avoirs 2026", "invoice-2026": "Factures 2026", "journal-2026": "Écritures 2026" }[
          h.series
        ],
        h.number,
        h.hash,
        "Aucune anomalie depuis le premier document",
      ]),
    );
    const meta = await sheetsApi.spreadsheets.get({
      spreadsheetId,
      fields: "sheets(properties.title,protectedRanges)",
    });
    const tab = meta.data.sheets!.find((s) => s.properties?.title === "Intégrité")!;
    expect(tab.protectedRanges).toEqual([
      expect.objectContaining({
        description: LOCKED_DESCRIPTION,
        warningOnly: false,
        range: { sheetId: expect.any(Number) },
      }),
    ]);

    // The auditors: one mail, the heads in it, nothing for the company without auditors.
    const mails = await anchorMails();
    expect(mails).toHaveLength(1);
    expect(mails[0].envelopeTo.sort()).toEqual([...AUDITORS].sort());
    expect(mails[0].subject).toBe("Empreinte d'intégrité du 15/01/2026 – Menuiserie Durand SAS");
    for (const h of acme.heads) expect(mails[0].text).toContain(`${h.number}\n    ${h.hash}`);
    expect(mails[0].text).toContain("Contrôle des chaînes depuis le premier document : aucune anomalie.");
  });

  it("a redelivery and a second run the same day log, append and mail nothing more", async () => {
    const before = { logs: anchorLogs().length, rows: (await integrityRows()).length };
    expect(await trigger(DAY_1.toISOString())).toMatchObject({ status: "duplicate" });
    const again = await trigger("2026-01-15T20:00:00.000Z");
    expect(again).toMatchObject({
      status: "done",
      result: { date: "2026-01-15", logged: 0, mailsCreated: 0, sent: 0 },
    });
    expect(anchorLogs()).toHaveLength(before.logs);
    expect(await integrityRows()).toHaveLength(before.rows);
    expect(await anchorMails()).toHaveLength(1);
  });

  it("the next day names what changed since, and the sheet and the mail give the verifier what it needs", async () => {
    // Overnight, the last credit note disappears and its counter is moved back.
    const notes = await db.collection("companies/acme/creditNotes").orderBy("seq").get();
    const [first, last] = notes.docs;
    await last.ref.delete();
    await db
      .doc("companies/acme/sequences/creditNote-2026")
      .update({ last: 1, lastHash: first.get("hash"), lastId: first.id });
    await db
      .doc(`companies/acme/deposits/${last.get("content.depositId")}`)
      .update({ creditNotes: [], status: "open" });
    const missing = "L'avoir AV-2026-000002 manque alors que l'empreinte du 15/01/2026 le comptait";

    const body = await trigger(DAY_2.toISOString());
    expect(body.result).toMatchObject({ date: "2026-01-16", withFindings: 1, mailsCreated: 1 });
    const logged = anchorLogs().find((l) => l.companyId === "acme" && l.date === "2026-01-16")!;
    expect(logged).toMatchObject({ severity: "ERROR", since: "2026-01-15", findingsCount: 1, findings: [missing] });
    const mail = (await anchorMails()).find((m) => m.subject.includes("16/01/2026"))!;
    expect(mail.subject).toBe("Empreinte d'intégrité du 16/01/2026 – Menuiserie Durand SAS – anomalies détectées");
    expect(mail.text).toContain(`- ${missing}`);
    const rows = await integrityRows();
    expect(rows.filter((r) => String(r[0]).startsWith("2026-01-16|"))).toHaveLength(3);
    expect(rows.find((r) => r[0] === "2026-01-16|creditNote-2026")![5]).toBe(
      `1 anomalie depuis l'empreinte du 15/01/2026, dont : ${missing}`,
    );

    // Someone also erases the anchors kept in Firestore: the copies outside still tell.
    for (const d of (await db.collection("companies/acme/anchors").get()).docs) await d.ref.delete();
    expect((await verifyChains(db, "acme")).ok).toBe(true);
    // The mail as the auditors' mailbox keeps it (.eml, quoted-printable).
    const firstMail = (await anchorMails()).find((m) => m.subject.includes("15/01/2026"))!;
    const fromMail = await verifyChains(db, "acme", {
      anchor: pickAnchor(parseAnchors(firstMail.raw.toString("utf8"))),
    });
    expect(fromMail.findings.map((f) => f.problem)).toEqual([missing]);

    // Asynchronously: the local Sheets server the tool reads runs in this process.
    const tool = await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "functions/tools/verify-chains.ts",
        "acme",
        "--workbook",
        spreadsheetId,
        "--date",
        "2026-01-15",
      ],
      {
        env: {
          ...process.env,
          GCLOUD_PROJECT: fs.projectId,
          SHEETS_API_URL: sheets.url,
          SHEETS_API_TOKEN: sheets.functionsAccess.accessToken,
          METADATA_SERVER_DETECTION: "none",
        },
        encoding: "utf8",
        timeout: 60000,
      },
    ).then(
      (done) => ({ code: 0, stdout: done.stdout }),
      (failed: { code: number; stdout: string }) => ({ code: failed.code, stdout: failed.stdout }),
    );
    expect(tool.stdout).toContain(`acme  comparée à l'empreinte du 2026-01-15 (fournie)`);
    expect(tool.stdout).toContain(`acme  ${missing}`);
    expect(tool.code).toBe(1);
  });
});
