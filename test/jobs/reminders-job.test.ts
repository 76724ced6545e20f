import { join } from "node:path";
import { startSmtpSink, SmtpSink } from "../../functions/testing/smtp-server";
import { scheduledHandler } from "../../functions/src/jobs/scheduled-handler";
import { reminderId } from "../../functions/src/domain/reminders/reminder";
import { OUTBOX } from "../../functions/src/model/collections";
import { testFirestore } from "../support/firestore";
import { schedulerCall, serve } from "./support/http-server";
import { localSigner } from "./support/oidc-signer";
import { runTsChild } from "./support/run-child";
import { EXPECTED, RUN_AT, seedCompany } from "./support/seed";
import { remindersJobTo } from "./support/reminders-to-sink";

const fs = testFirestore("remjob");
const signer = localSigner();
const AUDIENCE = "https://europe-west1-acompte.cloudfunctions.net/reminders";
const SA = "scheduler@acompte.iam.gserviceaccount.com";
let sink: SmtpSink;
let clock = RUN_AT;
let server: Awaited<ReturnType<typeof serve>>;

const job = () => remindersJobTo(sink);

async function trigger(scheduleTime: string): Promise<Record<string, unknown>> {
  clock = new Date(scheduleTime);
  const token = signer.token({ aud: AUDIENCE, email: SA });
  return (await schedulerCall(server.url, token, scheduleTime)) as Record<string, unknown>;
}

