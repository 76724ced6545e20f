/**
 * « Taux légaux »: the bundled Code.js shows the rates in force and lets an
 * admin add the missing half-year through prompts, typed the French way.
 */
import { parseRate } from "../../apps-script/src/backend/legalRates";
import type { LegalRatesAnswer } from "../../functions/src/contract";
import { API_URL, COMPANY, harness, json, on } from "./addon-harness";

type Answer = { text: string; button: "OK" | "CANCEL" };
const ok = (...texts: string[]): Answer[] => texts.map((text) => ({ text, button: "OK" }));

const SHIPPED_H1: LegalRatesAnswer["halfYears"][number] = {
  from: "2026-01-01",
  label: "1er semestre 2026",
  consumer: "6.67",
  professional: "2.62",
  ecb: "2.15",
  source: "Arrêté du 15 décembre 2025",
  origin: "shipped",
  addedBy: null,
};
const MISSING: LegalRatesAnswer = {
  halfYears: [SHIPPED_H1],
  missing: [{ from: "2026-07-01", label: "2e semestre 2026" }],
};
const ADDED: LegalRatesAnswer = {
  halfYears: [
    {
      ...SHIPPED_H1,
      from: "2026-07-01",
      label: "2e semestre 2026",
      consumer: "7",
      professional: "3.1",
      ecb: "2.15",
      source: "Arrêté de test",
      origin: "added",
      addedBy: "adam@acme.fr",
    },
    SHIPPED_H1,
  ],
  missing: [],
};

describe("Taux légaux", () => {
  it("reads rates typed the French way", () => {
    expect(["6,67", "6.67", " 7 ", "3,1 %", "0"].map(parseRate)).toEqual(["6.67", "6.67", "7", "3.1", "0"]);
    expect(["six", "6,675", "-1", "1 000", ""].map(parseRate)).toEqual([null, null, null, null, null]);
  });

  it("adds the missing half-year with the admin's answers and shows the rates then in force", async () => {
    const { addon, requests, standIns } = await harness(
      [on("GET", "/legal-rates", json(200, MISSING)), on("POST", "/legal-rates", json(201, ADDED))],
      { promptAnswers: ok("7", "3,1 %", "2,15", "Arrêté de test") },
    );
    addon.showLegalRates();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${API_URL}/v1/companies/${COMPANY}/legal-rates`,
      `POST ${API_URL}/v1/companies/${COMPANY}/legal-rates`,
    ]);
    expect(JSON.parse(requests[1].body ?? "")).toEqual({
      halfYear: "2026-07-01",
      consumer: "7",
      professional: "3.1",
      ecb: "2.15",
      source: "Arrêté de test",
    });
    expect(requests[1].headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(standIns.recorder.alerts).toEqual([
      {
        title: "Taux légaux",
        prompt: [
          "Taux enregistrés.",
          "",
          "2e semestre 2026 : intérêt légal 7 % (particuliers), 3,1 % (professionnels) ; BCE 2,15 % — ajouté par adam@acme.fr",
          "1er semestre 2026 : intérêt légal 6,67 % (particuliers), 2,62 % (professionnels) ; BCE 2,15 % — livré avec Acompte",
          "",
          "Tous les taux nécessaires à ce jour sont renseignés.",
        ].join("\n"),
      },
    ]);
  });

  it("refuses a rate that is not one before any call, and a cancelled prompt changes nothing", async () => {
    const typo = await harness([on("GET", "/legal-rates", json(200, MISSING))], { promptAnswers: ok("six") });
    typo.addon.showLegalRates();
    expect(typo.requests.map((r) => r.method)).toEqual(["GET"]);
    expect(typo.standIns.recorder.alerts.map((a) => a.prompt)).toEqual([
      "« six » n'est pas un taux : tapez un pourcentage, par exemple 6,67.",
    ]);

    const cancelled = await harness([on("GET", "/legal-rates", json(200, MISSING))], {
      promptAnswers: [{ text: "7", button: "CANCEL" }],
    });
    cancelled.addon.showLegalRates();
    expect(cancelled.requests.map((r) => r.method)).toEqual(["GET"]);
    expect(cancelled.standIns.recorder.alerts).toEqual([]);
  });

  it("only shows the rates when nothing is missing, and the functions' refusal as it is", async () => {
    const nothing = await harness([on("GET", "/legal-rates", json(200, ADDED))]);
    nothing.addon.showLegalRates();
    expect(nothing.requests).toHaveLength(1);
    expect(nothing.standIns.recorder.alerts[0].prompt).toMatch(/^2e semestre 2026 : intérêt légal 7 %/);

    const forbidden = await harness(
      [
        on("GET", "/legal-rates", json(200, MISSING)),
        on(
          "POST",
          "/legal-rates",
          json(403, {
            error: {
              code: "FORBIDDEN",
              message: "Vous n'avez pas le rôle nécessaire pour cette action dans cette société.",
              details: [],
            },
          }),
        ),
      ],
      { promptAnswers: ok("7", "3", "2", "Arrêté") },
    );
    forbidden.addon.showLegalRates();
    expect(forbidden.standIns.recorder.alerts.map((a) => a.prompt)).toEqual([
      "Vous n'avez pas le rôle nécessaire pour cette action dans cette société.",
    ]);
  });
});
