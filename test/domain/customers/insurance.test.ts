/**
 * Credit insurance (#16 slice 5), pure: the company's insurers, the order of
 * a claim's steps, the `Factures` cell, and the declaration reminder rule.
 */
import { z } from "zod";
import {
  INSURANCE_CLAIM_STATUSES,
  insuranceClaimNextSteps,
  insuranceClaimSummary,
  insurerChoiceProblem,
  insurersSchema,
  nextInsuranceClaim,
  type InsuranceClaim,
  type InsuranceClaimStatus,
} from "../../../functions/src/domain";
import { insurerDeclarationReminder } from "../../../functions/src/domain/reminders/insurer-declaration";
import { reminderSettingsSchema } from "../../../functions/src/domain/reminders/reminder-settings";
import { fieldErrors } from "../../../functions/src/domain/validation/field-errors";
import { companyConfigurationSchema } from "../../../functions/src/workflow/bodies/company-body";
import { MINIMAL_SETTINGS } from "./company-settings";
import { wordingProblems } from "../../support/french-wording";

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const ALLIANZ = { name: "Allianz Trade", daysAfterDue: 60, remindDaysBefore: 10 };

describe("the company's insurers", () => {
  const problems = (value: unknown) => {
    // As in the company's settings, where the list sits under `insurers`.
    const result = z.strictObject({ insurers: insurersSchema }).safeParse({ insurers: value });
    return result.success ? [] : fieldErrors(result.error as z.ZodError).map((d) => [d.path, d.message]);
  };

  test("each named once (any case), delays in whole days, refused in French by field", () => {
    expect(
      problems([ALLIANZ, { name: "Coface", daysAfterDue: 90, remindDaysBefore: 15, email: "s@coface.test" }]),
    ).toEqual([]);
    expect(
      problems([ALLIANZ, { name: "allianz trade", daysAfterDue: -1, remindDaysBefore: 1.5, email: "pas-une-adresse" }]),
    ).toEqual([
      ["insurers.1.daysAfterDue", "Délai de déclaration après échéance (jours) (ligne 2) : ne peut pas être négatif."],
      [
        "insurers.1.remindDaysBefore",
        "Rappel avant la date limite (jours) (ligne 2) : doit être un nombre entier de jours.",
      ],
      ["insurers.1.email", "E-mail de l'assureur (ligne 2) : adresse e-mail invalide."],
    ]);
    expect(problems([ALLIANZ, { ...ALLIANZ, name: "ALLIANZ TRADE" }])).toEqual([
      ["insurers.1.name", "Nom de l'assureur (ligne 2) : l'assureur ALLIANZ TRADE est déjà configuré."],
    ]);
  });

  test("configure-company takes them in the settings and names their fields in French", () => {
    const settings = MINIMAL_SETTINGS;
    const ok = companyConfigurationSchema.parse({ settings: { ...settings, insurers: [ALLIANZ] } });
    expect(ok.settings.insurers).toEqual([ALLIANZ]);
    const bad = companyConfigurationSchema.safeParse({
      settings: {
        ...settings,
        insurers: [ALLIANZ, { name: "Coface", daysAfterDue: 90, remindDaysBefore: 15, email: "x" }],
      },
    });
    expect(bad.success).toBe(false);
    expect(fieldErrors(bad.error as z.ZodError)).toEqual([
      { path: "settings.insurers.1.email", message: "E-mail de l'assureur (ligne 2) : adresse e-mail invalide." },
    ]);
  });

  test("a cover names a configured insurer; without the list, any name", () => {
    expect(insurerChoiceProblem(undefined, "Atradius")).toBeNull();
    expect(insurerChoiceProblem([], "Atradius")).toBeNull();
    expect(insurerChoiceProblem([ALLIANZ], " allianz TRADE ")).toBeNull();
    expect(insurerChoiceProblem([ALLIANZ], "Atradius")).toBe(
      "l'assureur Atradius n'est pas configuré pour la société (assureurs configurés : Allianz Trade)",
    );
  });
});

