import type { CommittedChange } from "../../functions/src/storage/unit-of-work";
import { testFirestore } from "../support/firestore";
import { TestApi, seedCompany, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, USERS } from "./fixtures";

const fs = testFirestore("wfhook");
const changes: CommittedChange[] = [];
let failNext = false;
let api: TestApi;
const base = `/v1/companies/${C}`;

beforeAll(async () => {
  api = await startTestApi(fs.db, {
    afterCommit(change) {
      changes.push(change);
      if (failNext) throw new Error("Sheets unavailable");
    },
  });
  await seedCompany(fs.db, C, USERS as never);
});
afterAll(async () => {
  await api.close();
  await fs.close();
});

test("after-commit listeners see each committed change once, never a replay or a refusal, and cannot fail the call", async () => {
  const first = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY, key: "k1" });
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({
    companyId: C,
    actor: ACCOUNTING,
    // The customer's first deposit also creates its record (issue #16).
    events: [
      expect.objectContaining({ type: "customer.created" }),
      expect.objectContaining({ type: "deposit.recorded" }),
    ],
  });
  expect(changes[0].paths).toEqual(expect.arrayContaining([`companies/${C}/deposits/${first.body.id}`]));

  await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY, key: "k1" });
  await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, orderRef: "" } });
  expect(changes).toHaveLength(1);

  failNext = true;
  const second = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, orderRef: "CMD-2" },
  });
  expect(second.status).toBe(201);
  expect(changes).toHaveLength(2);
});
