/** Reading a typed `Factures` row: the customer from the Client cell, the invoice body, the payment cells, messages by column. */
import {
  invoiceImportMessage,
  invoiceRowParts,
  isBlankInvoiceRow,
  paymentImportMessage,
  typedCustomer,
} from "../../functions/src/sheets/import/invoice-row-body";
import type { TypedCell } from "../../functions/src/sheets/import/typed-cells";

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
        { path: "total.vat", message: "Champ « total.vat » : « abc » n'est pas un montant décimal." },
        { path: "date", message: "Champ « date » : date invalide." },
      ]),
    ).toBe(
      "Données invalides. — Colonne « Total TVA » : « abc » n'est pas un montant décimal. — Colonne « Date » : date invalide.",
    );
    expect(
      paymentImportMessage("La date du paiement est dans le futur.", [
        { path: "date", message: "Champ « date » : date future." },
      ]),
    ).toBe("La date du paiement est dans le futur. — Colonne « Payée le » : date future.");
  });
});
