/**
 * What the risk profile is used for (#16): the deposit and terms the
 * company's policy recommends per class, the warning when an order would
 * pass a limit, and the credit insurer's declaration deadline.
 */
import {
  DEFAULT_DEPOSIT_POLICY,
  EngineValidationError,
  declarationReminder,
  exposureWarning,
  insurerDeclarationDeadline,
  recommendTerms,
  riskProfile,
  type DeclarationReminderInput,
} from "../../../functions/src/domain";
import { OVER_LIMIT } from "./risk-seeds";

const plain = (text: string | null) => text?.replace(/[\u202f\u00a0]/g, " ") ?? null;

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineValidationError);
    return (e as EngineValidationError).details.map((d) => plain(d.message) as string);
  }
  throw new Error("accepted");
}

describe("recommended terms per class", () => {
  it("follow the default table: A and B 30 % at 30 days, C 50 % at 15 days, D 100 % before production, cash", () => {
    expect(["A", "B", "C", "D"].map((c) => plain(recommendTerms(c as "A").message))).toEqual([
      "Client de classe A : acompte recommandé de 30 %, paiement à 30 jours.",
      "Client de classe B : acompte recommandé de 30 %, paiement à 30 jours.",
      "Client de classe C : acompte recommandé de 50 %, paiement à 15 jours.",
      "Client de classe D : acompte recommandé de 100 %, encaissé avant toute production, paiement comptant.",
    ]);
    expect(recommendTerms("D")).toMatchObject(DEFAULT_DEPOSIT_POLICY.D);
  });

  it("follow a company's table, a class it leaves out keeping its default", () => {
    const policy = { A: { depositPercent: "0", paymentTermsDays: 45, beforeProduction: false } };
    expect(plain(recommendTerms("A", policy).message)).toBe(
      "Client de classe A : acompte recommandé de 0 %, paiement à 45 jours.",
    );
    expect(recommendTerms("C", policy)).toMatchObject(DEFAULT_DEPOSIT_POLICY.C);
  });

  it("refuse an unknown class, terms beyond the legal 60 days, a worse class asking less", () => {
    expect(refusal(() => recommendTerms("E" as "A"))).toEqual(["Classe de risque : classe inconnue (A, B, C ou D)."]);
    expect(
      refusal(() =>
        recommendTerms("A", { C: { depositPercent: "20", paymentTermsDays: 15, beforeProduction: false } }),
      ),
    ).toEqual([
      "Pourcentage d'acompte de la classe C : la classe C ne peut demander un acompte inférieur à celui de la classe B (30 %).",
    ]);
    expect(
      refusal(() =>
        recommendTerms("A", { A: { depositPercent: "30", paymentTermsDays: 90, beforeProduction: false } }),
      )[0],
    ).toBe("Délai de paiement (jours) de la classe A : ne peut dépasser 60 jours (Code de commerce L441-10).");
  });
});

describe("exposure warning", () => {
  it("names the limit passed and the amounts; nothing when the order stays within", () => {
    const limits = { exposure: "9000.00", creditLimit: "10000.00", insuredLimit: "12000.00" };
    expect(exposureWarning(limits, "1000.00")).toBeNull(); // exactly at the limit is within
    expect(plain(exposureWarning(limits, "1000.01"))).toBe(
      "Avec cette commande de 1 000,01 €, l'encours du client passerait de 9 000,00 € à 10 000,01 €, au-delà de sa limite de crédit de 10 000,00 € (dépassement de 0,01 €).",
    );
    expect(exposureWarning({ ...limits, creditLimit: null, insuredLimit: null }, "999999.00")).toBeNull();
  });

  it("for the class D customer, both limits, from its profile", () => {
    expect(plain(exposureWarning(riskProfile(OVER_LIMIT), "2500.00"))).toBe(
      "Avec cette commande de 2 500,00 €, l'encours du client passerait de 13 000,00 € à 15 500,00 €, au-delà de sa limite de crédit de 12 000,00 € (dépassement de 3 500,00 €) et de sa limite assurée de 10 000,00 € (5 500,00 € non assurés).",
    );
    expect(refusal(() => exposureWarning(riskProfile(OVER_LIMIT), "-1"))).toEqual([
      "Montant de la commande : le montant ne peut pas être négatif.",
    ]);
  });

  it("an order adding nothing to an exposure already above a limit: says it is above already", () => {
    const profile = riskProfile(OVER_LIMIT);
    for (const nothing of ["0.00", "0"])
      expect(plain(exposureWarning(profile, nothing))).toBe(
        "L'encours du client, 13 000,00 €, dépasse déjà sa limite de crédit de 12 000,00 € (dépassement de 1 000,00 €) et sa limite assurée de 10 000,00 € (3 000,00 € non assurés) ; cette commande n'y ajoute rien.",
      );
    // Any amount added, even a cent, is said as a change from one exposure to another.
    expect(plain(exposureWarning(profile, "0.01"))).toBe(
      "Avec cette commande de 0,01 €, l'encours du client passerait de 13 000,00 € à 13 000,01 €, au-delà de sa limite de crédit de 12 000,00 € (dépassement de 1 000,01 €) et de sa limite assurée de 10 000,00 € (3 000,01 € non assurés).",
    );
    // Nothing added and within the limits: no warning.
    expect(exposureWarning({ ...profile, creditLimit: "13000.00", insuredLimit: null }, "0.00")).toBeNull();
  });
});

