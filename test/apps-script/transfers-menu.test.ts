/**
 * « Préparer les virements »: the bundled Code.js asks the execution date,
 * posts it with an idempotency key, downloads the SEPA file and hands it to
 * the browser in a dialog; a refusal is told in the functions' French.
 */
import type { TransferFileSummary } from "../../functions/src/contract";
import { API_URL, COMPANY, harness, json, on } from "./addon-harness";

const XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>\n';

const SUMMARY: TransferFileSummary = {
  id: "file_1",
  number: "VIR-2026-000001",
  fileName: "VIR-2026-000001.xml",
  executionDate: "2026-03-31",
  upTo: "2026-03-31",
  createdAt: "2026-03-25T11:00:00.000Z",
  createdBy: "alice@acme.fr",
  count: 2,
  controlSum: "4325.92",
  debtorIban: "FR76 **** **** **** **** ***0 189",
  instalments: [],
  remaining: 0,
  held: [],
};

const fileAnswer = {
  status: 200,
  headers: {
    "Content-Type": "application/xml; charset=utf-8",
    "Content-Disposition": 'attachment; filename="VIR-2026-000001.xml"',
  },
  body: XML,
};

describe("Préparer les virements", () => {
  it("asks the execution date, prepares the file with a key, and offers it for download byte for byte", async () => {
    const { addon, standIns, requests } = await harness(
      [on("POST", "/bank/transfers", json(201, SUMMARY)), on("GET", "/bank/transfers/file_1", fileAnswer)],
      { promptAnswers: [{ text: " 31/03/2026 ", button: "OK" }] },
    );
    addon.prepareTransfers();
    const base = `${API_URL}/v1/companies/${COMPANY}`;
    expect(requests.map((r) => [r.method, r.url])).toEqual([
      ["POST", `${base}/bank/transfers`],
      ["GET", `${base}/bank/transfers/file_1`],
    ]);
    expect(JSON.parse(requests[0].body ?? "")).toEqual({ executionDate: "2026-03-31" });
    const key = Object.entries(requests[0].headers).find(([name]) => name.toLowerCase() === "idempotency-key");
    expect(key?.[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(standIns.recorder.alerts).toEqual([]);
    const [dialog] = standIns.recorder.dialogs;
    expect(dialog.title).toBe("Préparer les virements");
    expect(dialog.content).toMatch(/Fichier VIR-2026-000001 : 2 virement\(s\) pour 4\s325,92\s€/);
    expect(dialog.content).toContain("à exécuter le 31/03/2026");
    const link = /<a download="([^"]+)" href="data:application\/xml;charset=utf-8;base64,([^"]+)">/.exec(
      dialog.content,
    );
    expect(link?.[1]).toBe("VIR-2026-000001.xml");
    expect(Buffer.from(link?.[2] ?? "", "base64").toString("utf8")).toBe(XML);
  });

  it("names the instalments held back by an IBAN change, so nobody thinks they left", async () => {
    const reason =
      "IBAN changé le 20/03/2026 par bob@acme.fr (FR76 **** **** **** **** ***0 189) : virement retenu jusqu'à la confirmation du changement par une autre personne (au plus tard jusqu'au 19/04/2026).";
    const held = {
      refundId: "r_9",
      refundNumber: "RB-2026-000009",
      n: 1,
      count: 2,
      amount: "1234.56",
      dueDate: "2026-03-30",
      customerName: "Garage Dupuis",
      heldUntil: "2026-04-19",
      reason,
    };
    const { addon, standIns } = await harness(
      [
        on("POST", "/bank/transfers", json(201, { ...SUMMARY, held: [held] })),
        on("GET", "/bank/transfers/file_1", fileAnswer),
      ],
      { promptAnswers: [{ text: "31/03/2026", button: "OK" }] },
    );
    addon.prepareTransfers();
    const [dialog] = standIns.recorder.dialogs;
    expect(dialog.content).toMatch(
      /1 échéance\(s\) retenue\(s\) : RB-2026-000009 échéance 1\/2 \(Garage Dupuis, 1\s234,56\s€\) : IBAN changé le 20\/03\/2026/,
    );
  });

  it("tells the functions' refusal, and refuses a date it cannot read before any call", async () => {
    const message = "Aucune échéance à virer jusqu'au 31/03/2026 : aucune échéance due n'attend de virement.";
    const refused = await harness(
      [on("POST", "/bank/transfers", json(422, { error: { code: "BANK_NOTHING_TO_TRANSFER", message, details: [] } }))],
      { promptAnswers: [{ text: "31/03/2026", button: "OK" }] },
    );
    refused.addon.prepareTransfers();
    expect(refused.standIns.recorder.dialogs).toEqual([]);
    expect(refused.standIns.recorder.alerts.map((a) => a.prompt)).toEqual([message]);

    const typo = await harness([], { promptAnswers: [{ text: "31/02/2026", button: "OK" }] });
    typo.addon.prepareTransfers();
    expect(typo.requests).toEqual([]);
    expect(typo.standIns.recorder.alerts[0].prompt).toContain("Date non reconnue : « 31/02/2026 »");
  });
});
