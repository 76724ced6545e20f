import { formatA1, parseA1, quoteSheetName, RangeParseError } from "../../functions/testing/sheets-server/a1";

const none = () => false;

describe("A1 notation", () => {
  it("reads quoted sheet names with spaces, accents and doubled quotes", () => {
    expect(parseA1("'O''Brien'!A1:B2", none)).toEqual({
      sheetName: "O'Brien",
      startRow: 0,
      endRow: 2,
      startColumn: 0,
      endColumn: 2,
    });
    expect(parseA1("'Tableau de bord'!C3", none)).toEqual({
      sheetName: "Tableau de bord",
      startRow: 2,
      endRow: 3,
      startColumn: 2,
      endColumn: 3,
    });
    expect(parseA1("Échéancier!A2:D", none)).toEqual({
      sheetName: "Échéancier",
      startRow: 1,
      endRow: undefined,
      startColumn: 0,
      endColumn: 4,
    });
  });

  it("reads open-ended ranges, whole columns, whole rows and whole sheets", () => {
    expect(parseA1("Sheet1!A:C", none)).toEqual({
      sheetName: "Sheet1",
      startRow: undefined,
      endRow: undefined,
      startColumn: 0,
      endColumn: 3,
    });
    expect(parseA1("Sheet1!2:4", none)).toEqual({
      sheetName: "Sheet1",
      startRow: 1,
      endRow: 4,
      startColumn: undefined,
      endColumn: undefined,
    });
    expect(parseA1("'Mon onglet'", none)).toEqual({ sheetName: "Mon onglet" });
    expect(parseA1("Acomptes", (n) => n === "Acomptes")).toEqual({ sheetName: "Acomptes" });
    expect(parseA1("AA10:AB", none)).toEqual({
      sheetName: null,
      startRow: 9,
      endRow: undefined,
      startColumn: 26,
      endColumn: 28,
    });
  });

  it("refuses what is not A1", () => {
    for (const bad of ["", "Sheet1!", "'unterminated!A1", "Sheet1!A1:B2:C3", "Sheet1!1A", "'x'A1", "Sheet1!A0"]) {
      expect(() => parseA1(bad, none)).toThrow(RangeParseError);
    }
  });

  it("quotes names the way Sheets prints them", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName("AB1")).toBe("'AB1'");
    expect(formatA1("Écritures", 1, 3, 0, 4)).toBe("'Écritures'!A2:D3");
    expect(formatA1("Feuille1", 0, 1, 27, 28)).toBe("Feuille1!AB1");
    expect(quoteSheetName("X")).toBe("'X'");
  });
});
