/**
 * Customer records on the emulator (issue #16, slice 1): created with the
 * first deposit or external invoice of a customer, deduplicated from what
 * exists by `POST …/customers/sync` (rerunnable), edited and merged with
 * history kept, bad input refused in French with nothing changed.
 */
import { CUSTOMER_KEYS, CUSTOMERS, EVENTS } from "../../functions/src/model/collections";
import { customerIdOf, type CustomerDoc } from "../../functions/src/model/customer";
import { snapshotAll, startTestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfcustomers");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
const company = () => fs.db.collection("companies").doc(C);

const records = async () => (await company().collection(CUSTOMERS).get()).docs.map((d) => d.data() as CustomerDoc);
const events = async (type: string) =>
  (await company().collection(EVENTS).where("type", "==", type).get()).docs.map((d) => d.data());

const deposit = (customer: object, orderRef: string) =>
  suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: { ...DEPOSIT_BODY, customer, orderRef } });

const HOTEL = DEPOSIT_BODY.customer;

/** Runs a call that must be refused in French and proves no document changed. */
async function refused(method: string, path: string, options: Parameters<typeof suite.api.call>[2], status: number) {
  const before = await snapshotAll(fs.db);
  const answer = await suite.api.call(method, path, options);
  expect(answer.status).toBe(status);
  expect(answer.body.error.message).toMatch(/[éèàêç]|fiche|client/i);
  expect(await snapshotAll(fs.db)).toEqual(before);
  return answer.body.error;
}

describe("a record is created with a new customer's first document", () => {
  test("a deposit for an unknown customer creates its record and alias in the same transaction, once", async () => {
    expect((await deposit(HOTEL, "CMD-1")).status).toBe(201);
    expect((await deposit(HOTEL, "CMD-2")).status).toBe(201);
    const [record] = await records();
    expect(await records()).toHaveLength(1);
    expect(record).toMatchObject({
      id: customerIdOf("siren:732829320"),
      name: "Hôtel Bellevue SARL",
      kind: "b2b",
      siren: "732829320",
      keys: ["siren:732829320"],
    });
    const aliases = (await company().collection(CUSTOMER_KEYS).get()).docs.map((d) => d.data());
    expect(aliases).toEqual([{ customerKey: "siren:732829320", customerId: record.id }]);
    expect(await events("customer.created")).toHaveLength(1);
  });

  test("two deposits of a new customer sent at once to two api instances: one record (same id, the loser retries)", async () => {
    // One instance runs a company's commands one at a time; two instances race in Firestore.
    const other = await startTestApi(fs.db);
    other.setToday("2026-01-15");
    const body = (orderRef: string) => ({ as: ACCOUNTING, body: { ...DEPOSIT_BODY, orderRef } });
    const answers = await Promise.all([
      suite.api.call("POST", `${base}/deposits`, body("CMD-1")),
      other.call("POST", `${base}/deposits`, body("CMD-2")),
    ]).finally(() => other.close());
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(await records()).toHaveLength(1);
    expect(await events("customer.created")).toHaveLength(1);
  });

  test("an external invoice for an unknown consumer creates its record", async () => {
    const answer = await suite.api.call("POST", `${base}/invoices/external`, {
      as: ACCOUNTING,
      body: {
        number: "EXT-1",
        date: "2026-01-10",
        customer: { name: "Mme Durand", kind: "b2c", email: "Durand@Example.fr" },
        total: { net: "100.00", vat: "20.00" },
      },
    });
    expect(answer.status).toBe(201);
    expect(await records()).toEqual([
      expect.objectContaining({ name: "Mme Durand", kind: "b2c", keys: ["email:durand@example.fr"] }),
    ]);
  });
});

