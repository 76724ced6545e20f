/**
 * Legal rates live in Firestore: an admin adds a half-year through the api
 * (the add-on's « Taux légaux ») and a quote refused for want of it succeeds
 * at once, with no deploy; the admins are reminded once while it is missing.
 * The rates added here are test values, not published ones.
 */
import { startSmtpSink, type SmtpSink } from "../../functions/testing/smtp-server";
import { TestApi, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER } from "./fixtures";
import { SETTINGS } from "../jobs/support/seed";
import { remindersJobTo } from "../jobs/support/reminders-to-sink";

const suite = workflowSuite("wfrates");
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

const H2_2026 = {
  halfYear: "2026-07-01",
  consumer: "7.00",
  professional: "3.00",
  ecb: "2.00",
  source: "Arrêté de test du 20 juin 2026 (JO de test) ; décision BCE de test",
};

/** A consumer's goods advance cashed on 01/04/2026: 3 600,00 € HT + 720,00 € TVA. */
async function consumerDeposit(): Promise<string> {
  api.setToday("2026-04-01");
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: {
      ...DEPOSIT_BODY,
      customer: { name: "Mme Claire Martin", kind: "b2c", email: "claire.martin@example.fr" },
      cashedDate: "2026-04-01",
    },
  });
  expect(dep.status).toBe(201);
  return dep.body.id;
}

/** Non-delivery, terminated on 20/09/2026, refunded on 30/09/2026 (within the 14 days: no increase). */
const quoteBody = (depositId: string) => ({
  depositId,
  scope: { kind: "full" },
  reason: "non_delivery",
  terminationDate: "2026-09-20",
  schedule: { kind: "single", date: "2026-09-30" },
});

test("a quote refused for want of the half-year's rate succeeds once an admin adds it, without a deploy", async () => {
  const depositId = await consumerDeposit();
  api.setToday("2026-09-30");
  const before = await api.call("POST", `${base}/refunds/quote`, { as: REQUESTER, body: quoteBody(depositId) });
  expect(before.status).toBe(422);
  expect(before.body.error).toMatchObject({
    code: "RATE_NOT_AVAILABLE",
    message:
      "Le taux de l'intérêt légal du 2e semestre 2026 n'est pas encore renseigné : un administrateur l'ajoute depuis le menu Acompte › Taux légaux, dès sa publication.",
  });

  const listed = await api.call("GET", `${base}/legal-rates`, { as: REQUESTER });
  expect(listed.status).toBe(200);
  expect(listed.body.missing).toEqual([{ from: "2026-07-01", label: "2e semestre 2026" }]);
  expect(listed.body.halfYears[0]).toMatchObject({ from: "2026-01-01", consumer: "6.67", origin: "shipped" });
  // Every shipped half-year says where its rates come from: the arrêté, then the ECB decision.
  for (const row of listed.body.halfYears.filter((h: { origin: string }) => h.origin === "shipped"))
    expect(row.source).toMatch(/^Arrêté .+ ; BCE, /);
  expect(listed.body.halfYears[0].source).toContain("JO du 26 décembre 2025");

  const added = await api.call("POST", `${base}/legal-rates`, { as: ADMIN, body: H2_2026 });
  expect(added.status).toBe(201);
  expect(added.body.missing).toEqual([]);
  expect(added.body.halfYears[0]).toEqual({
    from: "2026-07-01",
    label: "2e semestre 2026",
    consumer: "7.00",
    professional: "3.00",
    ecb: "2.00",
    source: H2_2026.source,
    origin: "added",
    addedBy: ADMIN,
  });

  const after = await api.call("POST", `${base}/refunds/quote`, { as: REQUESTER, body: quoteBody(depositId) });
  expect(after.status).toBe(200);
  // L214-2: interest after 01/07/2026 (three months after payment), 02/07 to 30/09 = 91 days.
  // 4 320,00 × 7,00 % × 91 / 365 = 75,392… → 75,39 €.
  expect(after.body.compensation).toEqual([
    expect.objectContaining({
      kind: "advance_interest",
      amount: "75.39",
      legalBasis: "Code de la consommation L214-2",
    }),
  ]);
  expect(after.body.total).toBe("4395.39");

  const events = await fs.db.collection(`companies/${C}/events`).where("type", "==", "legal_rates.added").get();
  expect(events.docs.map((d) => d.get("by"))).toEqual([ADMIN]);
});

