/**
 * « Sinistre assurance-crédit », the add-on's server side (dist/Code.js in
 * Node against the Apps Script stand-ins, scripted api): the poll finds the
 * invoice of the selected `Factures` row without calling the functions, the
 * claim is read with a GET and a step posted under the sidebar's key, and
 * the functions' French refusals come back as they are, with their fields.
 */
import type { SpreadsheetModel } from "../../functions/testing/addon-preview/stand-ins";
import { API_URL, COMPANY, fakeIdToken, harness, json, on } from "./addon-harness";

const KEY = "k0123456789abcdef0123456789abcd";
const FACTURES: unknown[][] = [
  ["Numéro", "Type", "Client", "Reste dû", "Assurance-crédit", "Identifiant"],
  ["FA-2026-000002", "Facture finale", "Hôtel Bellevue SARL", 10080, "", "inv/1"],
  ["", "Facture externe", "Ligne en cours de saisie", 500, "", ""],
];
const workbook = (active: SpreadsheetModel["active"]): SpreadsheetModel => ({
  id: "sheet-1",
  sheets: { Factures: FACTURES, Acomptes: [["Identifiant"]] },
  active,
});
const claimPath = "/invoices/inv%2F1/insurance-claim";

describe("the selection poll in Factures", () => {
  it.each([
    [2, { row: 2, invoiceId: "inv/1", problem: null }],
    [1, { row: null, invoiceId: null, problem: "Sélectionnez la ligne d'une facture, pas la ligne d'en-tête." }],
    [
      3,
      {
        row: 3,
        invoiceId: null,
        problem:
          "Cette facture n'est pas encore enregistrée (pas d'identifiant). Importez-la ou choisissez une autre ligne.",
      },
    ],
  ])("row %i gives %j, without calling the functions", async (row, invoice) => {
    const { addon, requests } = await harness([], { spreadsheet: workbook({ sheet: "Factures", row, column: 2 }) });
    const selected = addon.getSelectedRow();
    expect(selected.ok && selected.data.invoice).toEqual(invoice);
    // The deposit side says why it has nothing: the active sheet is not « Acomptes ».
    expect(selected.ok && selected.data.depositId).toBeNull();
    expect(requests).toHaveLength(0);
  });
});

describe("reading and recording a claim", () => {
  const detail = {
    id: "inv/1",
    number: "FA-2026-000002",
    customer: "Hôtel Bellevue SARL",
    gross: "10080.00",
    dueDate: "2026-03-22",
    openAmount: "10080.00",
    insuranceClaim: null,
    summary: null,
  };

  it("reads the invoice's claim with the user's token and no idempotency key", async () => {
    const { addon, requests } = await harness([on("GET", claimPath, json(200, detail))]);
    expect(addon.getInsuranceClaim("inv/1")).toEqual({ ok: true, data: detail });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "GET", url: `${API_URL}/v1/companies/${COMPANY}${claimPath}` });
    expect(requests[0].headers.Authorization).toBe(`Bearer ${fakeIdToken()}`);
    expect(requests[0].headers).not.toHaveProperty("Idempotency-Key");
  });

  it("posts the step as typed under the sidebar's key; without a key nothing is sent", async () => {
    const answer = {
      ...detail,
      insuranceClaim: {
        status: "declared",
        declaredOn: "2026-05-12",
        reference: "SIN-778",
        steps: [{ status: "declared", on: "2026-05-12", reference: "SIN-778", amount: null }],
      },
      changed: true,
    };
    const { addon, requests } = await harness([on("POST", claimPath, json(200, answer))]);
    const body = { status: "declared" as const, on: "2026-05-12", reference: "SIN-778" };
    const missing = addon.recordInsuranceClaim("inv/1", body, "");
    expect(!missing.ok && missing.error.code).toBe("IDEMPOTENCY_KEY_MISSING");
    expect(requests).toHaveLength(0);

    expect(addon.recordInsuranceClaim("inv/1", body, KEY)).toEqual({ ok: true, data: answer });
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe("POST");
    expect(requests[0].headers["Idempotency-Key"]).toBe(KEY);
    expect(JSON.parse(requests[0].body ?? "")).toEqual(body);
  });

  it("gives the functions' French refusals as they come, each detail with its field", async () => {
    const above = {
      code: "VALIDATION_FAILED",
      message: "Le montant dépasse le total de la facture FA-2026-000002 (10 080,00 €).",
      details: [{ path: "amount", message: "Montant : 12 000,00 € dépasse le total de la facture, 10 080,00 €." }],
    };
    const outOfOrder = {
      code: "INVALID_STATE",
      message:
        "Assurance-crédit de la facture FA-2026-000002 : une créance non déclarée ne peut pas passer à « indemnisée » : déclarez-la d'abord.",
      details: [{ path: "status", message: "Statut : une créance non déclarée ne peut pas passer à « indemnisée »." }],
    };
    for (const [status, error, shown] of [
      [400, above, above.message],
      [409, outOfOrder, `${outOfOrder.message} Actualisez pour voir la situation actuelle.`],
    ] as const) {
      const { addon } = await harness([on("POST", claimPath, json(status, { error }))]);
      const result = addon.recordInsuranceClaim(
        "inv/1",
        { status: "indemnified", on: "2026-07-03", amount: "12000.00" },
        KEY,
      );
      expect(result).toEqual({
        ok: false,
        error: { code: error.code, status, message: shown, details: error.details, retryable: false },
      });
    }
  });
});
