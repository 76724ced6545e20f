import {
  depositBodyFromRow,
  importMessage,
  isBlankInput,
  typedDay,
  typedDecimal,
} from "../../functions/src/sheets/import/deposit-row-body";
import { acomptesIndex, acomptesRows } from "./acomptes-layout";

describe("reading a typed Acomptes row", () => {
  it("reads French numbers, percentages and dates", () => {
    expect(typedDecimal(3600.5)).toBe("3600.5");
    expect(typedDecimal("3\u202f600,50 €")).toBe("3600.50");
    expect(typedDecimal("30 %")).toBe("30");
    expect(typedDecimal("  ")).toBeUndefined();
    expect(typedDay(46037)).toBe("2026-01-15");
    expect(typedDay("5/3/2026")).toBe("2026-03-05");
    expect(typedDay("2026-03-05")).toBe("2026-03-05");
    expect(typedDay("hier")).toBe("hier"); // passed on, for the schema to refuse in French
  });

  it("reads a date cell's day whatever its time, and passes on a number that is no day", () => {
    expect(typedDay(46037.99)).toBe("2026-01-15"); // 15/01/2026 23:45, not the 16th
    expect(typedDay(2)).toBe("1900-01-01");
    // Passed on as typed, for the schema to refuse in French (it used to throw « Invalid time value »).
    expect(typedDay(1e12)).toBe("1000000000000");
    expect(typedDay(-5)).toBe("-5");
  });

  it("builds the deposit route's body from labels or codes, leaving out what is empty", () => {
    const [row] = acomptesRows([
      [
        " Boulangerie Martin ",
        "particulier",
        "",
        "a@b.fr",
        "CMD-1",
        "Arrhes",
        "services",
        "5,5",
        1000,
        "",
        "200,00",
        46086,
        "Chèque",
      ],
    ]);
    expect(depositBodyFromRow(row)).toEqual({
      customer: { name: "Boulangerie Martin", kind: "b2c", email: "a@b.fr" },
      orderRef: "CMD-1",
      kind: "arrhes",
      supplyKind: "services",
      order: { lines: [{ vatRate: "5.5", net: "1000" }] },
      deposit: { amount: "200.00" },
      cashedDate: "2026-03-05",
      paymentMeans: "cheque",
    });
    expect(isBlankInput(["", "", "", ""])).toBe(true);
    const computedOnly: (string | number)[] = row.map(() => "");
    computedOnly[acomptesIndex("Facture d'acompte")] = "FA-2026-000001";
    computedOnly[acomptesIndex("Statut")] = "Ouvert";
    expect(isBlankInput(computedOnly)).toBe(true); // computed columns only
    expect(isBlankInput(row)).toBe(false);
  });

  it("names the column of each refused field instead of its JSON path", () => {
    expect(
      importMessage("Données invalides : SIREN : le SIREN est obligatoire pour un client professionnel (b2b). ; …", [
        {
          path: "customer.siren",
          message: "SIREN : le SIREN est obligatoire pour un client professionnel (b2b).",
        },
        {
          path: "order.lines.0.vatRate",
          message: "Taux de TVA (ligne 1) : taux de TVA inconnu « 19 ».",
        },
        { path: "autre", message: "Autre problème." },
      ]),
    ).toBe(
      "Colonne « SIREN » : le SIREN est obligatoire pour un client professionnel (b2b). — Colonne « Taux TVA » : taux de TVA inconnu « 19 ». — Autre problème.",
    );
    expect(importMessage("La date d'encaissement est dans le futur.", [])).toBe(
      "La date d'encaissement est dans le futur.",
    );
    const rule = [{ path: "cashedDate", message: "Date d'encaissement : date future." }];
    expect(importMessage("La date d'encaissement est dans le futur.", rule)).toBe(
      "La date d'encaissement est dans le futur. — Colonne « Date d'encaissement » : date future.",
    );
  });
});
