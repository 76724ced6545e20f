/**
 * « Déclaration de TVA »: the bundled Code.js asks the quarter or month,
 * has the functions write the `TVA` sheet of this workbook and says what to
 * check before filing; a refusal lists the documents at fault.
 */
import { API_URL, COMPANY, harness, json, on } from "./addon-harness";

const written = json(200, {
  spreadsheetId: "sheet-1",
  sheet: "TVA",
  rows: 31,
  period: "1er trimestre 2026",
  vat: "2721.00",
  warnings: ["Acompte FA-2026-000001 : TVA exigible le 30/12/2025 (encaissement)."],
});

describe("Déclaration de TVA", () => {
  it("takes the quarter as people write it, asks the functions for this workbook's TVA sheet, lists the points to check", async () => {
    for (const typed of [" 2026-T1 ", "T1 2026", "2026-q1"]) {
      const { addon, standIns, requests } = await harness([on("POST", "/sheets/vat-return", written)], {
        promptAnswers: [{ text: typed, button: "OK" }],
      });
      addon.declareVat();
      expect(requests.map((r) => [r.method, r.url, JSON.parse(r.body ?? "null")])).toEqual([
        [
          "POST",
          `${API_URL}/v1/companies/${COMPANY}/sheets/vat-return`,
          { spreadsheetId: "sheet-1", period: "2026-Q1" },
        ],
      ]);
      expect(standIns.recorder.alerts[0].prompt.split("\n")).toEqual([
        "La feuille « TVA » présente la déclaration de 1er trimestre 2026 : lignes de la CA3, bases et TVA par taux et par origine, avec les pièces, égales aux mouvements du compte 44571.",
        "",
        "À vérifier avant de déclarer :",
        "- Acompte FA-2026-000001 : TVA exigible le 30/12/2025 (encaissement).",
      ]);
    }
    const month = await harness([on("POST", "/sheets/vat-return", written)], {
      promptAnswers: [{ text: "03/2026", button: "OK" }],
    });
    month.addon.declareVat();
    expect(JSON.parse(month.requests[0].body ?? "null")).toEqual({ spreadsheetId: "sheet-1", month: "2026-03" });
  });

  it("lists the documents at fault when the figures differ from 44571; asks again for a period that is not one", async () => {
    const refused = await harness(
      [
        on(
          "POST",
          "/sheets/vat-return",
          json(422, {
            error: {
              code: "VAT_LEDGER_MISMATCH",
              message:
                "Les chiffres de TVA de janvier 2026 ne sont pas égaux aux mouvements du compte 44571 : l'écart suivant est à corriger avant de déclarer.",
              details: [
                {
                  path: "FA-2026-000001",
                  message: "FA-2026-000001 : 720,00 € de TVA d'après la pièce, 720,01 € au compte 44571.",
                },
              ],
            },
          }),
        ),
      ],
      { promptAnswers: [{ text: "2026-01", button: "OK" }] },
    );
    refused.addon.declareVat();
    expect(refused.standIns.recorder.alerts[0].prompt.split("\n")).toEqual([
      "Les chiffres de TVA de janvier 2026 ne sont pas égaux aux mouvements du compte 44571 : l'écart suivant est à corriger avant de déclarer.",
      "- FA-2026-000001 : 720,00 € de TVA d'après la pièce, 720,01 € au compte 44571.",
    ]);

    const typo = await harness([], { promptAnswers: [{ text: "premier trimestre", button: "OK" }] });
    typo.addon.declareVat();
    expect(typo.requests).toHaveLength(0);
    expect(typo.standIns.recorder.alerts[0].prompt).toBe(
      "Indiquez un trimestre comme 2026-T1 ou un mois comme 2026-03.",
    );
    const cancelled = await harness([], { promptAnswers: [{ text: "2026-T1", button: "CANCEL" }] });
    cancelled.addon.declareVat();
    expect([cancelled.requests, cancelled.standIns.recorder.alerts]).toEqual([[], []]);
  });
});