test("a half-year is added once; a replay of the same call answers the same", async () => {
  const first = await api.call("POST", `${base}/legal-rates`, { as: ADMIN, body: H2_2026, key: "rates-h2-2026" });
  expect(first.status).toBe(201);
  const replay = await api.call("POST", `${base}/legal-rates`, { as: ADMIN, body: H2_2026, key: "rates-h2-2026" });
  expect(replay).toEqual(first);
  const snapshot = await snapshotAll(fs.db);
  const again = await api.call("POST", `${base}/legal-rates`, { as: ADMIN, body: { ...H2_2026, consumer: "8.00" } });
  expect(again.status).toBe(409);
  expect(again.body.error).toMatchObject({
    code: "RATES_ALREADY_SET",
    message: "Les taux du 2e semestre 2026 sont déjà renseignés.",
  });
  const shipped = await api.call("POST", `${base}/legal-rates`, {
    as: ADMIN,
    body: { ...H2_2026, halfYear: "2026-01-01" },
  });
  expect(shipped.status).toBe(409);
  expect(await snapshotAll(fs.db)).toEqual(snapshot);
});

test.each([
  [REQUESTER, H2_2026, 403, "FORBIDDEN"],
  [ACCOUNTING, H2_2026, 403, "FORBIDDEN"],
  [ADMIN, { ...H2_2026, halfYear: "2026-03-01" }, 400, "VALIDATION_FAILED"],
  [ADMIN, { ...H2_2026, consumer: "6,67" }, 400, "VALIDATION_FAILED"],
  [ADMIN, { ...H2_2026, ecb: "101" }, 400, "VALIDATION_FAILED"],
  [ADMIN, { ...H2_2026, source: "" }, 400, "VALIDATION_FAILED"],
])("%s adding %j: %i %s, in French, nothing recorded", async (as, body, status, code) => {
  const snapshot = await snapshotAll(fs.db);
  const answer = await api.call("POST", `${base}/legal-rates`, { as, body });
  expect(answer.status).toBe(status);
  expect(answer.body.error.code).toBe(code);
  expect(answer.body.error.message).toMatch(/[éèàêç]|vous/i);
  expect(JSON.stringify(answer.body.error)).not.toMatch(/legalRates|\bundefined\b/);
  expect(await snapshotAll(fs.db)).toEqual(snapshot);
});

describe("the reminder to add the next half-year", () => {
  let sink: SmtpSink;
  beforeEach(async () => {
    sink = await startSmtpSink();
    await fs.db.doc(`companies/${C}`).set({ reminderSettings: SETTINGS }, { merge: true });
  });
  afterEach(() => sink.stop());

  const run = (iso: string) => remindersJobTo(sink).run({ db: fs.db, now: () => new Date(iso), scheduleTime: iso });

  test("reaches the admins once per missing half-year, however often the job runs", async () => {
    await run("2026-06-14T05:00:00Z");
    expect(await sink.messages()).toHaveLength(0);
    await run("2026-06-15T05:00:00Z");
    await run("2026-06-16T05:00:00Z");
    await run("2026-07-02T05:00:00Z");
    const mails = await sink.messages();
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Taux légaux du 2e semestre 2026 à renseigner");
    expect(mails[0].to).toEqual([ADMIN]);

    api.setToday("2026-07-02");
    expect((await api.call("POST", `${base}/legal-rates`, { as: ADMIN, body: H2_2026 })).status).toBe(201);
    await run("2026-12-14T05:00:00Z");
    expect(await sink.messages()).toHaveLength(1);
    await run("2026-12-15T05:00:00Z");
    await run("2026-12-16T05:00:00Z");
    const subjects = (await sink.messages()).map((m) => m.subject);
    expect(subjects).toEqual([
      "Taux légaux du 2e semestre 2026 à renseigner",
      "Taux légaux du 1er semestre 2027 à renseigner",
    ]);
  });
});