/** Per reminder header (outbox id), how many messages the SMTP server received. */
async function deliveries(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await sink.messages()) {
    const id = m.headers.get("x-acompte-reminder")!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function expectedIds(): string[] {
  return EXPECTED.map((e) => reminderId({ ...e, companyId: "lefevre" } as Parameters<typeof reminderId>[0])).sort();
}

beforeEach(async () => {
  await fs.clear();
  await seedCompany(fs.db);
  sink = await startSmtpSink();
  server = await serve(
    scheduledHandler(
      {
        name: "reminders",
        run: (ctx) => job().run(ctx),
      },
      { db: fs.db, auth: { audience: AUDIENCE, allowedEmails: [SA], keys: signer.keys }, now: () => clock },
    ),
  );
});
afterEach(async () => {
  await server.close();
  await sink.stop();
});
afterAll(() => fs.close());

describe("reminders job on a seeded company", () => {
  it("sends exactly the expected reminders, in French, to the right people", async () => {
    const body = await trigger(RUN_AT.toISOString());
    expect(body).toMatchObject({
      status: "done",
      result: { today: "2026-03-10", due: 7, created: 7, sent: 7, failed: 0 },
    });
    expect([...(await deliveries()).keys()].sort()).toEqual(expectedIds());
    expect([...(await deliveries()).values()]).toEqual([1, 1, 1, 1, 1, 1, 1]);

    const byTarget = new Map(
      (await sink.messages()).map((m) => [decodeURIComponent(m.headers.get("x-acompte-reminder")!.split("|")[4]), m]),
    );
    for (const e of EXPECTED) expect(byTarget.get(e.target)!.envelopeTo).toEqual(e.to);
    const consumer = byTarget.get("refund/DR-6")!;
    expect(consumer.subject).toBe("Remboursement consommateur en retard – Client DR-6 – majoration 120,00\u00a0€");
    expect(consumer.text).toContain("À partir du 21/03/2026, la majoration passera à 240,00\u00a0€ (20 %).");
    const firm = byTarget.get("invoice/F1")!;
    expect(firm.subject).toBe("Second rappel – facture FA-2026-00001 – 5\u202f000,00\u00a0€");
    expect(firm.cc).toEqual(["compta@lefevre.fr"]);
    expect(firm.text).toContain("indemnité forfaitaire pour frais de recouvrement de 40,00\u00a0€");
    expect(firm.text).toContain("Malgré notre précédent rappel du 08/02/2026");
    expect(byTarget.get("invoice/F6")!.subject).toMatch(/^Mise en demeure de payer/);
    // Each letter is recorded on its invoice, sent today: the next level counts its spacing from here.
    const letter = async (id: string) =>
      (await fs.db.doc(`companies/lefevre/invoices/${id}`).get()).get("lastDunningLetter");
    expect(await letter("F1")).toEqual({ level: 2, sentOn: "2026-03-10" });
    expect(await letter("F6")).toEqual({ level: 3, sentOn: "2026-03-10" });
    expect(await letter("F2")).toBeUndefined();
    expect(byTarget.get("refund/DR-1/sales")!.subject).toBe(
      "Remboursement en attente de votre validation commerciale – Client DR-1",
    );
    expect(byTarget.get("refund/DR-5/instalment/2")!.subject).toBe(
      "Échéance de remboursement en retard – Client DR-5 – 900,00\u00a0€",
    );
    expect(byTarget.get("refund/DR-5/instalment/3")!.text).toContain("au plus tard le 13/03/2026");
    // People read the requests' numbers, never their ids (which only key the reminders).
    expect(byTarget.get("refund/DR-5/instalment/3")!.text).toContain("du remboursement RB-2026-000005 (avoir");
    expect(byTarget.get("refund/DR-1/sales")!.text).toContain("La demande de remboursement RB-2026-000001 (");
    expect(consumer.text).toContain("(demande RB-2026-000006)");
  });

  it("a second run the same day, and a redelivery of the first, send nothing more", async () => {
    await trigger("2026-03-10T06:00:00.000Z");
    expect(await trigger("2026-03-10T06:00:00.000Z")).toMatchObject({ status: "duplicate" });
    // The two dunning letters moved their invoices on (next level not due yet); the other five dedupe by id.
    expect(await trigger("2026-03-10T12:00:00.000Z")).toMatchObject({
      status: "done",
      result: { due: 5, created: 0, sent: 0 },
    });
    expect([...(await deliveries()).values()]).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it.each(["lease", "send"] as const)(
    "a run killed after the %s of the 2nd reminder, then run again, delivers each once",
    async (point) => {
      const child = await runTsChild(join(__dirname, "support/run-job-and-die.ts"), [
        fs.projectId,
        String(sink.port),
        point,
        "2",
        RUN_AT.toISOString(),
      ]);
      expect(child.signal).toBe("SIGKILL");
      expect(await sink.messages()).toHaveLength(point === "lease" ? 1 : 2);

      // Scheduler's retry of the failed delivery comes later than the 5-minute lease.
      const body = await trigger("2026-03-10T06:10:00.000Z");
      expect(body).toMatchObject({ status: "done", result: { created: 0 } });
      expect([...(await deliveries()).keys()].sort()).toEqual(expectedIds());
      expect([...(await deliveries()).values()]).toEqual([1, 1, 1, 1, 1, 1, 1]);
      const statuses = (await fs.db.collection(OUTBOX).get()).docs.map((d) => d.get("status"));
      expect(new Set(statuses)).toEqual(new Set(["SENT"]));
      expect(statuses).toHaveLength(7);
    },
  );

  it("a refused send is retried by the next run", async () => {
    sink.rejectRecipients(["tresorerie@lefevre.fr"]);
    expect(await trigger("2026-03-10T06:00:00.000Z")).toMatchObject({ result: { sent: 5, failed: 2 } });
    sink.rejectRecipients([]);
    expect(await trigger("2026-03-10T12:00:00.000Z")).toMatchObject({ result: { created: 0, sent: 2, failed: 0 } });
    expect([...(await deliveries()).keys()].sort()).toEqual(expectedIds());
    expect([...(await deliveries()).values()]).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it("skips a document the engine refuses, reports it, and still sends the others", async () => {
    // The job reads the sealed content (the copy beside it only selects the invoice).
    await fs.db.doc("companies/lefevre/invoices/F1").update({ "content.penaltyRate": "douze" });
    const body = await trigger(RUN_AT.toISOString());
    expect(body).toMatchObject({ status: "done", result: { due: 6, sent: 6 } });
    const errors = (body.result as { ruleErrors: { target: string; message: string }[] }).ruleErrors;
    expect(errors).toHaveLength(1);
    expect(errors[0].target).toBe("invoice/F1");
    expect(errors[0].message).toMatch(/Taux contractuel : « douze » n.est pas un pourcentage décimal/);
  });

  it("reads only the documents that are due", async () => {
    const body = await trigger(RUN_AT.toISOString());
    // 1 company + 2 waiting requests + 2 instalments + 1 consumer refund + 4 overdue invoices
    // (of 8 refunds, 4 instalments and 6 invoices stored); 2 of the invoices are disputed or promised.
    expect(body).toMatchObject({ result: { documentsRead: 10, due: 7 } });
  });
});
