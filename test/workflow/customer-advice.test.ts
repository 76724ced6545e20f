/**
 * Issue #16, slice 4 on the emulator: the customer's class used where
 * decisions are made. A class-D customer over its limits (its profile the
 * pure riskProfile of the seeded history, stored on its record as the profile
 * refresh would) gets the policy's D terms and the limit warning before its
 * deposit is recorded (GET …/customers/advice) and in the recording's answer;
 * a customer without a record or a profile gets class B's terms, said so;
 * the refund approvers' card carries the class and the exposure; bad input is
 * a French 4xx that changes nothing.
 */
import { riskProfile, type RiskProfile } from "../../functions/src/domain";
import { CUSTOMERS } from "../../functions/src/model/collections";
import { customerIdOf } from "../../functions/src/model/customer";
import { snapshotAll } from "../support/workflow-api";
import { OVER_LIMIT } from "../domain/customers/risk-seeds";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfcustomeradvice");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
const HOTEL_ID = customerIdOf(`siren:${DEPOSIT_BODY.customer.siren}`);
/** Messages use no-break spaces in amounts: compared as plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

/** The hotel's record with its limits, and the class-D profile of OVER_LIMIT stored on it (slice 3 writes it so). */
async function seedClassD(): Promise<RiskProfile> {
  const first = await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(first.status).toBe(201);
  const limits = await suite.api.call("POST", `${base}/customers/${HOTEL_ID}`, {
    as: SALES,
    body: {
      creditLimit: "12000.00",
      insurance: { insurer: "Allianz Trade", limit: "10000.00", grantedOn: "2026-01-02" },
    },
  });
  expect([limits.status, limits.body.error?.message]).toEqual([200, undefined]);
  const profile = riskProfile(OVER_LIMIT);
  await fs.db.collection("companies").doc(C).collection(CUSTOMERS).doc(HOTEL_ID).update({ profile, riskClass: "D" });
  return profile;
}

const advice = (query: string, as = REQUESTER) => suite.api.call("GET", `${base}/customers/advice?${query}`, { as });

describe("advice before a deposit is recorded", () => {
  test("a class-D customer over its limits: 100 % before production, cash, and both limits named with the excess", async () => {
    const profile = await seedClassD();
    expect(profile).toMatchObject({ riskClass: "D", exposure: "13000.00" });
    // 12 000,00 HT at 20 % = 14 400,00 TTC, 30 % deposit = 4 320,00 TTC cashed: the order adds 10 080,00.
    const answer = await advice(`siren=${DEPOSIT_BODY.customer.siren}&net=12000.00&vatRate=20&depositPercent=30`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      customerId: HOTEL_ID,
      customerName: "Hôtel Bellevue SARL",
      riskClass: "D",
      profileAsOf: "2026-11-30",
      exposure: "13000.00",
      creditLimit: "12000.00",
      insuredLimit: "10000.00",
      orderAmount: "10080.00",
      recommendation: { riskClass: "D", depositPercent: "100", paymentTermsDays: 0, beforeProduction: true },
      reasons: profile.reasons,
    });
    expect(plain(answer.body.recommendation.message)).toBe(
      "Client de classe D : acompte recommandé de 100 %, encaissé avant toute production, paiement comptant.",
    );
    // 13 000 + 10 080 = 23 080: 11 080 over the credit limit, 13 080 over the insured one.
    expect(plain(answer.body.warning)).toBe(
      "Avec cette commande de 10 080,00 €, l'encours du client passerait de 13 000,00 € à 23 080,00 €, au-delà de sa limite de crédit de 12 000,00 € (dépassement de 11 080,00 €) et de sa limite assurée de 10 000,00 € (13 080,00 € non assurés).",
    );
    expect(answer.body.message).toBe(`${answer.body.recommendation.message} ${answer.body.warning}`);
    // By record id and by the order's gross: the same figures.
    const byId = await advice(`customerId=${HOTEL_ID}&amount=14400.00&deposit=4320.00`);
    expect(byId.body).toEqual(answer.body);
  });

  test("the company's own policy is followed (settings.depositPolicy)", async () => {
    await seedClassD();
    const company = fs.db.collection("companies").doc(C);
    const settings = (await company.get()).data()!.settings;
    await company.update({
      settings: {
        ...settings,
        depositPolicy: { D: { depositPercent: "80", paymentTermsDays: 0, beforeProduction: true } },
      },
    });
    const answer = await advice(`customerId=${HOTEL_ID}&amount=1000.00`);
    expect(answer.body.recommendation).toMatchObject({ riskClass: "D", depositPercent: "80" });
  });

  test("the deposit's recording answer carries the same advice", async () => {
    await seedClassD();
    const answer = await suite.api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef: "CMD-2026-018" },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.advice).toMatchObject({ riskClass: "D", orderAmount: "10080.00", exposure: "13000.00" });
    expect(plain(answer.body.advice.warning)).toContain(
      "au-delà de sa limite de crédit de 12 000,00 € (dépassement de 11 080,00 €)",
    );
  });

  test("a customer without a record, then with a record but no profile: class B's terms, said so, no warning", async () => {
    const none = await advice("siren=552100554&name=Garage%20Martin&amount=5000.00");
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({
      customerId: null,
      riskClass: null,
      exposure: null,
      warning: null,
      orderAmount: "5000.00",
      recommendation: { riskClass: "B", depositPercent: "30", paymentTermsDays: 30, beforeProduction: false },
    });
    expect(plain(none.body.message)).toBe(
      "Pas encore de profil de paiement pour ce client : conditions de la classe B par prudence, acompte recommandé de 30 %, paiement à 30 jours.",
    );
    const first = await suite.api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
    expect(first.body.advice).toMatchObject({ customerId: null, riskClass: null, warning: null });
    const recorded = await advice(`customerId=${HOTEL_ID}&amount=5000.00`);
    expect(recorded.body).toMatchObject({ customerId: HOTEL_ID, riskClass: null, exposure: null, warning: null });
    expect(recorded.body.message).toBe(none.body.message);
  });
});

