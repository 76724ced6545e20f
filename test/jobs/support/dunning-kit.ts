/**
 * The harness of the dunning tests on the emulator: a company with its
 * reminder settings and one accounting approver, the workflow api to issue
 * and mark invoices, a real SMTP server, and the reminders job with its
 * Firestore source run at 07:00 Paris on a given day. Every letter it
 * delivers must read French (test/support/french-wording.ts).
 */
import { Timestamp } from "@google-cloud/firestore";
import { startSmtpSink, SmtpSink } from "../../../functions/testing/smtp-server";
import { remindersJob } from "../../../functions/src/jobs/reminders-job";
import { firestoreReminderSource } from "../../../functions/src/jobs/firestore-reminder-source";
import { smtpTransport } from "../../../functions/src/mail/smtp-transport";
import { testFirestore } from "../../support/firestore";
import { wordingProblems } from "../../support/french-wording";
import { TestApi, seedCompany, startTestApi } from "../../support/workflow-api";
import { SETTINGS } from "./seed";

export const C = "durand";
export const ACCOUNTING = "alice@durand.fr";
export const base = `/v1/companies/${C}`;
export const CUSTOMER = { name: "Hôtel Bellevue SARL", kind: "b2b", siren: "732829320", email: "compta@bellevue.fr" };

/** Registers the suite's hooks on the emulator project `project`; its api and sink are set before each test. */
export function dunningKit(project: string) {
  const fs = testFirestore(project);
  const kit = {
    fs,
    api: undefined as unknown as TestApi,
    sink: undefined as unknown as SmtpSink,
    /** A final invoice of 10 000,00 € net at 20 % (12 000,00 € due) issued on 20/02/2026, due 22/03/2026. */
    async finalInvoice(orderRef: string, extra: Record<string, unknown> = {}) {
      kit.api.setToday("2026-02-20");
      const inv = await kit.api.call("POST", `${base}/invoices/final`, {
        as: ACCOUNTING,
        body: {
          orderRef,
          customer: CUSTOMER,
          supplyKind: "services",
          lines: [{ vatRate: "20", net: "10000.00" }],
          paymentTermsDays: 30,
          ...extra,
        },
      });
      expect(inv.status).toBe(201);
      expect(inv.body).toMatchObject({ openAmount: "12000.00", dueDate: "2026-03-22" });
      return inv.body as { id: string; number: string };
    },
    /** Runs the job at 07:00 Paris on `day`: the letters it delivered (none failed a rule) and the documents it read. */
    async runJob(day: string) {
      const before = (await kit.sink.messages()).length;
      const job = remindersJob({
        source: firestoreReminderSource,
        transport: smtpTransport({ host: kit.sink.host, port: kit.sink.port }),
        from: "Acompte <relances@acompte.test>",
        messageIdDomain: "acompte.test",
      });
      const result = await job.run({
        db: fs.db,
        now: () => new Date(`${day}T05:00:00Z`),
        scheduleTime: `${day}T05:00:00Z`,
      });
      expect(result.ruleErrors).toEqual([]);
      const letters = (await kit.sink.messages()).slice(before);
      for (const l of letters) expect(wordingProblems(l.text)).toEqual([]);
      return { letters, documentsRead: result.documentsRead as number };
    },
  };
  beforeAll(async () => {
    kit.api = await startTestApi(fs.db);
  });
  afterAll(async () => {
    await kit.api.close();
    await fs.close();
  });
  beforeEach(async () => {
    await fs.clear();
    await seedCompany(fs.db, C, { [ACCOUNTING]: ["accounting_approver"] });
    await fs.db.doc(`companies/${C}`).update({ reminderSettings: SETTINGS });
    // The second half of 2026's legal rates are there (test values), so runs after 15 June send letters only,
    // not the admins' reminder to add them.
    await fs.db.doc(`companies/${C}/legalRates/2026-07-01`).set({
      from: "2026-07-01",
      consumer: "7.00",
      professional: "3.00",
      ecb: "2.00",
      source: "Valeurs de test",
      addedAt: Timestamp.now(),
      addedBy: "tests@acompte.test",
    });
    kit.sink = await startSmtpSink();
  });
  afterEach(() => kit.sink.stop());
  return kit;
}
