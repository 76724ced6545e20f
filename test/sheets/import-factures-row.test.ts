/** Reading a typed `Factures` row: the customer from the Client cell, the invoice body, the payment cells, messages by column. */
import {
  invoiceImportMessage,
  invoiceRowParts,
  isBlankInvoiceRow,
  paymentImportMessage,
  typedCustomer,
} from "../../functions/src/sheets/import/invoice-row-body";
import type { TypedCell } from "../../functions/src/sheets/import/typed-cells";
import { facturesSheet } from "../../functions/src/sheets/import/import-invoices";
import { badRequest } from "../../functions/src/errors/api-error";

/** Columns A to O as the Sheets API returns them (UNFORMATTED_VALUE: numbers, dates as serial numbers). */
const row = (cells: Partial<Record<string, TypedCell>>): TypedCell[] =>
  "ABCDEFGHIJKLMNO".split("").map((letter) => cells[letter]);

describe("the Client cell", () => {
  it("carries the SIREN of a business or says it is a consumer", () => {
    expect(typedCustomer("Garage Dupuis SAS (SIREN 552 100 554)")).toEqual({
      name: "Garage Dupuis SAS",
      kind: "b2b",
      siren: "552100554",
    });
    expect(typedCustomer("Garage (Lyon) (siren : 552100554)")).toEqual({
      name: "Garage (Lyon)",
      kind: "b2b",
      siren: "552100554",
    });
    expect(typedCustomer("Garage Dupuis (552100554)")).toMatchObject({ kind: "b2b", siren: "552100554" });
    expect(typedCustomer("Mme Durand (Particulier)")).toEqual({ name: "Mme Durand", kind: "b2c" });
    expect(typedCustomer("Mme Durand")).toEqual({ name: "Mme Durand" });
    expect(typedCustomer("Mme Durand (cliente fidèle)")).toEqual({ name: "Mme Durand (cliente fidèle)" });
    expect(typedCustomer("  ")).toBeUndefined();
  });

  it("without its kind refuses the row with the expected form", () => {
    expect(() => invoiceRowParts(row({ B: "F-1", E: "Mme Durand" }))).toThrow(
      expect.objectContaining({ status: 400, details: [expect.objectContaining({ path: "customer.kind" })] }),
    );
  });
});

