/**
 * « Exporter le FEC »: the bundled Code.js asks the fiscal year, downloads
 * the file from the functions and hands it to the browser in a dialog; a
 * refusal lists the problems the tax office's test tool would find.
 */
import { API_URL, COMPANY, harness, json, on } from "./addon-harness";

const FILE =
  "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\r\n" +
  "BQ|Banque|BQ-000001|20260115|512|Banque|||FA-2026-000001|20260115|Encaissement de l'acompte|4320,00|0,00|||20260115||\r\n" +
  "BQ|Banque|BQ-000001|20260115|4191|Clients - avances et acomptes reçus sur commandes|||FA-2026-000001|20260115|Acompte reçu (HT)|0,00|3600,00|||20260115||\r\n" +
  "BQ|Banque|BQ-000001|20260115|44571|TVA collectée|||FA-2026-000001|20260115|TVA collectée 20 %|0,00|720,00|||20260115||\r\n";

const fecAnswer = {
  status: 200,
  headers: {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Disposition": 'attachment; filename="552100554FEC20261231.txt"',
  },
  body: FILE,
};

describe("Exporter le FEC", () => {
  it("asks the year, downloads its FEC and offers it under the tax office's file name", async () => {
    const { addon, standIns, requests } = await harness([on("GET", "/fec?year=2026", fecAnswer)], {
      promptAnswers: [{ text: " 2026 ", button: "OK" }],
    });
    addon.exportFec();
    expect(requests.map((r) => r.url)).toEqual([`${API_URL}/v1/companies/${COMPANY}/fec?year=2026`]);
    expect(standIns.recorder.alerts).toEqual([]);
    const [dialog] = standIns.recorder.dialogs;
    expect(dialog.title).toBe("Exporter le FEC");
    expect(dialog.content).toContain("Le FEC de l&apos;exercice clos en 2026 est prêt : 3 ligne(s) d&apos;écritures");
    const link = /<a download="([^"]+)" href="data:text\/plain;charset=utf-8;base64,([^"]+)">/.exec(dialog.content);
    expect(link?.[1]).toBe("552100554FEC20261231.txt");
    // The file handed to the browser is the functions' file, byte for byte (UTF-8, CRLF).
    expect(Buffer.from(link?.[2] ?? "", "base64").toString("utf8")).toBe(FILE);
  });

  it("lists the problems when the functions refuse the export, and asks again for a year that is not one", async () => {
    const details = Array.from({ length: 12 }, (_, i) => ({
      path: "fec",
      message: `Écriture BQ-${String(i + 1).padStart(6, "0")} (BQ, ligne 2) déséquilibrée : débit 4320,00, crédit 4320,10.`,
    }));
    const refused = await harness(
      [
        on(
          "GET",
          "/fec?year=2026",
          json(422, {
            error: {
              code: "FEC_CHECKS_FAILED",
              message:
                "Le FEC de l'exercice du 01/01/2026 au 31/12/2026 serait refusé par l'outil de test de l'administration : corrigez d'abord les anomalies suivantes.",
              details,
            },
          }),
        ),
      ],
      { promptAnswers: [{ text: "2026", button: "OK" }] },
    );
    refused.addon.exportFec();
    expect(refused.standIns.recorder.dialogs).toEqual([]);
    expect(refused.standIns.recorder.alerts[0].prompt.split("\n")).toEqual([
      "Le FEC de l'exercice du 01/01/2026 au 31/12/2026 serait refusé par l'outil de test de l'administration : corrigez d'abord les anomalies suivantes.",
      ...details.slice(0, 10).map((d) => `- ${d.message}`),
      "… et 2 autre(s).",
    ]);

    const typo = await harness([], { promptAnswers: [{ text: "26", button: "OK" }] });
    typo.addon.exportFec();
    expect(typo.requests).toHaveLength(0);
    expect(typo.standIns.recorder.alerts[0].prompt).toBe(
      "Indiquez l'année de clôture de l'exercice sur quatre chiffres, par exemple 2026.",
    );
    const cancelled = await harness([], { promptAnswers: [{ text: "2026", button: "CANCEL" }] });
    cancelled.addon.exportFec();
    expect([cancelled.requests, cancelled.standIns.recorder.alerts]).toEqual([[], []]);
  });

  it("tells a requester in French that the export is not for them", async () => {
    const { addon, standIns } = await harness(
      [on("GET", "/fec?year=2026", json(403, { error: { code: "FORBIDDEN", message: "" } }))],
      { promptAnswers: [{ text: "2026", button: "OK" }] },
    );
    addon.exportFec();
    expect(standIns.recorder.alerts[0].prompt).toMatch(/^Vous n'avez pas le rôle nécessaire/);
  });
});
