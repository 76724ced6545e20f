import { OAuth2Client } from "google-auth-library";
import { googleSigningKeys } from "../../functions/src/auth/id-token";
import { scheduledHandler, ScheduledJob } from "../../functions/src/jobs/scheduled-handler";
import { freeLoopbackPort } from "../../functions/testing/firestore-emulator";
import { JOB_RUNS } from "../../functions/src/model/collections";
import { testFirestore } from "../support/firestore";
import { localSigner } from "./support/oidc-signer";
import { serve } from "./support/http-server";

const fs = testFirestore("sched");
const signer = localSigner();
const AUDIENCE = "https://europe-west1-acompte.cloudfunctions.net/reminders";
const SA = "scheduler@acompte.iam.gserviceaccount.com";
let clock = new Date("2026-03-10T07:00:00Z");
let runs = 0;
let failNext = false;
const job: ScheduledJob = {
  name: "reminders",
  run: async () => {
    runs++;
    if (failNext) {
      failNext = false;
      throw new Error("SMTP indisponible");
    }
    return { sent: 3 };
  },
};
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve(
    scheduledHandler(job, {
      db: fs.db,
      auth: { audience: AUDIENCE, allowedEmails: [SA], keys: signer.keys },
      now: () => clock,
      runLeaseMs: 60_000,
    }),
  );
});
beforeEach(async () => {
  await fs.clear();
  runs = 0;
  clock = new Date("2026-03-10T07:00:00Z");
});
afterAll(async () => {
  await server.close();
  await fs.close();
});

const call = (headers: Record<string, string>, method = "POST") => fetch(server.url, { method, headers });
const auth = (claims: Partial<Parameters<typeof signer.token>[0]> = {}) => ({
  authorization: `Bearer ${signer.token({ aud: AUDIENCE, email: SA, ...claims })}`,
});
const SCHEDULE = { "x-cloudscheduler-scheduletime": "2026-03-10T07:00:00Z" };

describe("scheduled job endpoint", () => {
  it("runs once per schedule time even when Cloud Scheduler delivers twice", async () => {
    const first = await call({ ...auth(), ...SCHEDULE });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: "done", result: { sent: 3 } });
    const again = await call({ ...auth(), ...SCHEDULE });
    expect(await again.json()).toMatchObject({ status: "duplicate", run: "DONE" });
    expect(runs).toBe(1);
    const next = await call({ ...auth(), "x-cloudscheduler-scheduletime": "2026-03-11T07:00:00Z" });
    expect(next.status).toBe(200);
    expect(runs).toBe(2);
    const docs = await fs.db.collection(JOB_RUNS).get();
    expect(docs.size).toBe(2);
  });

  it("runs again after a failed run (503 makes Scheduler retry)", async () => {
    failNext = true;
    const failed = await call({ ...auth(), ...SCHEDULE });
    expect(failed.status).toBe(503);
    expect((await failed.json()).error.message).toMatch(/échoué/);
    const retried = await call({ ...auth(), ...SCHEDULE });
    expect(await retried.json()).toMatchObject({ status: "done" });
    expect(runs).toBe(2);
  });

  it("lets a redelivery take over a run whose process died, only after its lease", async () => {
    // A run that died: RUNNING, never finished.
    await fs.db
      .collection(JOB_RUNS)
      .doc(`reminders|${encodeURIComponent("2026-03-10T07:00:00.000Z")}`)
      .set({
        job: "reminders",
        scheduleTime: "2026-03-10T07:00:00.000Z",
        status: "RUNNING",
        attempt: 1,
        startedAt: clock,
        leaseExpiresAt: new Date(clock.getTime() + 60_000),
        finishedAt: null,
        result: null,
        error: null,
      });
    expect(await (await call({ ...auth(), ...SCHEDULE })).json()).toMatchObject({
      status: "duplicate",
      run: "RUNNING",
    });
    expect(runs).toBe(0);
    clock = new Date(clock.getTime() + 61_000);
    expect(await (await call({ ...auth(), ...SCHEDULE })).json()).toMatchObject({ status: "done" });
    expect(runs).toBe(1);
  });

  it("accepts an on-demand run keyed by Idempotency-Key", async () => {
    const headers = { ...auth(), "idempotency-key": "tableau-2026-03-10-a" };
    expect((await call(headers)).status).toBe(200);
    expect(await (await call(headers)).json()).toMatchObject({ status: "duplicate" });
    expect(runs).toBe(1);
  });

  it.each([
    ["no token", {}, 401],
    ["a token for another audience", auth({ aud: "https://elsewhere.example" }), 401],
    ["a token from another issuer", auth({ iss: "https://evil.example" }), 401],
    ["an expired token", auth({ expiresInS: -600 }), 401],
    ["an unverified e-mail", auth({ email_verified: false }), 401],
    ["a service account not in the allowlist", auth({ email: "intrus@acompte.iam.gserviceaccount.com" }), 403],
  ])("refuses %s and does no work", async (_label, headers, status) => {
    const res = await call({ ...headers, ...SCHEDULE });
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.message).toMatch(/[a-zé]/);
    expect(runs).toBe(0);
    expect((await fs.db.collection(JOB_RUNS).get()).size).toBe(0);
  });

  it("refuses a token signed by another key", async () => {
    const other = localSigner();
    const res = await call({ authorization: `Bearer ${other.token({ aud: AUDIENCE, email: SA })}`, ...SCHEDULE });
    expect(res.status).toBe(401);
    expect(runs).toBe(0);
  });

  it("answers 400 in French without a schedule time or key, and 405 with Allow for GET", async () => {
    const res = await call(auth());
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain("En-tête");
    expect((await call({ ...auth(), "x-cloudscheduler-scheduletime": "hier" })).status).toBe(400);
    const get = await call({ ...auth(), ...SCHEDULE }, "GET");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(runs).toBe(0);
  });

  it("never trusts a token whose signature was stripped (Cloud Run's IAM check forwards them so)", async () => {
    const [header, payload] = signer.token({ aud: AUDIENCE, email: SA }).split(".");
    const res = await call({ authorization: `Bearer ${header}.${payload}.SIGNATURE_REMOVED_BY_GOOGLE`, ...SCHEDULE });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    expect(runs).toBe(0);
    expect((await fs.db.collection(JOB_RUNS).get()).size).toBe(0);
  });

  it("answers 503 (Scheduler retries) when Google's signing keys cannot be fetched, and does no work", async () => {
    // A real fetch that fails: the certificates' address is a loopback port nobody listens on.
    const unreachable = new OAuth2Client({
      endpoints: { oauth2FederatedSignonPemCertsUrl: `http://127.0.0.1:${await freeLoopbackPort()}/certs` },
    });
    const offline = await serve(
      scheduledHandler(job, {
        db: fs.db,
        auth: { audience: AUDIENCE, allowedEmails: [SA], keys: googleSigningKeys(unreachable) },
        now: () => clock,
      }),
    );
    try {
      const res = await fetch(offline.url, { method: "POST", headers: { ...auth(), ...SCHEDULE } });
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({
        code: "RETRY_LATER",
        message: expect.stringMatching(/réessayez/),
      });
    } finally {
      await offline.close();
    }
    expect(runs).toBe(0);
    expect((await fs.db.collection(JOB_RUNS).get()).size).toBe(0);
  });
});
