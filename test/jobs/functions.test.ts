import { startSmtpSink, SmtpSink } from "../../functions/testing/smtp-server";
import { anchors } from "../../functions/src/entry/anchors";
import { dashboard } from "../../functions/src/entry/dashboard";
import { reminders } from "../../functions/src/entry/reminders";
import { parisDay } from "../../functions/src/domain/dates/calendar-day";
import { anchorsFromEnv } from "../../functions/src/jobs/anchors-function";
import { dashboardFromEnv } from "../../functions/src/jobs/dashboard-function";
import { loadJobConfig } from "../../functions/src/jobs/job-config";
import { remindersFromEnv } from "../../functions/src/jobs/reminders-function";
import { loadSchedulerAuth } from "../../functions/src/jobs/scheduler-config";
import { testFirestore } from "../support/firestore";
import { serve } from "./support/http-server";
import { localModeEnv, mintLocalToken } from "../../functions/testing/local-tokens";
import { seedCompany } from "./support/seed";

const fs = testFirestore("fns");
const SA = "scheduler@acompte.iam.gserviceaccount.com";
const AUDIENCE = "http://127.0.0.1/jobs";
let sink: SmtpSink;
const saved = { ...process.env };

beforeAll(async () => {
  await fs.clear();
  await seedCompany(fs.db);
  sink = await startSmtpSink();
  Object.assign(process.env, localModeEnv(process.env.FIRESTORE_EMULATOR_HOST!), {
    GCLOUD_PROJECT: fs.projectId,
    SCHEDULER_AUDIENCE: AUDIENCE,
    SCHEDULER_SERVICE_ACCOUNTS: SA,
    MAIL_FROM: "Acompte <relances@acompte.test>",
    MAIL_TRANSPORT: "smtp",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(sink.port),
  });
});
afterAll(async () => {
  process.env = saved;
  await sink.stop();
  await fs.close();
});

const post = async (fn: typeof reminders, headers: Record<string, string>) => {
  const server = await serve(fn);
  try {
    const res = await fetch(server.url, { method: "POST", headers });
    return { status: res.status, body: (await res.json()) as { result: { due: number; sent: number } } };
  } finally {
    await server.close();
  }
};

describe("job functions", () => {
  it("the entry modules export reminders, dashboard and anchors, configured from the environment", async () => {
    const auth = { authorization: `Bearer ${mintLocalToken(SA, { audience: AUDIENCE })}` };
    const r = await post(reminders, { ...auth, "x-cloudscheduler-scheduletime": new Date().toISOString() });
    expect(r.status).toBe(200);
    // Run on the real clock: whatever is due today is sent, once.
    expect(r.body.result.due).toBeGreaterThan(0);
    expect(r.body.result.sent).toBe(r.body.result.due);
    expect(await sink.messages()).toHaveLength(r.body.result.due);
    const d = await post(dashboard, { ...auth, "idempotency-key": "tableau-1" });
    expect(d.status).toBe(200);
    expect((await fs.db.doc("companies/lefevre/dashboards/latest").get()).exists).toBe(true);
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const a = await post(anchors, { ...auth, "idempotency-key": "empreinte-1" });
      expect(a.status).toBe(200);
    } finally {
      write.mockRestore();
    }
    expect((await fs.db.doc(`companies/lefevre/anchors/${parisDay(new Date())}`).get()).exists).toBe(true);
  });

  it("never accepts local signing keys outside local mode on the emulator", () => {
    expect(() => loadJobConfig({ ...process.env, FIRESTORE_EMULATOR_HOST: undefined })).toThrow(/mode local/);
    expect(() => loadJobConfig({ ...process.env, K_SERVICE: "reminders" })).toThrow(/mode local/);
    expect(loadJobConfig({ ...process.env, ACOMPTE_LOCAL_TOKENS: undefined }).auth.keys).toBeUndefined();
  });

  it("runs the dashboard without any mail setting", async () => {
    const mailless = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(MAIL_|SMTP_|GMAIL_)/.test(k)));
    const kept = process.env;
    process.env = mailless;
    try {
      const auth = { authorization: `Bearer ${mintLocalToken(SA, { audience: AUDIENCE })}` };
      const d = await post(dashboardFromEnv(), { ...auth, "idempotency-key": "tableau-sans-courrier" });
      expect(d.status).toBe(200);
      // The reminders and the anchors (mailed to the auditors) do need them, and say so to the operator only.
      const r = await post(remindersFromEnv(), { ...auth, "idempotency-key": "relances-sans-courrier" });
      expect(r.status).toBe(500);
      const a = await post(anchorsFromEnv(), { ...auth, "idempotency-key": "empreinte-sans-courrier" });
      expect(a.status).toBe(500);
    } finally {
      process.env = kept;
    }
  });

  it("logs a configuration error in full but never names a variable to the caller", async () => {
    const kept = process.env;
    process.env = { ...kept, SCHEDULER_AUDIENCE: "", MAIL_FROM: "" };
    const logged: unknown[][] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
    try {
      for (const fn of [remindersFromEnv(), dashboardFromEnv()]) {
        const res = await post(fn, { "idempotency-key": "x" });
        expect(res.status).toBe(500);
        const text = JSON.stringify(res.body);
        expect(text).toContain("MISCONFIGURED");
        expect(text).not.toMatch(/SCHEDULER|MAIL_|SMTP|GMAIL/);
      }
      expect(logged.map((args) => String(args[1]))).toEqual([
        expect.stringMatching(/SCHEDULER_AUDIENCE.*MAIL_FROM|MAIL_FROM.*SCHEDULER_AUDIENCE|SCHEDULER_AUDIENCE/),
        expect.stringMatching(/SCHEDULER_AUDIENCE/),
      ]);
    } finally {
      spy.mockRestore();
      process.env = kept;
    }
  });

  it("names the missing settings in French", () => {
    expect(() => loadJobConfig({ MAIL_FROM: "x@y.fr" })).toThrow(
      /Configuration des tâches planifiées.*SCHEDULER_AUDIENCE/,
    );
    expect(() => loadJobConfig({ ...process.env, SMTP_HOST: undefined })).toThrow(/SMTP_HOST est requis/);
    expect(() => loadSchedulerAuth({ MAIL_FROM: "x@y.fr" })).toThrow(
      /Configuration des tâches planifiées.*SCHEDULER_AUDIENCE, SCHEDULER_SERVICE_ACCOUNTS/,
    );
    expect(loadSchedulerAuth({ SCHEDULER_AUDIENCE: AUDIENCE, SCHEDULER_SERVICE_ACCOUNTS: ` ${SA}, ` })).toEqual({
      audience: AUDIENCE,
      allowedEmails: [SA],
    });
  });
});