describe("a claim's steps: declared → indemnified | refused → closed", () => {
  const TODAY = "2026-07-31";
  /** The claim after `statuses` in order, each a day after the previous, from 01/06/2026. */
  function after(statuses: InsuranceClaimStatus[]): InsuranceClaim | null {
    let claim: InsuranceClaim | null = null;
    statuses.forEach((status, i) => {
      const step = nextInsuranceClaim(claim, { status, on: `2026-06-0${i + 1}` }, TODAY);
      if (!step.ok) throw new Error(step.problem);
      claim = step.claim;
    });
    return claim;
  }
  const allowed: Record<string, InsuranceClaimStatus[]> = {
    "": ["declared"],
    declared: ["indemnified", "refused"],
    "declared,indemnified": ["closed"],
    "declared,refused": ["closed"],
    "declared,indemnified,closed": [],
  };

  test.each(Object.entries(allowed))(
    "after [%s] only %j may follow (the same step again changes nothing)",
    (path, next) => {
      const history = path ? (path.split(",") as InsuranceClaimStatus[]) : [];
      const claim = after(history);
      // The sidebar offers the steps of this table: the same ones the engine accepts.
      expect(insuranceClaimNextSteps(claim?.status)).toEqual(next);
      for (const status of INSURANCE_CLAIM_STATUSES) {
        const step = nextInsuranceClaim(claim, { status, on: "2026-07-01", amount: "10.00" }, TODAY);
        if (next.includes(status)) {
          expect(step).toMatchObject({ ok: true, changed: true, claim: { status } });
        } else if (status === history.at(-1)) {
          // Same status: unchanged only when it repeats the recorded step exactly.
          const last = claim!.steps.at(-1)!;
          expect(nextInsuranceClaim(claim, { status, on: last.on }, TODAY)).toEqual({
            ok: true,
            claim,
            changed: false,
          });
          expect(step).toMatchObject({ ok: false, field: "status" });
        } else {
          expect(step).toMatchObject({ ok: false, field: "status" });
        }
      }
    },
  );

  test("days: not in the future, not before the previous step", () => {
    expect(nextInsuranceClaim(null, { status: "declared", on: "2026-08-01" }, TODAY)).toEqual({
      ok: false,
      field: "on",
      problem: "le 01/08/2026 est à venir, indiquez une date passée ou aujourd'hui",
    });
    const declared = after(["declared"]);
    expect(nextInsuranceClaim(declared, { status: "refused", on: "2026-05-31" }, TODAY)).toEqual({
      ok: false,
      field: "on",
      problem: "le 31/05/2026 précède l'étape « déclarée » du 01/06/2026",
    });
  });

  test("the Factures cell says the last step, its amount, and the declaration with its reference", () => {
    let claim = nextInsuranceClaim(null, { status: "declared", on: "2026-05-12", reference: "SIN-778" }, TODAY);
    if (!claim.ok) throw new Error(claim.problem);
    expect(insuranceClaimSummary(claim.claim)).toBe("Déclarée le 12/05/2026, réf. SIN-778");
    claim = nextInsuranceClaim(claim.claim, { status: "indemnified", on: "2026-07-03", amount: "9600.00" }, TODAY);
    if (!claim.ok) throw new Error(claim.problem);
    expect(plain(insuranceClaimSummary(claim.claim))).toBe(
      "Indemnisée le 03/07/2026 (9 600,00 €) – déclarée le 12/05/2026, réf. SIN-778",
    );
  });
});

describe("insurer-declaration reminder rule", () => {
  const settings = reminderSettingsSchema.parse({
    companyName: "Menuiserie Lefèvre",
    recipients: { treasury: ["tresorerie@lefevre.fr"], accounting: ["compta@lefevre.fr", "daf@lefevre.fr"] },
  });
  // The slice-2 worked example: due 30/09/2026, 60 days → declare by 29/11/2026, remind from 19/11.
  const invoice = {
    companyId: "lefevre",
    invoiceId: "F7",
    number: "FA-2026-000007",
    issuedOn: "2026-08-31",
    dueDate: "2026-09-30",
    openAmount: "4800.00",
    customerName: "Durand SARL",
    siren: "732829320",
    disputed: false,
    declaredOn: null,
    factor: null,
  };

  test("from remindOn, to accounting, identified by the deadline; nothing once declared or paid", () => {
    expect(insurerDeclarationReminder(invoice, ALLIANZ, settings, "2026-11-18")).toBeNull();
    const reminder = insurerDeclarationReminder(invoice, ALLIANZ, settings, "2026-11-19")!;
    expect(reminder).toMatchObject({
      rule: "insurer-declaration",
      level: 0,
      target: "invoice/F7",
      day: "2026-11-29",
      to: ["compta@lefevre.fr", "daf@lefevre.fr"],
      cc: [],
      subject: "Déclaration à l'assureur avant le 29/11/2026 – facture FA-2026-000007 – Durand SARL",
    });
    expect(plain(reminder.text)).toContain("Montant impayé : 4 800,00 €\nRetard : 50 jours au 19/11/2026");
    // A later run computes the same identity (the day is the deadline, not the run day).
    expect(insurerDeclarationReminder(invoice, ALLIANZ, settings, "2026-11-30")).toMatchObject({
      day: "2026-11-29",
      subject: "Délai de déclaration dépassé – facture FA-2026-000007 – Durand SARL",
    });
    expect(
      insurerDeclarationReminder({ ...invoice, declaredOn: "2026-11-20" }, ALLIANZ, settings, "2026-11-25"),
    ).toBeNull();
    expect(insurerDeclarationReminder({ ...invoice, openAmount: "0.00" }, ALLIANZ, settings, "2026-11-25")).toBeNull();
  });

  test("an invoice assigned to a factor names the factor: under a delegated policy the declaration may be its to make", () => {
    const own = plain(insurerDeclarationReminder(invoice, ALLIANZ, settings, "2026-11-19")!.text);
    expect(own).not.toMatch(/factor/i);
    const text = insurerDeclarationReminder(
      { ...invoice, factor: "Factor Ouest" },
      ALLIANZ,
      settings,
      "2026-11-19",
    )!.text;
    expect(wordingProblems(text)).toEqual([]);
    const factored = plain(text);
    expect(factored).toContain(
      "La facture est cédée au factor Factor Ouest (affacturage) : si la police d'assurance-crédit lui est déléguée, c'est à lui de faire la déclaration. Vérifiez avec lui qui la fait avant le 29/11/2026.",
    );
    // The rest of the message is unchanged: the figures and the deadline stay the company's to check.
    expect(factored.replace(/\n\nLa facture est cédée[^\n]*/, "")).toBe(own);
  });
});
