import { instantSerial, money, text } from "../../functions/src/sheets/cell";
import { ECHEANCIER } from "../../functions/src/sheets/layout/workbook-spec";
import { planSheet } from "../../functions/src/sheets/sync/sheet-plan";
import type { Row } from "../../functions/src/sheets/sync/row-mappers";

/** Three columns, the id first (as a sheet typed by people keeps it). */
const spec = { title: "Échéancier", columns: [ECHEANCIER.columns.at(-1)!, ...ECHEANCIER.columns.slice(0, 2)] };
const row = (id: string, order: string, name: string | null, amount: string): Row => ({
  id,
  order,
  cells: [text(id), name === null ? null : text(name), money(amount)],
});

describe("planSheet", () => {
  const header = ["Identifiant", "Demande", "Avoir"];

  it("updates a known id in place, only when a cell differs, and leaves null cells alone", () => {
    const current = [header, ["a", "Dupont", 10], ["b", "tapé à la main", 20]];
    const plan = planSheet(spec, [row("a", "1", "Dupont", "10.00"), row("b", "2", null, "25.00")], current);
    expect(plan).toMatchObject({ updatedRows: 1, newRows: 0, rowsNeeded: 3 });
    expect(plan.writes).toEqual([{ range: "'Échéancier'!A3:C3", values: [["b", null, 25]] }]);
  });

  it("puts new ids below the last used row — rows typed without an id included — in chronological order, as one range", () => {
    const current = [header, ["a", "x", 1], [], ["", "saisie sans id", 5]];
    const plan = planSheet(
      spec,
      [row("c", "3", "C", "3.00"), row("a", "1", "x", "1.00"), row("b", "2", "B", "2.00")],
      current,
    );
    expect(plan.writes).toEqual([
      {
        range: "'Échéancier'!A5:C6",
        values: [
          ["b", "B", 2],
          ["c", "C", 3],
        ],
      },
    ]);
    expect(plan).toMatchObject({ newRows: 2, updatedRows: 0, rowsNeeded: 6 });
  });

  it("empties a later row that repeats a document's id, and leaves rows of unknown ids alone", () => {
    const current = [header, ["a", "x", 1], ["a", "copie", 1], ["zz", "ligne inconnue", 9], ["a", "encore", 2]];
    const plan = planSheet(spec, [row("a", "1", "x", "1.00")], current);
    expect(plan.writes).toEqual([
      { range: "'Échéancier'!A3:C3", values: [["", "", ""]] },
      { range: "'Échéancier'!A5:C5", values: [["", "", ""]] },
    ]);
    expect(plan).toMatchObject({ clearedRows: 2, updatedRows: 0, newRows: 0 });
  });

  it('drops trailing cells that change nothing, and keeps a trailing "" that clears a stale value', () => {
    const blank = (id: string, order: string, name: string | null): Row => ({
      id,
      order,
      cells: [text(id), name === null ? null : text(name), money(null)],
    });
    // New rows go below the last used row, where every cell is empty.
    expect(planSheet(spec, [blank("n", "1", ""), blank("m", "2", null)], [header]).writes).toEqual([
      { range: "'Échéancier'!A2:C3", values: [["n"], ["m"]] },
    ]);
    // In place: a "" over a value clears it; over an empty cell it is left out.
    const current = [header, ["a", "Dupont", 10], ["b", "", "", "note"]];
    const plan = planSheet(spec, [blank("a", "1", "Dupont"), row("b", "2", "Durand", "0.00")], current);
    expect(plan.writes).toEqual([
      {
        range: "'Échéancier'!A2:C3",
        values: [
          ["a", "Dupont", ""],
          ["b", "Durand", 0],
        ],
      },
    ]);
    expect(planSheet(spec, [blank("b", "2", "")], [header, ["b", "x"]]).writes).toEqual([
      { range: "'Échéancier'!A2:C2", values: [["b", ""]] },
    ]);
  });

  it("writes nothing when the sheet already shows the documents, and starts under the header of an empty sheet", () => {
    expect(planSheet(spec, [row("a", "1", "x", "1.00")], [header, ["a", "x", 1]]).writes).toEqual([]);
    expect(planSheet(spec, [row("a", "1", "x", "1.00")], []).writes).toEqual([
      { range: "'Échéancier'!A2:C2", values: [["a", "x", 1]] },
    ]);
  });
});

describe("planSheet, the id in the last column", () => {
  // Demande, Avoir, Identifiant: the numbers people read first, the technical id last.
  const last = { title: "Échéancier", columns: [...ECHEANCIER.columns.slice(0, 2), ECHEANCIER.columns.at(-1)!] };
  const byLast = (id: string, number: string, note: string): Row => ({
    id,
    order: number,
    cells: [text(number), text(note), text(id)],
  });

  it("finds, updates, appends and de-duplicates rows by the last column", () => {
    const current = [
      ["Demande", "Avoir", "Identifiant"],
      ["RB-2026-000001", "ancien", "a"],
      ["RB-2026-000009", "tapé", ""],
      ["RB-2026-000001", "copie", "a"],
    ];
    const plan = planSheet(
      last,
      [byLast("a", "RB-2026-000001", "AV-2026-000001"), byLast("b", "RB-2026-000002", "")],
      current,
    );
    expect(plan.writes).toEqual([
      { range: "'Échéancier'!A2:C2", values: [["RB-2026-000001", "AV-2026-000001", "a"]] },
      {
        range: "'Échéancier'!A4:C5",
        values: [
          ["", "", ""],
          ["RB-2026-000002", "", "b"],
        ],
      },
    ]);
    expect(plan).toMatchObject({ updatedRows: 1, newRows: 1, clearedRows: 1 });
  });
});

describe("date-times", () => {
  it("are written as the serial of their Paris wall-clock time", () => {
    // 07:00:30 in Paris (summer time), 11:00 in winter.
    expect(instantSerial("2026-04-07T05:00:30.000Z")).toBeCloseTo(46119 + (7 * 3600 + 30) / 86400, 9);
    expect(instantSerial("2026-01-15T10:00:00Z")).toBeCloseTo(46037 + 11 / 24, 9);
  });
});