describe("POST …/customers/sync", () => {
  test("creates deduplicated records from existing documents, and a second run creates nothing", async () => {
    await deposit(HOTEL, "CMD-1");
    await deposit({ name: "M. Martin", kind: "b2c", email: "martin@example.fr" }, "CMD-2");
    await deposit({ name: "M. Martin", kind: "b2c" }, "CMD-3");
    await deposit({ name: "Mme Lefèvre", kind: "b2c" }, "CMD-4");
    await deposit({ name: "mme  LEFEVRE", kind: "b2c" }, "CMD-5");
    // An invoice of another tool for a company typed once with a SIREN, once in capitals.
    for (const [number, name] of [
      ["EXT-1", "Garage Dupuis SAS"],
      ["EXT-2", "GARAGE DUPUIS"],
    ])
      await suite.api.call("POST", `${base}/invoices/external`, {
        as: ACCOUNTING,
        body: {
          number,
          date: "2026-01-10",
          customer: { name, kind: "b2b", siren: "552100554" },
          total: { net: "100.00", vat: "20.00" },
        },
      });
    // Records as they stood before the index existed: only the documents.
    const batch = fs.db.batch();
    for (const d of [
      ...(await company().collection(CUSTOMERS).get()).docs,
      ...(await company().collection(CUSTOMER_KEYS).get()).docs,
    ])
      batch.delete(d.ref);
    await batch.commit();

    const first = await suite.api.call("POST", `${base}/customers/sync`, { as: ACCOUNTING, body: {} });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ customers: 4, linked: 0, possibleDuplicates: [] });
    expect(first.body.created).toHaveLength(4);
    const byName = Object.fromEntries((await records()).map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual([
      "GARAGE DUPUIS",
      "Hôtel Bellevue SARL",
      "M. Martin",
      expect.stringMatching(/lef[eè]vre/i),
    ]);
    // One company whatever its name's spelling; the record starts from its last sighting.
    expect(byName["GARAGE DUPUIS"].keys).toEqual(["siren:552100554"]);
    // The consumer seen with and without e-mail is one record, its e-mail key first (it gave the id).
    expect(byName["M. Martin"].keys).toEqual(["email:martin@example.fr", "name:m. martin"]);
    expect(byName["M. Martin"].id).toBe(customerIdOf("email:martin@example.fr"));
    // Case, accents and spaces folded: one record for both spellings.
    const lefevre = Object.values(byName).find((r) => /lef/i.test(r.name))!;
    expect(lefevre.keys.sort()).toEqual(["name:mme  lefevre", "name:mme lefèvre"]);

    const before = await snapshotAll(fs.db);
    const second = await suite.api.call("POST", `${base}/customers/sync`, { as: ACCOUNTING, body: {} });
    expect(second.body).toMatchObject({ created: [], linked: 0, customers: 4 });
    const after = await snapshotAll(fs.db);
    // Only the second call's idempotency record and nothing else.
    expect(
      Object.keys(after)
        .filter((p) => !(p in before))
        .every((p) => p.includes("/idempotency/")),
    ).toBe(true);
    expect(await records()).toHaveLength(4);
  });

  test("two records of one customer made before are reported, not merged", async () => {
    await deposit({ name: "M. Martin", kind: "b2c" }, "CMD-1");
    await deposit({ name: "M. Martin", kind: "b2c", email: "martin@example.fr" }, "CMD-2");
    expect(await records()).toHaveLength(2);
    const sync = await suite.api.call("POST", `${base}/customers/sync`, { as: ACCOUNTING, body: {} });
    expect(sync.body.created).toEqual([]);
    expect(sync.body.possibleDuplicates).toEqual([
      { ids: [customerIdOf("email:martin@example.fr"), customerIdOf("name:m. martin")] },
    ]);
  });

  test("a requester may not run it", async () => {
    await refused("POST", `${base}/customers/sync`, { as: REQUESTER, body: {} }, 403);
  });
});

