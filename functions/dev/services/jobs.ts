/**
 * `npm start` services for the scheduled jobs (to add to SERVICES in
 * functions/dev/start.ts, after the emulator and the demo data): the SMTP
 * sink with its local mail view (functions/dev/mail-view.ts), then the `reminders`, `dashboard` and `anchors` functions on loopback, wired to
 * the sink and to the Sheets server when one is configured (SHEETS_API_URL).
 */
import { http } from "@google-cloud/functions-framework";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import type { AddressInfo } from "node:net";
import { mintLocalToken } from "../../testing/local-tokens";
import type { Service } from "../start";
import { startSmtpSink } from "../../testing/smtp-server";
import { startMailView } from "../mail-view";
import { dashboardFromEnv } from "../../src/jobs/dashboard-function";
import { remindersFromEnv } from "../../src/jobs/reminders-function";
import { anchorsFromEnv } from "../../src/jobs/anchors-function";

export const smtpSinkService: Service = {
  name: "SMTP sink",
  async start() {
    const sink = await startSmtpSink();
    const view = await startMailView({
      directory: sink.directory,
      port: Number(process.env.ACOMPTE_MAIL_VIEW_PORT ?? 0),
    });
    Object.assign(process.env, {
      MAIL_TRANSPORT: "smtp",
      SMTP_HOST: sink.host,
      SMTP_PORT: String(sink.port),
      MAIL_FROM: process.env.MAIL_FROM ?? "Acompte <relances@acompte.test>",
    });
    return {
      lines: [
        `SMTP sink            ${sink.host}:${sink.port} — each message saved as an .eml file in ${sink.directory}`,
        `local mail view      ${view.url}  (the messages sent, with their attachments)`,
      ],
      open: [`${view.url}  ← the mails the customers and approvers received, PDFs attached`],
      stop: async () => {
        await view.stop();
        await sink.stop();
      },
    };
  },
};

const SCHEDULER = "scheduler@acompte.iam.gserviceaccount.com";

export const jobsService: Service = {
  name: "scheduled jobs",
  async start() {
    // The job functions read their settings from the environment on their first call.
    const reminders = remindersFromEnv();
    const dashboard = dashboardFromEnv();
    const anchors = anchorsFromEnv();
    const urls: Record<string, string> = {};
    const servers: ReturnType<typeof getTestServer>[] = [];
    for (const [name, fn] of [
      ["reminders", reminders],
      ["dashboard", dashboard],
      ["anchors", anchors],
    ] as const) {
      http(name, fn);
      const server = getTestServer(name);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      servers.push(server);
    }
    // One audience for the local job functions: the tokens below are minted for it.
    const audience = "http://127.0.0.1/jobs";
    Object.assign(process.env, { SCHEDULER_AUDIENCE: audience, SCHEDULER_SERVICE_ACCOUNTS: SCHEDULER });
    const token = mintLocalToken(SCHEDULER, { audience, expiresIn: 12 * 3600 });
    return {
      lines: [
        `reminders function   ${urls.reminders}   dashboard function ${urls.dashboard}   anchors function ${urls.anchors}`,
        "Run the reminders as Cloud Scheduler would (a second call with the same time does nothing):",
        `curl -s -X POST -H "Authorization: Bearer ${token}" -H "X-CloudScheduler-ScheduleTime: $(date -u +%Y-%m-%dT%H:00:00Z)" ${urls.reminders}`,
        "Take the day's integrity anchor (log line, Intégrité sheet, mail to the auditors):",
        `curl -s -X POST -H "Authorization: Bearer ${token}" -H "X-CloudScheduler-ScheduleTime: $(date -u +%Y-%m-%dT%H:00:00Z)" ${urls.anchors}`,
      ],
      stop: async () => {
        for (const server of servers) {
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
        }
      },
    };
  },
};