describe("the refund approvers' card", () => {
  test("shows the customer's class, exposure and limits from the stored profile", async () => {
    const profile = await seedClassD();
    const deposits = await suite.api.call("GET", `${base}/deposits?orderRef=${DEPOSIT_BODY.orderRef}`, { as: SALES });
    suite.api.setToday("2026-03-10");
    const request = await suite.api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: refundBody(deposits.body[0].id),
    });
    expect(request.status).toBe(201);
    // Under the company's threshold accounting alone approves.
    const pending = await suite.api.call("GET", `${base}/approvals/pending`, { as: ACCOUNTING });
    expect(pending.body).toHaveLength(1);
    expect(pending.body[0].customerStanding).toEqual({
      customerId: HOTEL_ID,
      riskClass: "D",
      profileAsOf: "2026-11-30",
      exposure: "13000.00",
      creditLimit: "12000.00",
      insuredLimit: "10000.00",
      overCreditLimit: true,
      overInsuredLimit: true,
      reasons: profile.reasons,
    });
  });
});

describe("bad input: a French 4xx that changes nothing", () => {
  beforeEach(seedClassD);
  async function refused(query: string, status: number) {
    const before = await snapshotAll(fs.db);
    const answer = await advice(query);
    expect(answer.status).toBe(status);
    expect(await snapshotAll(fs.db)).toEqual(before);
    return answer.body.error;
  }

  test("an unknown customer id is a 404 naming it", async () => {
    const error = await refused("customerId=CLI-0000000000000000&amount=100.00", 404);
    expect(error.message).toBe("Client introuvable : CLI-0000000000000000.");
  });

  test("a malformed amount, a malformed SIREN, no customer, no amount: a 400 naming each parameter in French", async () => {
    const amount = await refused(`customerId=${HOTEL_ID}&amount=12,5`, 400);
    expect(amount.details.map((d: { path: string }) => d.path)).toEqual(["amount"]);
    expect(amount.details[0].message).toMatch(/^Paramètre « montant »|^Montant/);
    const siren = await refused("siren=123456789&amount=100.00", 400);
    expect(siren.details[0].message).toMatch(/SIREN : .*clé/);
    const empty = await refused("", 400);
    expect(empty.details.map((d: { path: string }) => d.path).sort()).toEqual(["amount", "customerId"]);
    expect(empty.details.map((d: { message: string }) => d.message).join(" ")).toContain("indiquez la fiche client");
    const both = await refused(`customerId=${HOTEL_ID}&amount=100.00&deposit=10.00&depositPercent=10`, 400);
    expect(both.details[0].path).toBe("depositPercent");
  });
});
