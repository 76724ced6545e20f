/**
 * The risk profile kept current on the emulator (issue #16, slice 3):
 * customers seeded through the real commands (external invoices, payments,
 * a dispute) get the class and French reasons their history calls for; a
 * command marks only its own customer stale; the refresh reads only the
 * stale records; a weak signal is queued once for sales and accounting;
 * bad thresholds in the company's settings are a French 400.
 */
import { CUSTOMERS, OUTBOX } from "../../functions/src/model/collections";
import { customerIdOf, type CustomerDoc } from "../../functions/src/model/customer";
import type { OutboxEntry } from "../../functions/src/model/outbox-entry";
import { refreshProfiles } from "../../functions/src/workflow/refresh-profiles";
import { EngineValidationError } from "../../functions/src/domain";
import { runConfigureCompany } from "../../functions/tools/configure-company";
import { ACCOUNTING, ADMIN, C, REQUESTER, SALES } from "./fixtures";
import { workflowSuite } from "./suite";

const suite = workflowSuite("wfprofiles");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
const company = () => fs.db.collection("companies").doc(C);
const TODAY = "2026-06-30";

const HOTEL = { name: "Hôtel Bellevue SARL", kind: "b2b", siren: "732829320" };
const DURAND = { name: "Mme Durand", kind: "b2c", email: "durand@example.fr" };
const MARTIN = { name: "M. Martin", kind: "b2c", email: "martin@example.fr" };
const idOf = { hotel: customerIdOf("siren:732829320"), durand: customerIdOf("email:durand@example.fr") };

async function invoice(customer: object, number: string, date: string, dueDate: string, net: string, vat: string) {
  const answer = await suite.api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: { number, date, dueDate, customer, total: { net, vat } },
  });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
}

async function pay(customer: object, invoiceId: string, date: string, amount: string) {
  const answer = await suite.api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer, date, amount, means: "virement", invoiceIds: [invoiceId] },
  });
  expect(answer.status).toBe(201);
}

/** French typography puts narrow no-break spaces in amounts and before « % »: compared as plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const record = async (id: string) => (await company().collection(CUSTOMERS).doc(id).get()).data() as CustomerDoc;
const stale = async () =>
  (await company().collection(CUSTOMERS).where("profileStale", "==", true).get()).docs.map((d) => d.id).sort();
const signals = async () =>
  (await fs.db.collection(OUTBOX).where("rule", "==", "customer-risk-signal").get()).docs.map(
    (d) => d.data() as OutboxEntry,
  );
const refresh = (as: string) => suite.api.call("POST", `${base}/customers/profiles/refresh`, { as, body: {} });

/** Three customers: one pays on time, one pays 45 days late, one disputes an invoice not yet due. */
async function seedHistories() {
  suite.api.setToday(TODAY);
  const early = await invoice(HOTEL, "EXT-1", "2026-03-01", "2026-03-31", "1000.00", "200.00");
  await pay(HOTEL, early, "2026-03-31", "1200.00");
  const late = await invoice(DURAND, "EXT-2", "2026-03-01", "2026-03-31", "1000.00", "200.00");
  await pay(DURAND, late, "2026-05-15", "1200.00");
  const disputed = await invoice(MARTIN, "EXT-3", "2026-06-15", "2026-07-15", "500.00", "100.00");
  const answer = await suite.api.call("POST", `${base}/invoices/${disputed}/dunning`, {
    as: ACCOUNTING,
    body: { disputed: true, disputeReason: "Livraison incomplète" },
  });
  expect(answer.status).toBe(200);
  return { early, late, disputed };
}