describe("credit insurance: declaring an overdue invoice (menace de sinistre)", () => {
  it("the deadline is the due date + the insurer's delay in calendar days", () => {
    expect(insurerDeclarationDeadline("2026-09-30", 60)).toBe("2026-11-29");
    expect(insurerDeclarationDeadline("2026-12-31", 90)).toBe("2027-03-31");
    expect(refusal(() => insurerDeclarationDeadline("2026-02-30", -1))).toEqual([
      "Date d'échéance : date invalide (format attendu AAAA-MM-JJ).",
      "Délai de déclaration après échéance (jours) : ne peut pas être négatif.",
    ]);
  });

  const input = (asOf: string, invoices: Partial<DeclarationReminderInput["invoices"][number]>[] = [{}]) => ({
    asOf,
    insurer: { name: "Allianz Trade", daysAfterDue: 60, remindDaysBefore: 10 },
    customer: { name: "Durand SARL", siren: "732829320" },
    invoices: invoices.map((i) => ({
      invoiceId: "F7",
      number: "FA-2026-000007",
      issuedOn: "2026-08-31",
      dueDate: "2026-09-30",
      openAmount: "4800.00",
      ...i,
    })),
  });

  it("is reminded from 10 days before the deadline, with the declaration's figures", () => {
    expect(declarationReminder(input("2026-11-18"))).toEqual([]);
    const [reminder, ...others] = declarationReminder(input("2026-11-19"));
    expect(others).toEqual([]);
    expect({ ...reminder, message: plain(reminder.message) }).toEqual({
      invoiceId: "F7",
      number: "FA-2026-000007",
      customer: "Durand SARL",
      siren: "732829320",
      insurer: "Allianz Trade",
      issuedOn: "2026-08-31",
      dueDate: "2026-09-30",
      amountOverdue: "4800.00",
      daysLate: 50,
      deadline: "2026-11-29",
      remindOn: "2026-11-19",
      deadlinePassed: false,
      message:
        "Déclaration de menace de sinistre à faire auprès de l'assureur Allianz Trade au plus tard le 29/11/2026 : client Durand SARL (SIREN 732 829 320), facture FA-2026-000007 du 31/08/2026, échue le 30/09/2026, impayé de 4 800,00 €, 50 jours de retard.",
    });
    // Later runs remind the same occurrence (remindOn does not move with the run day).
    expect(declarationReminder(input("2026-11-25"))[0].remindOn).toBe("2026-11-19");
  });

  it("says when the deadline has passed; nothing once declared or paid", () => {
    const [late] = declarationReminder(input("2026-12-01"));
    expect(late.deadlinePassed).toBe(true);
    expect(plain(late.message)).toBe(
      "Délai de déclaration de menace de sinistre auprès de l'assureur Allianz Trade dépassé depuis le 29/11/2026 : déclarez sans attendre et vérifiez la couverture. Client Durand SARL (SIREN 732 829 320), facture FA-2026-000007 du 31/08/2026, échue le 30/09/2026, impayé de 4 800,00 €, 62 jours de retard.",
    );
    expect(declarationReminder(input("2026-11-25", [{ declaredOn: "2026-11-20" }]))).toEqual([]);
    expect(declarationReminder(input("2026-11-25", [{ openAmount: "0.00" }]))).toEqual([]);
  });
});
