/**
 * A customer's factoring names one of the company's factors once it listed
 * some (#16), as a credit-insurance cover names an insurer: stored under
 * the configured name whatever the case typed; another name is a French 400
 * naming the factor that changes nothing; a company without factors records
 * any name (its invoices cannot be issued assigned until it configures it).
 */
import { customerKey } from "../../functions/src/model/amounts";
import { customerIdOf } from "../../functions/src/model/customer";
import { TestApi, snapshotAll } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY, SALES } from "./fixtures";

const FACTORS = [
  { name: "Rhône Affacturage SA", iban: "FR7630004000031234567890143", bic: "BNPAFRPP" },
  { name: "Factor Ouest", iban: "FR7630006000011234567890189" },
];
const suite = workflowSuite("wfcustfactor", { factors: FACTORS });
const { fs } = suite;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

const record = customerIdOf(customerKey(DEPOSIT_BODY.customer as never));
const assigned = (factor: string) => ({ factoring: { status: "assigned", factor } });
const NOT_CONFIGURED =
  "le factor Eurofactor n'est pas configuré pour la société (factors configurés : Rhône Affacturage SA, Factor Ouest)";

/** A call that must be refused 400 in French, naming the factor, changing no document. */
async function refused(path: string, as: string, body: unknown) {
  const before = await snapshotAll(fs.db);
  const answer = await api.call("POST", path, { as, body });
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe("VALIDATION_FAILED");
  expect(answer.body.error.message).toBe(`Factor : ${NOT_CONFIGURED}.`);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error.details as { path: string; message: string }[];
}

test("assigned to a configured factor: stored under its name, whatever the case typed; another factor is refused in French, nothing changed", async () => {
  expect((await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY })).status).toBe(201);
  const ok = await api.call("POST", `${base}/customers/${record}`, { as: ACCOUNTING, body: assigned("FACTOR ouest ") });
  expect(ok.status).toBe(200);
  expect(ok.body.factoring).toEqual({ status: "assigned", factor: "Factor Ouest" });

  const details = await refused(`${base}/customers/${record}`, ACCOUNTING, assigned("Eurofactor"));
  expect(details).toEqual([{ path: "factoring.factor", message: `Factor : ${NOT_CONFIGURED}.` }]);
  expect((await api.call("GET", `${base}/customers/${record}`, { as: ACCOUNTING })).body.factoring).toEqual({
    status: "assigned",
    factor: "Factor Ouest",
  });

  // A new record is checked the same way.
  const created = await refused(`${base}/customers`, SALES, {
    name: "Garage Dupuis SAS",
    kind: "b2b",
    siren: "552100554",
    ...assigned("Eurofactor"),
  });
  expect(created[0].path).toBe("factoring.factor");

  // Not factored: the name a record may keep is not checked, nor is clearing the factoring.
  const none = await api.call("POST", `${base}/customers/${record}`, {
    as: ACCOUNTING,
    body: { factoring: { status: "none" } },
  });
  expect(none.status).toBe(200);
  expect(none.body.factoring).toMatchObject({ status: "none" });
  const cleared = await api.call("POST", `${base}/customers/${record}`, { as: ACCOUNTING, body: { factoring: null } });
  expect(cleared.status).toBe(200);
  expect(cleared.body.factoring ?? null).toBeNull();
});

test("a company that listed no factor records the name typed", async () => {
  await fs.db.doc(`companies/${C}`).update({ "settings.factors": [] });
  const created = await api.call("POST", `${base}/customers`, {
    as: SALES,
    body: { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554", ...assigned("Eurofactor") },
  });
  expect(created.status).toBe(201);
  expect(created.body.factoring).toEqual({ status: "assigned", factor: "Eurofactor" });
});