describe("the profile of seeded customers", () => {
  test("each gets the class and the French reasons of its payment history", async () => {
    await seedHistories();
    expect(await stale()).toHaveLength(3);
    const answer = await refresh(ACCOUNTING);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ asOf: TODAY, refreshed: 3, customersRead: 3, historyAppended: 3, failed: [] });
    expect(await stale()).toEqual([]);

    const hotel = await record(idOf.hotel);
    expect(hotel.riskClass).toBe("A");
    expect(hotel.profile).toMatchObject({ asOf: TODAY, weightedDaysLate: "0.0", lateShare: "0.00", riskClass: "A" });
    expect(hotel.profile!.reasons.map(plain)).toEqual([
      "Aucun seuil de risque atteint : retard moyen pondéré de 0,0 jour et 0 % des factures réglées en retard sur les 12 derniers mois.",
    ]);

    // 31/03 → 15/05: 45 days beyond terms on the only invoice, weighted by its 1 200,00 €.
    const durand = await record(idOf.durand);
    expect(durand.riskClass).toBe("D");
    expect(durand.profile).toMatchObject({ weightedDaysLate: "45.0", lateShare: "1.00" });
    expect(plain(durand.profile!.reasons[0])).toBe(
      "Retard moyen pondéré de 45,0 jours sur les 12 derniers mois (seuil de la classe D : 30 jours).",
    );
    expect(plain(durand.profile!.reasons.join(" "))).toMatch(/100 %/);

    const martin = await record(customerIdOf("email:martin@example.fr"));
    expect(martin.riskClass).toBe("B");
    expect(martin.profile!.disputes).toBe(1);
    expect(martin.profile!.reasons.join(" ")).toMatch(/contest|litige/i);
    expect(martin.profile!.exposure).toBe("600.00");

    const history = await suite.api.call("GET", `${base}/customers/${idOf.durand}/profiles`, { as: SALES });
    expect(history.status).toBe(200);
    expect(history.body.profiles).toHaveLength(1);
    expect(history.body.profiles[0]).toMatchObject({ asOf: TODAY, riskClass: "D", previousClass: null });
  });

  test("a payment marks only its customer stale, and the refresh reads only that record", async () => {
    await seedHistories();
    expect((await refresh(ADMIN)).status).toBe(200);
    // A second invoice to Durand, paid on time: one record marked, the others untouched.
    suite.api.setToday("2026-07-01");
    const next = await invoice(DURAND, "EXT-4", "2026-06-01", "2026-07-01", "5000.00", "1000.00");
    expect(await stale()).toEqual([idOf.durand]);
    expect((await refresh(ACCOUNTING)).body).toMatchObject({ refreshed: 1, customersRead: 1 });
    await pay(DURAND, next, "2026-07-01", "6000.00");
    expect(await stale()).toEqual([idOf.durand]);
    const answer = await refresh(ACCOUNTING);
    expect(answer.body).toMatchObject({ asOf: "2026-07-01", refreshed: 1, customersRead: 1 });
    // 45 days on 1 200,00 € and 0 on 6 000,00 €: (45 × 1200) / 7200 = 7,5 days → class B by lateness.
    const durand = await record(idOf.durand);
    expect(durand.profile!.weightedDaysLate).toBe("7.5");
    expect(durand.riskClass).toBe("B");
    const history = await suite.api.call("GET", `${base}/customers/${idOf.durand}/profiles`, { as: REQUESTER });
    expect(history.status).toBe(200);
    expect(history.body.profiles.map((p: { asOf: string; riskClass: string }) => [p.asOf, p.riskClass])).toEqual([
      ["2026-07-01", "B"],
      ["2026-06-30", "D"],
    ]);
    expect(history.body.profiles[0].previousClass).toBe("D");
  });

  test("a customer marked while the refresh runs is read again and its profile includes what marked it", async () => {
    await seedHistories();
    const ids = (await stale()).sort();
    const second = ids[1];
    const customers = { [idOf.hotel]: HOTEL, [idOf.durand]: DURAND } as Record<string, object>;
    const who = customers[second] ?? MARTIN;
    // After the first commit, the page already read the second record: an invoice issued now marks it.
    const result = await refreshProfiles(fs.db, C, new Date(`${TODAY}T12:00:00Z`), {
      afterCommit: async (id) => {
        if (id === ids[0]) await invoice(who, "EXT-9", "2026-06-20", "2026-07-20", "100.00", "20.00");
      },
    });
    expect(result).toMatchObject({ refreshed: 3, customersRead: 4, failed: [] });
    expect(await stale()).toEqual([]);
    const profile = (await record(second)).profile!;
    const numbers = (
      await company()
        .collection("invoices")
        .where("customerKey", "in", (await record(second)).keys)
        .get()
    ).docs.map((d) => d.get("number"));
    expect(numbers).toContain("EXT-9");
    // The new invoice (120,00 € open, not yet due) is in the exposure: M. Martin also owes his disputed 600,00 €.
    expect(profile.exposure).toBe(who === MARTIN ? "720.00" : "120.00");
  });

  test("a refresh with nothing stale reads no customer", async () => {
    await seedHistories();
    await refresh(ACCOUNTING);
    const again = await refreshProfiles(fs.db, C, new Date(`${TODAY}T12:00:00Z`));
    expect(again).toMatchObject({ refreshed: 0, customersRead: 0, signalsQueued: 0 });
  });

  test("only accounting approvers and admins may refresh", async () => {
    for (const as of [REQUESTER, SALES]) {
      const answer = await refresh(as);
      expect(answer.status).toBe(403);
      expect(answer.body.error.message).toMatch(/[éèàêç]/);
    }
  });
});