describe("create, read, list, update", () => {
  const create = (body: object, as = SALES) => suite.api.call("POST", `${base}/customers`, { as, body });

  test("a record created, read back, updated once and audited, listed page by page", async () => {
    const created = await create({
      name: "Garage Dupuis SAS",
      kind: "b2b",
      siren: "552 100 554",
      vatNumber: "FR 96 552100554",
      creditLimit: "15000.00",
      paymentTermsDays: 45,
      insurance: { insurer: "Allianz Trade", limit: "10000.00", grantedOn: "2026-01-02" },
      factoring: { status: "assigned", factor: "BNP Paribas Factor" },
      iban: "FR76 3000 6000 0112 3456 7890 189",
    });
    expect(created.body).toMatchObject({ id: expect.any(String) });
    const id = created.body.id;
    expect(created.body).toMatchObject({ siren: "552100554", vatNumber: "FR96552100554", riskClass: null });

    const again = await create({ name: "Garage Dupuis", kind: "b2b", siren: "552100554" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CUSTOMER_EXISTS");

    const key = "edit-limit-1";
    const update = () =>
      suite.api.call("POST", `${base}/customers/${id}`, {
        as: ACCOUNTING,
        key,
        body: { creditLimit: "20000.00", segment: "Garages", iban: null },
      });
    const updated = await update();
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ creditLimit: "20000.00", segment: "Garages", iban: null });
    expect(await update()).toEqual(updated);
    const audit = await events("customer.updated");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: { creditLimit: "15000.00", segment: null, iban: "FR7630006000011234567890189" },
      after: { creditLimit: "20000.00", segment: "Garages", iban: null },
    });
    const got = await suite.api.call("GET", `${base}/customers/${id}`, { as: REQUESTER });
    expect(got.body).toEqual(updated.body);

    for (const [i, siren] of ["732829320", "542107651"].entries())
      await create({ name: `Client ${i}`, kind: "b2b", siren });
    const page1 = await suite.api.call("GET", `${base}/customers?limit=2`, { as: REQUESTER });
    const page2 = await suite.api.call("GET", `${base}/customers?limit=2&after=${page1.body.next}`, { as: REQUESTER });
    const ids = [...page1.body.customers, ...page2.body.customers].map((c: { id: string }) => c.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect([...ids].sort()).toEqual(ids);
    expect(page2.body.next).toBeNull();
  });

  describe("bad input: a French 4xx naming the field by its label, nothing changed", () => {
    let id: string;
    beforeEach(async () => {
      id = (await create({ name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554" })).body.id;
    });
    test("an operator setting the risk class (a known or an unknown one)", async () => {
      for (const riskClass of ["A", "E"]) {
        const error = await refused("POST", `${base}/customers/${id}`, { as: ACCOUNTING, body: { riskClass } }, 400);
        expect(error.details).toEqual([
          { path: "riskClass", message: expect.stringMatching(/^Classe de risque : calculée par Acompte/) },
        ]);
      }
      await refused("POST", `${base}/customers`, { as: SALES, body: { name: "X", kind: "b2c", riskClass: "B" } }, 400);
    });
    test("a negative credit limit", async () => {
      const error = await refused(
        "POST",
        `${base}/customers/${id}`,
        { as: ACCOUNTING, body: { creditLimit: "-100.00" } },
        400,
      );
      expect(error.details).toEqual([
        { path: "creditLimit", message: "Limite de crédit : le montant ne peut pas être négatif." },
      ]);
    });
    test("a malformed SIREN", async () => {
      const error = await refused(
        "POST",
        `${base}/customers`,
        { as: SALES, body: { name: "Atelier Roux", kind: "b2b", siren: "732829321" } },
        400,
      );
      expect(error.details).toEqual([{ path: "siren", message: expect.stringMatching(/^SIREN : .*clé/) }]);
    });
    test("the kind or the SIREN of a record", async () => {
      const error = await refused(
        "POST",
        `${base}/customers/${id}`,
        { as: ACCOUNTING, body: { siren: "732829320" } },
        400,
      );
      expect(error.details[0].message).toMatch(/^SIREN : identifie le client/);
    });
    test("a requester may read, not write", async () => {
      await refused("POST", `${base}/customers/${id}`, { as: REQUESTER, body: { segment: "X" } }, 403);
    });
  });
});

describe("merge", () => {
  const merge = (id: string, into: string, as = ACCOUNTING) =>
    suite.api.call("POST", `${base}/customers/${id}/merge`, { as, body: { into } });

  test("keeps history: the duplicate's keys resolve to the record kept, the duplicate is marked, one event", async () => {
    await deposit({ name: "M. Martin", kind: "b2c" }, "CMD-1");
    await deposit(
      { name: "M. Martin", kind: "b2c", email: "martin@example.fr", address: "3 rue Haute, Lyon" },
      "CMD-2",
    );
    const duplicate = customerIdOf("name:m. martin");
    const kept = customerIdOf("email:martin@example.fr");
    const answer = await merge(duplicate, kept);
    expect(answer.status).toBe(200);
    expect(answer.body.duplicate).toMatchObject({ id: duplicate, mergedInto: kept, keys: ["name:m. martin"] });
    expect(answer.body.record).toMatchObject({ id: kept, keys: ["email:martin@example.fr", "name:m. martin"] });
    const aliases = (await company().collection(CUSTOMER_KEYS).get()).docs.map((d) => d.data().customerId);
    expect(aliases).toEqual([kept, kept]);
    expect(await events("customer.merged")).toHaveLength(1);
    // A new deposit under the duplicate's key goes to the record kept: no third record.
    await deposit({ name: "M. Martin", kind: "b2c" }, "CMD-3");
    expect(await records()).toHaveLength(2);

    // Refused, nothing changed: into itself, from a merged record, into a merged record, and a merged record's edit.
    expect(
      (await refused("POST", `${base}/customers/${kept}/merge`, { as: ACCOUNTING, body: { into: kept } }, 422)).code,
    ).toBe("CUSTOMER_MERGE_REFUSED");
    expect(
      (await refused("POST", `${base}/customers/${duplicate}/merge`, { as: ACCOUNTING, body: { into: kept } }, 409))
        .code,
    ).toBe("CUSTOMER_MERGED");
    expect(
      (await refused("POST", `${base}/customers/${kept}/merge`, { as: ACCOUNTING, body: { into: duplicate } }, 409))
        .code,
    ).toBe("CUSTOMER_MERGED");
    await refused("POST", `${base}/customers/${duplicate}`, { as: ACCOUNTING, body: { segment: "X" } }, 409);
  });

  test("a company is not merged into a consumer, nor into an unknown record", async () => {
    await deposit(HOTEL, "CMD-1");
    await deposit({ name: "Hôtel Bellevue", kind: "b2c" }, "CMD-2");
    const company = customerIdOf("siren:732829320");
    const consumer = customerIdOf("name:hôtel bellevue");
    expect(
      (await refused("POST", `${base}/customers/${company}/merge`, { as: ADMIN, body: { into: consumer } }, 422)).code,
    ).toBe("CUSTOMER_MERGE_REFUSED");
    await refused(
      "POST",
      `${base}/customers/${company}/merge`,
      { as: ADMIN, body: { into: "CLI-0000000000000000" } },
      404,
    );
    await refused("POST", `${base}/customers/${company}/merge`, { as: ADMIN, body: { into: "moi-même" } }, 400);
  });
});
