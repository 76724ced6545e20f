/**
 * `npm start`'s api stops without leaving a dashboard refresh behind: a
 * change schedules one for when changes pause (20 s), and stopping the api
 * runs it at once and awaits it, before the Sheets server and the emulator
 * stop — not later, against stores already gone (Jest's « Cannot log after
 * tests are done » in the demo and sidebar runs).
 */
import type { RunningService, StartContext } from "../../functions/dev/start";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { seedCompany } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, USERS } from "../workflow/fixtures";
import { localRun, startService } from "./local-run";

const { firestore, local } = localRun("apishutdown");

it("stopping the api writes the dashboard its last change scheduled, before the stores stop", async () => {
  await seedCompany(firestore.db, C, USERS as never);
  const ctx: StartContext = { projectId: firestore.projectId, localDir: local, db: firestore.db };
  const running: RunningService[] = [];
  try {
    running.push(await startService("local Sheets API").start(ctx));
    running.push(await startService("api function").start(ctx));
    const answer = await fetch(`${ctx.apiUrl}/v1/companies/${C}/deposits`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${mintLocalToken(ACCOUNTING)}`,
        "idempotency-key": "api-shutdown-1",
      },
      body: JSON.stringify(DEPOSIT_BODY),
    });
    expect(answer.status).toBe(201);
    // Within the quiet period: no dashboard yet.
    expect((await firestore.db.doc(`companies/${C}/dashboards/latest`).get()).exists).toBe(false);
    await running.pop()!.stop();
    // The api's stop ran the waiting refresh and awaited it.
    const latest = await firestore.db.doc(`companies/${C}/dashboards/latest`).get();
    expect(latest.get("deposits")).toEqual({ count: 1, gross: "4320.00" });
  } finally {
    for (const s of running.reverse()) await s.stop();
  }
});