describe("weak signals", () => {
  test("a customer turning class D is told once to sales and accounting, in French, also when refreshed again", async () => {
    await seedHistories();
    await refresh(ACCOUNTING);
    const told = await signals();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      companyId: C,
      level: 0,
      day: TODAY,
      target: `${idOf.durand}/lateness_worsened`,
      to: [ACCOUNTING, SALES].sort(),
      subject: "Signal faible – Mme Durand : Retards de paiement en hausse",
      status: "PENDING",
    });
    expect(told[0].text).toContain("au 30/06/2026");
    expect(told[0].text).toContain("Classe D – risque très élevé");
    // Marked again without a change of state: recomputed, nothing told twice.
    await company().collection(CUSTOMERS).doc(idOf.durand).update({ profileStale: true });
    expect((await refresh(ACCOUNTING)).body).toMatchObject({ refreshed: 1, signalsQueued: 0 });
    expect(await signals()).toHaveLength(1);
  });

  test("a credit limit passed is told with its amounts the French way", async () => {
    suite.api.setToday(TODAY);
    await invoice(HOTEL, "EXT-1", "2026-06-01", "2026-07-31", "10000.00", "2000.00");
    const updated = await suite.api.call("POST", `${base}/customers/${idOf.hotel}`, {
      as: SALES,
      body: { creditLimit: "10000.00" },
    });
    expect(updated.status).toBe(200);
    await refresh(ACCOUNTING);
    const told = (await signals()).filter((s) => s.target.endsWith("credit_limit_passed"));
    expect(told).toHaveLength(1);
    expect(plain(told[0].text)).toContain(
      "encours de 12 000,00 € pour une limite de crédit de 10 000,00 €, soit 2 000,00 € au-delà.",
    );
  });
});

describe("risk settings", () => {
  const configuration = {
    settings: {
      name: "Ébénisterie Martin SARL",
      siren: "732829320",
      vatOnDebits: false,
      arrhesVatOnReceipt: true,
      approvalThreshold: "3000.00",
      paymentTerms: { kind: "days", days: 45 },
    },
  };

  test("thresholds and policy are stored whole; the refresh uses the company's thresholds", async () => {
    await runConfigureCompany(fs.db, "martin", {
      settings: {
        ...configuration.settings,
        riskThresholds: { daysLateD: "60" },
        depositPolicy: { D: { depositPercent: "80", paymentTermsDays: 0, beforeProduction: true } },
      },
    });
    const settings = (await fs.db.doc("companies/martin").get()).get("settings");
    expect(settings.riskThresholds).toMatchObject({ daysLateB: "5", daysLateD: "60" });
    expect(settings.depositPolicy.D).toEqual({ depositPercent: "80", paymentTermsDays: 0, beforeProduction: true });

    await seedHistories();
    await company().update({ "settings.riskThresholds": settings.riskThresholds });
    await refresh(ACCOUNTING);
    // 45 days is below the company's own D threshold (60): class C (15 days, and every invoice late).
    expect((await record(idOf.durand)).riskClass).toBe("C");
  });

  test.each([
    [
      { riskThresholds: { daysLateC: "3" } },
      /Seuil de retard moyen pondéré de la classe C \(jours\) : doit être supérieur au seuil de la classe B \(5\)/,
    ],
    [
      { riskThresholds: { lateShareB: "1.5" } },
      /Seuil de part de factures en retard de la classe B : doit être une part supérieure à 0 et au plus 1/,
    ],
    [
      { riskThresholds: { overCreditLimitClass: "E" } },
      /Classe au-delà de la limite de crédit : doit être une classe de risque \(A, B, C ou D\)/,
    ],
    [
      { depositPolicy: { D: { depositPercent: "20", paymentTermsDays: 0, beforeProduction: true } } },
      /la classe D ne peut demander un acompte inférieur à celui de la classe C/,
    ],
    [
      { depositPolicy: { A: { depositPercent: "30", paymentTermsDays: 90, beforeProduction: false } } },
      /Délai de paiement \(jours\) de la classe A : ne peut dépasser 60 jours \(Code de commerce L441-10\)/,
    ],
    [{ riskThresholds: "x" }, /Seuils des classes de risque : doit être un objet JSON de réglages/],
  ])("refuses %j with a French 400 that writes nothing", async (override, message) => {
    const attempt = runConfigureCompany(fs.db, "martin", { settings: { ...configuration.settings, ...override } });
    await expect(attempt).rejects.toThrow(EngineValidationError);
    await expect(
      runConfigureCompany(fs.db, "martin", { settings: { ...configuration.settings, ...override } }),
    ).rejects.toThrow(message);
    expect((await fs.db.doc("companies/martin").get()).exists).toBe(false);
  });
});
