/**
 * Weak signals reach sales and accounting exactly once (issue #16): the
 * dashboard job refreshes the stale profiles before its figures and queues
 * each signal in the outbox in the customer's own transaction; the reminders
 * job delivers them. Running the job twice, or killing the refresh midway
 * and running it again, still sends each signal once (SMTP sink).
 */
import { join } from "node:path";
import { startSmtpSink, type SmtpSink } from "../../functions/testing/smtp-server";
import { dashboardJob } from "../../functions/src/jobs/dashboard-job";
import { CUSTOMERS } from "../../functions/src/model/collections";
import { customerIdOf } from "../../functions/src/model/customer";
import { testFirestore } from "../support/firestore";
import { seedCompany, startTestApi, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, SALES, USERS } from "../workflow/fixtures";
import { remindersJobTo } from "./support/reminders-to-sink";
import { runTsChild } from "./support/run-child";

const fs = testFirestore("profsig");
const NOW = new Date("2026-06-30T04:00:00.000Z");
const CUSTOMERS_SEEDED = [
  { name: "Mme Durand", kind: "b2c", email: "durand@example.fr" },
  { name: "M. Martin", kind: "b2c", email: "martin@example.fr" },
  { name: "Mme Petit", kind: "b2c", email: "petit@example.fr" },
];
let sink: SmtpSink;
let api: TestApi;

/** Per outbox id, how many messages the SMTP server received. */
async function deliveries(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await sink.messages()) {
    const id = m.headers.get("x-acompte-reminder")!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const runDashboard = () => dashboardJob().run({ db: fs.db, now: () => NOW, scheduleTime: NOW.toISOString() });
const runReminders = () => remindersJobTo(sink).run({ db: fs.db, now: () => NOW, scheduleTime: NOW.toISOString() });
const stale = async () =>
  (await fs.db.collection("companies").doc(C).collection(CUSTOMERS).where("profileStale", "==", true).get()).size;

beforeAll(async () => {
  api = await startTestApi(fs.db);
});
afterAll(async () => {
  await api.close();
  await fs.close();
});
beforeEach(async () => {
  await fs.clear();
  await seedCompany(fs.db, C, USERS as never);
  sink = await startSmtpSink();
  // Three consumers each with an invoice due 31/03/2026 and still unpaid on 30/06: 91 days late, class D.
  api.setToday("2026-06-30");
  for (const [i, customer] of CUSTOMERS_SEEDED.entries()) {
    const answer = await api.call("POST", `/v1/companies/${C}/invoices/external`, {
      as: ACCOUNTING,
      body: {
        number: `EXT-${i + 1}`,
        date: "2026-03-01",
        dueDate: "2026-03-31",
        customer,
        total: { net: "1000.00", vat: "200.00" },
      },
    });
    expect(answer.status).toBe(201);
  }
});
afterEach(() => sink.stop());

describe("weak signals through the outbox", () => {
  test("the dashboard job tells each signal once, in French, also when it runs twice", async () => {
    expect(await stale()).toBe(3);
    expect(await runDashboard()).toMatchObject({ profilesRefreshed: 3 });
    expect(await runDashboard()).toMatchObject({ profilesRefreshed: 0 });
    await runReminders();
    await runReminders();
    const counts = await deliveries();
    expect([...counts.values()]).toEqual([1, 1, 1]);
    const messages = await sink.messages();
    expect(messages.map((m) => m.subject).sort()).toEqual(
      CUSTOMERS_SEEDED.map((c) => `Signal faible – ${c.name} : Retards de paiement en hausse`).sort(),
    );
    for (const m of messages) expect(m.envelopeTo).toEqual([ACCOUNTING, SALES].sort());
    const durand = messages.find((m) => m.subject.includes("Durand"))!;
    // French typography: a no-break space between a figure and its unit.
    expect(durand.text.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "retard moyen pondéré de 91,0 jours sur les 12 derniers mois",
    );
    expect(durand.text).toContain("Classe D – risque très élevé");
    const id = customerIdOf("email:durand@example.fr");
    expect(durand.headers.get("x-acompte-reminder")).toContain(encodeURIComponent(`${id}/lateness_worsened`));
  });

  test("a refresh killed after the 2nd customer, then the job run again, tells each signal once", async () => {
    const child = await runTsChild(join(__dirname, "support/refresh-profiles-and-die.ts"), [
      fs.projectId,
      C,
      "2",
      NOW.toISOString(),
    ]);
    expect(child.signal).toBe("SIGKILL");
    // Two customers committed (profile, mark cleared, signal queued together); the third is still marked.
    expect(await stale()).toBe(1);
    expect(await runDashboard()).toMatchObject({ profilesRefreshed: 1 });
    expect(await runDashboard()).toMatchObject({ profilesRefreshed: 0 });
    await runReminders();
    await runReminders();
    expect([...(await deliveries()).values()]).toEqual([1, 1, 1]);
  });

  test("a dunning letter sent by the reminders job marks its customer stale; the next refresh reads its level", async () => {
    await runDashboard();
    expect(await stale()).toBe(0);
    await fs.db
      .collection("companies")
      .doc(C)
      .update({
        reminderSettings: {
          companyName: "Menuiserie Durand",
          recipients: { treasury: ["tresorerie@acme.fr"], accounting: ["compta@acme.fr"] },
        },
      });
    await runReminders();
    const invoices = (await fs.db.collection("companies").doc(C).collection("invoices").get()).docs;
    const levels = invoices.map((d) => d.get("lastDunningLetter")?.level as number | undefined);
    expect(levels.every((l) => l !== undefined && l >= 1)).toBe(true);
    // The letter and the mark commit together: all three customers wait for the refresh.
    expect(await stale()).toBe(3);
    expect(await runDashboard()).toMatchObject({ profilesRefreshed: 3 });
    const durand = await fs.db
      .collection("companies")
      .doc(C)
      .collection(CUSTOMERS)
      .doc(customerIdOf("email:durand@example.fr"))
      .get();
    expect(durand.get("profile.maxDunningLevel")).toBe(levels[0]);
  });
});
