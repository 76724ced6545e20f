/**
 * The menu actions that change one document from its selected row: an
 * instalment of the Échéancier paid, a dispute or payment promise on an
 * invoice of Factures. The bundled Code.js runs against the stand-ins.
 */
import { parseFrenchDate } from "../../apps-script/src/backend/french-date";
import { instalmentOf } from "../../apps-script/src/backend/markInstalmentPaid";
import { dunningChoice } from "../../apps-script/src/backend/setInvoiceDunning";
import { indemnityChoice } from "../../apps-script/src/backend/claimPenalties";
import type { SpreadsheetModel, StandIns } from "../../functions/testing/addon-preview/stand-ins";
import { API_URL, COMPANY, DEPOSITS_SHEET, harness, json, on, type Route } from "./addon-harness";

const SCHEDULE_SHEET: unknown[][] = [
  ["Identifiant", "Demande", "Avoir", "Client", "Échéance", "Date d'échéance", "Montant", "Statut", "Payée le"],
  ["ref_1-2", "ref_1", "AV-2026-000001", "Durand SARL", "2/3", "2026-04-30", 1440, "À payer", ""],
  ["", "", "", "", "", "", "", "", ""],
];
const INVOICES_SHEET: unknown[][] = [
  ["Identifiant", "Numéro", "Type", "Date", "Client", "Échéance", "Reste dû", "Statut"],
  ["inv_7", "FA-2026-000002", "Facture", "2026-02-20", "Hôtel Bellevue SARL", "2026-03-22", 10080, "En retard"],
  ["", "FA-EXT-9", "", "2026-01-05", "Saisie en cours", "", 500, ""],
];

function workbook(active: SpreadsheetModel["active"]): SpreadsheetModel {
  return {
    id: "sheet-1",
    sheets: { Acomptes: DEPOSITS_SHEET, Échéancier: SCHEDULE_SHEET, Factures: INVOICES_SHEET },
    active,
  };
}

/** Sheets' selection of several rows, which the stand-in (one cell) cannot express on its own. */
function selectRows(standIns: StandIns, count: number): void {
  const spreadsheet = standIns.globals.SpreadsheetApp.getActiveSpreadsheet();
  const single = spreadsheet.getActiveRange.bind(spreadsheet);
  spreadsheet.getActiveRange = () =>
    new Proxy(single() as GoogleAppsScript.Spreadsheet.Range, {
      get: (target, property, receiver) =>
        property === "getNumRows" ? () => count : Reflect.get(target, property, receiver),
    });
}

type Answer = { text: string; button: "OK" | "CANCEL" };
const ok = (...texts: string[]): Answer[] => texts.map((text) => ({ text, button: "OK" }));