describe("a typed invoice row", () => {
  it("reads French numbers and dates (cells or text) into the external-invoice body and the payment cells", () => {
    const parts = invoiceRowParts(
      row({
        B: " 2025-F-0917 ",
        C: "n'importe quoi",
        D: 46001, // 10/12/2025
        E: "Garage Dupuis SAS (SIREN 552100554)",
        F: "ERP-4411",
        G: "1 000,00",
        H: 200,
        I: "1\u202f200,00 €",
        J: "",
        K: 1200,
        L: "09/01/2026",
        M: "200,5",
        N: "2026-01-20",
        O: "ignored",
      }),
    );
    expect(parts).toEqual({
      invoice: {
        number: "2025-F-0917",
        date: "2025-12-10",
        customer: { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554" },
        orderRef: "ERP-4411",
        total: { net: "1000.00", vat: "200", gross: "1200.00" },
        amountDue: "1200",
        dueDate: "2026-01-09",
      },
      payment: { paidOn: "2026-01-20", remaining: "200.5" },
    });
  });

  it("refuses payment cells that are not a date or an amount, naming their column", () => {
    let caught: { message: string; details: { path: string; message: string }[] } | undefined;
    try {
      invoiceRowParts(row({ B: "F-1", E: "X (particulier)", M: "beaucoup", N: "31/02/2026" }));
    } catch (error) {
      caught = error as typeof caught;
    }
    expect(caught).toBeDefined();
    const message = invoiceImportMessage(caught!.message, caught!.details);
    expect(message).toContain("Colonne « Payée le » : date invalide");
    expect(message).toContain("Colonne « Reste dû » : « beaucoup » n'est pas un montant décimal");
  });

  it("is blank when only the computed columns hold something", () => {
    expect(isBlankInvoiceRow(row({ C: "Facture de solde", O: "Erreur : …" }))).toBe(true);
    expect(isBlankInvoiceRow(row({ N: "20/01/2026" }))).toBe(false);
  });
});

describe("messages by column", () => {
  it("name the invoice's columns, and the payment's date as « Payée le »", () => {
    expect(
      invoiceImportMessage("Données invalides.", [
        { path: "total.vat", message: "Montant de TVA : « abc » n'est pas un montant décimal." },
        { path: "date", message: "Date : date invalide." },
      ]),
    ).toBe(
      "Données invalides. — Colonne « Total TVA » : « abc » n'est pas un montant décimal. — Colonne « Date » : date invalide.",
    );
    expect(
      paymentImportMessage("La date du paiement est dans le futur.", [
        { path: "date", message: "Date : date future." },
      ]),
    ).toBe("La date du paiement est dans le futur. — Colonne « Payée le » : date future.");
  });
});

describe("the payment typed on an invoice row", () => {
  const invoiceAnswer = {
    id: "ext-1",
    number: "F-1",
    openAmount: "600.00",
    content: { customer: { name: "X", kind: "b2c" } },
  };
  const line = (M: TypedCell, N: TypedCell) =>
    row({ B: "F-1", D: "15/12/2025", E: "X (particulier)", G: "500", H: "100", M, N });
  async function outcome(M: TypedCell, N: TypedCell, payment: (body: unknown) => Promise<{ id: string }>) {
    const payments: unknown[] = [];
    const sheet = facturesSheet({
      invoice: async () => invoiceAnswer,
      payment: async (body) => {
        payments.push(body);
        return payment(body);
      },
    });
    return { result: await sheet.record(line(M, N), (content) => JSON.stringify(content)), payments };
  }
  const ok = async () => ({ id: "pay-1" });

  it("is net to pay − Reste dû on the date of Payée le, by bank transfer; nothing typed, nothing paid", async () => {
    expect(await outcome("200", "20/01/2026", ok)).toEqual({
      result: { id: "ext-1" },
      payments: [
        {
          customer: { name: "X", kind: "b2c" },
          date: "2026-01-20",
          amount: "400.00",
          means: "virement",
          invoiceIds: ["ext-1"],
        },
      ],
    });
    expect((await outcome(undefined, "20/01/2026", ok)).payments).toEqual([
      expect.objectContaining({ amount: "600.00" }),
    ]);
    expect(await outcome(undefined, undefined, ok)).toEqual({ result: { id: "ext-1" }, payments: [] });
    expect(await outcome("600", undefined, ok)).toEqual({ result: { id: "ext-1" }, payments: [] });
  });

  it("that does not add up leaves the row without its id and says why, the invoice being recorded", async () => {
    const refused = async (M: TypedCell, N: TypedCell) => (await outcome(M, N, ok)).result;
    expect(await refused("700", "20/01/2026")).toEqual({
      id: "ext-1",
      message:
        "Facture F-1 enregistrée, paiement non enregistré : le reste dû (700,00\u00a0€) dépasse le net à payer (600,00\u00a0€).",
    });
    expect((await refused("600", "20/01/2026")).message).toContain("videz l'une des deux colonnes");
    expect((await refused("100", undefined)).message).toContain("indiquez la date du paiement dans « Payée le »");
    const byRoute = await outcome(undefined, "01/04/2026", async () => {
      throw badRequest("La date du paiement est dans le futur.", [{ path: "date", message: "Date : date future." }]);
    });
    expect(byRoute.result).toEqual({
      id: "ext-1",
      message:
        "Facture F-1 enregistrée, paiement non enregistré : La date du paiement est dans le futur. — Colonne « Payée le » : date future.",
    });
  });
});