/** The prompts' answers, in order across every run of the harness. */
function sheetHarness(active: SpreadsheetModel["active"], routes: Route[], promptAnswers: Answer[] = []) {
  return harness(routes, { spreadsheet: workbook(active), promptAnswers });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAY_PATH = "/refunds/ref_1/instalments/2/pay";
const DUNNING_PATH = "/invoices/inv_7/dunning";
const ON_SCHEDULE = { sheet: "Échéancier", row: 2, column: 4 };
const ON_INVOICE = { sheet: "Factures", row: 2, column: 2 };

const refund = (status: string) => ({
  id: "ref_1",
  depositId: "dep_1",
  status,
  creditNote: { id: "cn_1", number: "AV-2026-000001", date: "2026-03-10" },
  schedule: [
    { n: 1, dueDate: "2026-03-31", amount: "1440.00" },
    { n: 2, dueDate: "2026-04-30", amount: "1440.00" },
    { n: 3, dueDate: "2026-05-31", amount: "1440.00" },
  ],
});

const dunningAnswer = (dunning: object, changed = true) => ({
  id: "inv_7",
  number: "FA-2026-000002",
  dueDate: "2026-03-22",
  openAmount: "10080.00",
  dunning: { disputed: false, disputeReason: null, promiseUntil: null, updatedBy: "alice@acme.fr", ...dunning },
  changed,
});

/** Answers 503 to the first `failures` calls, then `answer`. */
function failingThen(path: string, failures: number, answer: ReturnType<typeof json>): Route {
  let calls = 0;
  return (request) => {
    if (request.url !== `${API_URL}/v1/companies/${COMPANY}${path}`) return undefined;
    calls += 1;
    return calls <= failures ? json(503, { error: { code: "RETRY_LATER", message: "Contention" } }) : answer;
  };
}

describe("reading what the user typed", () => {
  it("reads jj/mm/aaaa dates and refuses what is not a day of the calendar", () => {
    expect(parseFrenchDate("31/03/2026")).toBe("2026-03-31");
    expect(parseFrenchDate(" 1/4/2026 ")).toBe("2026-04-01");
    expect(parseFrenchDate("29/02/2028")).toBe("2028-02-29");
    for (const bad of ["", "31/02/2026", "29/02/2026", "00/01/2026", "12/13/2026", "2026-03-31", "31/03/26", "demain"])
      expect(parseFrenchDate(bad)).toBeNull();
  });

  it("splits the Échéancier's id at its last dash", () => {
    expect(instalmentOf("ref_1-2")).toEqual({ refundId: "ref_1", n: 2 });
    expect(instalmentOf("a-b-12")).toEqual({ refundId: "a-b", n: 12 });
    for (const bad of ["ref_1", "ref_1-", "ref_1-0", "-3", "ref_1-x"]) expect(instalmentOf(bad)).toBeNull();
  });

  it("takes the dunning choice by number or word, without case or accents", () => {
    expect(dunningChoice("1")).toBe("litige");
    expect(dunningChoice(" Promesse ")).toBe("promesse");
    expect(dunningChoice("LEVER")).toBe("lever");
    for (const bad of ["", "4", "l", "oui"]) expect(dunningChoice(bad)).toBeNull();
  });
});

describe("Marquer l'échéance sélectionnée payée", () => {
  it("records the selected instalment paid on the typed date, under an idempotency key", async () => {
    const { addon, requests, standIns } = await sheetHarness(
      ON_SCHEDULE,
      [on("POST", PAY_PATH, json(200, refund("approved")))],
      ok("31/03/2026"),
    );
    addon.markInstalmentPaid();
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe("POST");
    expect(requests[0].url).toBe(`${API_URL}/v1/companies/${COMPANY}${PAY_PATH}`);
    expect(JSON.parse(requests[0].body ?? "")).toEqual({ paidOn: "2026-03-31" });
    expect(requests[0].headers["Idempotency-Key"]).toMatch(UUID);
    expect(standIns.recorder.alerts).toEqual([
      {
        title: "Marquer l'échéance payée",
        prompt: "Échéance 2/3 de l'avoir AV-2026-000001 (1\u202f440,00\u00a0€) enregistrée comme payée le 31/03/2026.",
      },
    ]);
  });

  it("lets the functions take today when the date is left empty, and says when the refund is complete", async () => {
    const { addon, requests, standIns } = await sheetHarness(
      ON_SCHEDULE,
      [on("POST", PAY_PATH, json(200, refund("refunded")))],
      ok(""),
    );
    addon.markInstalmentPaid();
    expect(requests[0].body).toBe("{}");
    expect(standIns.recorder.alerts[0].prompt).toBe(
      "Échéance 2/3 de l'avoir AV-2026-000001 (1\u202f440,00\u00a0€) enregistrée comme payée aujourd'hui. Toutes les échéances sont payées : la demande est remboursée.",
    );
  });

  it("explains a wrong selection in French and calls nothing", async () => {
    const cases: [SpreadsheetModel["active"], number, RegExp][] = [
      [ON_INVOICE, 1, /^Sélectionnez la ligne d'une échéance dans la feuille « Échéancier »\.$/],
      [{ sheet: "Échéancier", row: 1, column: 1 }, 1, /pas la ligne d'en-tête/],
      [{ sheet: "Échéancier", row: 3, column: 1 }, 1, /n'a pas d'identifiant d'échéance/],
      [ON_SCHEDULE, 2, /^Sélectionnez une seule ligne : 2 lignes sont sélectionnées\.$/],
    ];
    for (const [active, rows, problem] of cases) {
      const { addon, requests, standIns } = await sheetHarness(active, [], ok("31/03/2026"));
      selectRows(standIns, rows);
      addon.markInstalmentPaid();
      expect(standIns.recorder.alerts).toHaveLength(1);
      expect(standIns.recorder.alerts[0].prompt).toMatch(problem);
      expect(requests).toHaveLength(0);
    }
  });

  it("refuses a date that is not jj/mm/aaaa before any call, and does nothing when cancelled", async () => {
    const typo = await sheetHarness(ON_SCHEDULE, [], ok("31/02/2026"));
    typo.addon.markInstalmentPaid();
    expect(typo.standIns.recorder.alerts[0].prompt).toBe(
      "Date non reconnue : « 31/02/2026 ». Saisissez-la au format jj/mm/aaaa, par exemple 31/03/2026.",
    );
    const cancelled = await sheetHarness(ON_SCHEDULE, [], [{ text: "31/03/2026", button: "CANCEL" }]);
    cancelled.addon.markInstalmentPaid();
    expect(cancelled.standIns.recorder.alerts).toHaveLength(0);
    expect([...typo.requests, ...cancelled.requests]).toHaveLength(0);
  });

  it("shows the functions' French refusal", async () => {
    const paid = { error: { code: "ALREADY_PAID", message: "L'échéance 2 est déjà payée (le 2026-03-31)." } };
    const { addon, standIns } = await sheetHarness(ON_SCHEDULE, [on("POST", PAY_PATH, json(409, paid))], ok(""));
    addon.markInstalmentPaid();
    expect(standIns.recorder.alerts[0]).toEqual({
      title: "Marquer l'échéance payée",
      prompt: "L'échéance 2 est déjà payée (le 2026-03-31). Actualisez pour voir la situation actuelle.",
    });
    const forbidden = await sheetHarness(
      ON_SCHEDULE,
      [on("POST", PAY_PATH, json(403, { error: { code: "FORBIDDEN", message: "" } }))],
      ok(""),
    );
    forbidden.addon.markInstalmentPaid();
    expect(forbidden.standIns.recorder.alerts[0].prompt).toMatch(/^Vous n'avez pas le rôle nécessaire/);
  });

  it("retries a failed run with the same key, and takes a new one once the answer was definitive", async () => {
    const { addon, requests, standIns } = await sheetHarness(
      ON_SCHEDULE,
      [failingThen(PAY_PATH, 1, json(200, refund("approved")))],
      ok("31/03/2026", "31/03/2026", "31/03/2026"),
    );
    addon.markInstalmentPaid();
    expect(standIns.recorder.alerts[0].prompt).toMatch(/momentanément indisponible/);
    addon.markInstalmentPaid();
    expect(standIns.recorder.alerts[1].prompt).toMatch(/enregistrée comme payée le 31\/03\/2026/);
    addon.markInstalmentPaid();
    const keys = requests.map((r) => r.headers["Idempotency-Key"]);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    // Nothing is left pending once the answer was definitive.
    expect(Object.keys(standIns.documentProperties)).toEqual([]);
  });

  it("takes a new key when the retry sends another date", async () => {
    const { addon, requests } = await sheetHarness(
      ON_SCHEDULE,
      [failingThen(PAY_PATH, 1, json(200, refund("approved")))],
      ok("31/03/2026", "01/04/2026"),
    );
    addon.markInstalmentPaid();
    addon.markInstalmentPaid();
    expect(requests[1].headers["Idempotency-Key"]).not.toBe(requests[0].headers["Idempotency-Key"]);
  });
});

describe("Litige ou promesse de paiement sur la facture sélectionnée", () => {
  const sent = (requests: { body?: string }[]) => requests.map((r) => JSON.parse(r.body ?? ""));

  it("records a dispute with its reason on the selected invoice", async () => {
    const { addon, requests, standIns } = await sheetHarness(
      ON_INVOICE,
      [
        on(
          "POST",
          DUNNING_PATH,
          json(200, dunningAnswer({ disputed: true, disputeReason: "Le client conteste la pose" })),
        ),
      ],
      ok("1", "  Le client conteste la pose "),
    );
    addon.setInvoiceDunning();
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(`${API_URL}/v1/companies/${COMPANY}${DUNNING_PATH}`);
    expect(requests[0].headers["Idempotency-Key"]).toMatch(UUID);
    expect(sent(requests)).toEqual([
      { disputed: true, disputeReason: "Le client conteste la pose", promiseUntil: null },
    ]);
    expect(standIns.recorder.alerts).toEqual([
      {
        title: "Litige ou promesse de paiement",
        prompt:
          "Facture FA-2026-000002 en litige (Le client conteste la pose) : aucune lettre de relance ne part tant que le litige n'est pas levé.",
      },
    ]);
  });

  it("records a payment promise until a date, and lifts both", async () => {
    const { addon, requests, standIns } = await sheetHarness(
      ON_INVOICE,
      [
        (request) =>
          request.url.endsWith(DUNNING_PATH)
            ? json(
                200,
                JSON.parse(request.body ?? "").promiseUntil
                  ? dunningAnswer({ promiseUntil: "2026-04-15" })
                  : dunningAnswer({}, false),
              )
            : undefined,
      ],
      ok("promesse", "15/04/2026", "3"),
    );
    addon.setInvoiceDunning();
    addon.setInvoiceDunning();
    expect(sent(requests)).toEqual([
      { disputed: false, promiseUntil: "2026-04-15" },
      { disputed: false, promiseUntil: null },
    ]);
    expect(standIns.recorder.alerts.map((a) => a.prompt)).toEqual([
      "Facture FA-2026-000002 : promesse de paiement jusqu'au 15/04/2026, aucune lettre de relance ne part d'ici là (inclus).",
      "Rien n'a changé. Facture FA-2026-000002 : ni litige ni promesse, les lettres de relance reprennent si elle est en retard.",
    ]);
  });

  it("explains a wrong selection in French and calls nothing", async () => {
    const cases: [SpreadsheetModel["active"], number, RegExp][] = [
      [ON_SCHEDULE, 1, /^Sélectionnez la ligne d'une facture dans la feuille « Factures »\.$/],
      [{ sheet: "Factures", row: 1, column: 3 }, 1, /pas la ligne d'en-tête/],
      [{ sheet: "Factures", row: 3, column: 2 }, 1, /pas encore enregistrée/],
      [ON_INVOICE, 3, /^Sélectionnez une seule ligne : 3 lignes sont sélectionnées\.$/],
    ];
    for (const [active, rows, problem] of cases) {
      const { addon, requests, standIns } = await sheetHarness(active, [], ok("3"));
      selectRows(standIns, rows);
      addon.setInvoiceDunning();
      expect(standIns.recorder.alerts).toHaveLength(1);
      expect(standIns.recorder.alerts[0].prompt).toMatch(problem);
      expect(requests).toHaveLength(0);
    }
  });

  it("refuses an unknown choice, an empty reason and an unreadable date before any call", async () => {
    const cases: [string[], string][] = [
      [["4"], "Réponse non reconnue : « 4 ». Tapez 1, 2 ou 3."],
      [["litige", "  "], "Indiquez le motif du litige : ce que le client conteste."],
      [
        ["2", "15 avril"],
        "Date non reconnue : « 15 avril ». Saisissez-la au format jj/mm/aaaa, par exemple 15/04/2026.",
      ],
    ];
    for (const [answers, message] of cases) {
      const { addon, requests, standIns } = await sheetHarness(ON_INVOICE, [], ok(...answers));
      addon.setInvoiceDunning();
      expect(standIns.recorder.alerts.map((a) => a.prompt)).toEqual([message]);
      expect(requests).toHaveLength(0);
    }
  });

  it("shows the functions' French refusal", async () => {
    const past = {
      error: { code: "VALIDATION_FAILED", message: "La date de promesse de paiement (01/01/2026) est déjà passée." },
    };
    const { addon, standIns } = await sheetHarness(
      ON_INVOICE,
      [on("POST", DUNNING_PATH, json(400, past))],
      ok("2", "01/01/2026"),
    );
    addon.setInvoiceDunning();
    expect(standIns.recorder.alerts).toEqual([
      {
        title: "Litige ou promesse de paiement",
        prompt: "La date de promesse de paiement (01/01/2026) est déjà passée.",
      },
    ]);
  });

  it("retries after a lost answer with the same key", async () => {
    let calls = 0;
    const lostOnce: Route = (request) => {
      if (!request.url.endsWith(DUNNING_PATH)) return undefined;
      calls += 1;
      if (calls === 1) throw new Error("Exception: Timeout");
      return json(200, dunningAnswer({ disputed: true, disputeReason: "Pose contestée" }));
    };
    const { addon, requests, standIns } = await sheetHarness(
      ON_INVOICE,
      [lostOnce],
      ok("1", "Pose contestée", "1", "Pose contestée"),
    );
    addon.setInvoiceDunning();
    expect(standIns.recorder.alerts[0].prompt).toMatch(/^Impossible de joindre le service Acompte/);
    addon.setInvoiceDunning();
    expect(standIns.recorder.alerts[1].prompt).toMatch(/^Facture FA-2026-000002 en litige \(Pose contestée\)/);
    expect(requests).toHaveLength(2);
    expect(requests[1].headers["Idempotency-Key"]).toBe(requests[0].headers["Idempotency-Key"]);
    expect(requests[1].body).toBe(requests[0].body);
  });
});

describe("Facturer les pénalités de la facture sélectionnée", () => {
  const PENALTIES_PATH = "/invoices/inv_7/penalties";
  /** The functions' answer for worked example 2's invoice paid 30 days late (10 080,00 € × 12,15 % × 30 / 365 = 100,66 €). */
  const penaltyInvoice = (indemnity: string, total: string) => ({
    id: "pen_1",
    number: "FA-2026-000003",
    openAmount: total,
    dueDate: "2026-05-21",
    content: {
      customer: { name: "Hôtel Bellevue SARL", kind: "b2b", siren: "732829320" },
      number: "FA-2026-000003",
      date: "2026-04-21",
      total: { net: total, vat: "0.00", gross: total },
      penaltyClaim: {
        number: "FA-2026-000002",
        date: "2026-02-20",
        dueDate: "2026-03-22",
        penalties: "100.66",
        indemnity,
        legalBasis: "Code de commerce, art. L441-10 et D441-5",
        vatTreatment: "Hors champ de la TVA (CGI art. 256)",
      },
    },
    journalEntry: { id: "je_1", number: "EC-2026-000009" },
  });

  it("takes the indemnity choice by number or word", () => {
    expect(indemnityChoice("1")).toEqual({ claimIndemnity: true });
    expect(indemnityChoice(" AVEC ")).toEqual({ claimIndemnity: true });
    expect(indemnityChoice("sans")).toEqual({ claimIndemnity: false });
    for (const bad of ["", "3", "oui"]) expect(indemnityChoice(bad)).toBeNull();
  });

  it("issues the penalty invoice of the selected invoice and says what it claims", async () => {
    const { addon, requests, standIns } = await sheetHarness(
      ON_INVOICE,
      [on("POST", PENALTIES_PATH, json(201, penaltyInvoice("40.00", "140.66")))],
      ok("1"),
    );
    addon.claimPenalties();
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(`${API_URL}/v1/companies/${COMPANY}${PENALTIES_PATH}`);
    expect(requests[0].headers["Idempotency-Key"]).toMatch(UUID);
    expect(JSON.parse(requests[0].body ?? "")).toEqual({ claimIndemnity: true });
    expect(standIns.recorder.alerts).toEqual([
      {
        title: "Facturer les pénalités de retard",
        prompt:
          "Facture de pénalités FA-2026-000003 émise pour la facture FA-2026-000002 du 20/02/2026 (échue le 22/03/2026) : pénalités de retard de 100,66\u00a0€ et l'indemnité forfaitaire de 40,00\u00a0€, soit 140,66\u00a0€ sans TVA, à payer au plus tard le 21/05/2026.",
      },
    ]);
  });

  it("leaves the indemnity out when asked, and names no indemnity", async () => {
    const { addon, requests, standIns } = await sheetHarness(
      ON_INVOICE,
      [on("POST", PENALTIES_PATH, json(201, penaltyInvoice("0.00", "100.66")))],
      ok("sans"),
    );
    addon.claimPenalties();
    expect(JSON.parse(requests[0].body ?? "")).toEqual({ claimIndemnity: false });
    expect(standIns.recorder.alerts[0].prompt).toMatch(
      /pénalités de retard de 100,66\u00a0€, soit 100,66\u00a0€ sans TVA/,
    );
  });

  it("explains a wrong selection or answer in French and calls nothing; does nothing when cancelled", async () => {
    const elsewhere = await sheetHarness(ON_SCHEDULE, [], ok("1"));
    elsewhere.addon.claimPenalties();
    expect(elsewhere.standIns.recorder.alerts[0].prompt).toMatch(
      /^Sélectionnez la ligne d'une facture dans la feuille « Factures »\.$/,
    );
    const unknown = await sheetHarness(ON_INVOICE, [], ok("peut-être"));
    unknown.addon.claimPenalties();
    expect(unknown.standIns.recorder.alerts[0].prompt).toBe("Réponse non reconnue : « peut-être ». Tapez 1 ou 2.");
    const cancelled = await sheetHarness(ON_INVOICE, [], [{ text: "1", button: "CANCEL" }]);
    cancelled.addon.claimPenalties();
    expect(cancelled.standIns.recorder.alerts).toHaveLength(0);
    expect([...elsewhere.requests, ...unknown.requests, ...cancelled.requests]).toHaveLength(0);
  });

  it("shows the functions' French refusal, and retries a lost call with the same key", async () => {
    const b2c = {
      error: {
        code: "PENALTIES_B2B_ONLY",
        message:
          "La facture FA-2026-000002 est adressée à un particulier : les pénalités de retard et l'indemnité forfaitaire de 40 € (Code de commerce L441-10, D441-5) ne s'appliquent qu'entre professionnels.",
      },
    };
    const refused = await sheetHarness(ON_INVOICE, [on("POST", PENALTIES_PATH, json(422, b2c))], ok("1"));
    refused.addon.claimPenalties();
    expect(refused.standIns.recorder.alerts[0].prompt).toBe(b2c.error.message);

    const { addon, requests } = await sheetHarness(
      ON_INVOICE,
      [failingThen(PENALTIES_PATH, 1, json(201, penaltyInvoice("40.00", "140.66")))],
      ok("1", "1"),
    );
    addon.claimPenalties();
    addon.claimPenalties();
    expect(requests).toHaveLength(2);
    expect(requests[1].headers["Idempotency-Key"]).toBe(requests[0].headers["Idempotency-Key"]);
  });
});
