import {
  FEC_FIELDS,
  FecChecker,
  JournalNumbering,
  auxiliaryAccount,
  chartOfAccounts,
  checkFecText,
  depositCashedEntry,
  fecFileName,
  fecLine,
  fecRecords,
  fiscalPeriod,
  fiscalYearClosingIn,
  isFiscalYearEnd,
  fecHeader,
  finalInvoiceEntry,
  bankMatchReversalEntry,
  paymentReceivedEntry,
  type FecRecord,
  type JournalEntry,
} from "../../functions/src/domain";
import { customerKey } from "../../functions/src/model/amounts";

const YEAR = { start: "2026-01-01", end: "2026-12-31" };
const chart = chartOfAccounts();
const CUSTOMER = { account: auxiliaryAccount("siren:552100554"), name: "Dupont | Fils\r\nSA" };

/** Worked examples 1 and 2 of domain.md, plus the payment of the balance. */
function seededEntries(): { entry: JournalEntry; validDate: string }[] {
  const deposit = depositCashedEntry({
    date: "2026-01-15",
    pieceRef: "FA2026-0042",
    lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
  });
  const final = finalInvoiceEntry({
    date: "2026-02-20",
    pieceRef: "FA2026-0043",
    label: "Facture FA2026-0043",
    supplyKind: "goods",
    lines: [{ vatRate: "20", net: "12000.00", vat: "2400.00" }],
    deposits: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
  });
  const payment = paymentReceivedEntry({
    date: "2026-03-01",
    pieceRef: "PAI-1",
    amount: "10080.00",
    label: "Règlement Dupont",
  });
  return [
    { entry: deposit, validDate: "2026-01-15" },
    { entry: final, validDate: "2026-02-20" },
    { entry: payment, validDate: "2026-03-01" },
  ];
}

function exportText(entries = seededEntries(), separator: "|" | "\t" = "|"): string {
  const numbering = new JournalNumbering();
  let text = fecHeader(separator);
  for (const { entry, validDate } of entries)
    for (const record of fecRecords({
      entry,
      number: numbering.next(entry.journal),
      validDate,
      customer: CUSTOMER,
      lettering:
        entry.journal === "BQ" || entry.journal === "VT" ? { letter: "AB12CD", date: "2026-03-01" } : undefined,
      chart,
    }))
      text += fecLine(record, separator);
  return text;
}

function records(text: string): FecRecord[] {
  return text
    .split("\r\n")
    .slice(1, -1)
    .map((line) => Object.fromEntries(line.split("|").map((v, i) => [FEC_FIELDS[i], v])) as FecRecord);
}

describe("FEC format", () => {
  it("writes the 18 fields in order with a header, `|`, CRLF, YYYYMMDD dates and decimal commas", () => {
    const text = exportText();
    expect(text.split("\r\n")[0]).toBe(
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise",
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    expect(text.split("\r\n")[1]).toBe(
      "BQ|Banque|BQ-000001|20260115|512|Banque|||FA2026-0042|20260115|Encaissement de l'acompte|4320,00|0,00|||20260115||",
    );
    const final = records(text).filter((r) => r.EcritureNum === "VT-000001");
    expect(final.map((r) => [r.CompteNum, r.Debit, r.Credit])).toEqual([
      ["411", "10080,00", "0,00"],
      ["4191", "3600,00", "0,00"],
      ["707", "0,00", "12000,00"],
      ["44571", "0,00", "1680,00"],
    ]);
    // The customer only on the receivable line, its name without separator or line break; lettered.
    expect(final[0]).toMatchObject({
      CompAuxNum: "C552100554",
      CompAuxLib: "Dupont Fils SA",
      EcritureLet: "AB12CD",
      DateLet: "20260301",
      CompteLib: "Clients",
      JournalLib: "Ventes",
    });
    expect(final[1]).toMatchObject({ CompAuxNum: "", CompAuxLib: "", EcritureLet: "", DateLet: "" });
    expect(checkFecText(text, YEAR)).toEqual([]);
  });

  it("writes a tab between fields when asked, the same records otherwise, and the checks read either", () => {
    const piped = exportText();
    const tabbed = exportText(seededEntries(), "\t");
    expect(tabbed.split("\r\n")[0]).toBe(FEC_FIELDS.join("\t"));
    expect(tabbed).not.toContain("|");
    expect(tabbed.replaceAll("\t", "|")).toBe(piped);
    expect(checkFecText(tabbed, YEAR)).toEqual([]);
    // A file mixing both is refused line by line: the header chose the tab.
    const mixed = tabbed.replace(/\r\nBQ\t([^\r]*)/, (_, rest: string) => `\r\nBQ|${rest.replaceAll("\t", "|")}`);
    expect(checkFecText(mixed, YEAR)).toContain("Ligne 2 : 1 champs au lieu de 18.");
    expect(checkFecText("Journal;Code\r\n", YEAR)[0]).toBe(
      "Ligne 1 : l'en-tête ne liste pas les 18 champs dans l'ordre, séparés par « | » ou une tabulation.",
    );
  });

  it("letters the accounts a lettering names besides the customers account (a cancelled payment's factor share), no others", () => {
    const shares = [{ account: "467100", amount: "1200.00" }];
    const lettering = { letter: "AB12CD", date: "2026-04-07", accounts: ["467100"] };
    const pair = [
      paymentReceivedEntry({ date: "2026-03-20", pieceRef: "PAI-1", amount: "11280.00", factorShares: shares }),
      bankMatchReversalEntry(
        { date: "2026-04-07", pieceRef: "PAI-1", amount: "11280.00", factorShares: shares },
        "payment_received",
      ),
    ];
    const rows = pair.flatMap((entry, i) =>
      fecRecords({ entry, number: `BQ-00000${i + 1}`, validDate: entry.date, customer: CUSTOMER, lettering, chart }),
    );
    expect(rows.map((r) => [r.CompteNum, r.Debit, r.Credit, r.EcritureLet, r.DateLet, r.CompAuxNum])).toEqual([
      ["411", "0,00", "10080,00", "AB12CD", "20260407", "C552100554"],
      ["467100", "0,00", "1200,00", "AB12CD", "20260407", ""],
      ["512", "11280,00", "0,00", "", "", ""],
      ["411", "10080,00", "0,00", "AB12CD", "20260407", "C552100554"],
      ["467100", "1200,00", "0,00", "AB12CD", "20260407", ""],
      ["512", "0,00", "11280,00", "", "", ""],
    ]);
    // Without `accounts`, the customers account alone.
    const plain = fecRecords({
      entry: pair[0],
      number: "BQ-000001",
      validDate: "2026-03-20",
      customer: CUSTOMER,
      lettering: { letter: "AB12CD", date: "2026-04-07" },
      chart,
    });
    expect(plain.map((r) => r.EcritureLet)).toEqual(["AB12CD", "", ""]);
  });

  it("numbers each journal from 1 without gaps", () => {
    const n = new JournalNumbering();
    expect(["VT", "BQ", "VT", "OD", "BQ", "VT"].map((j) => n.next(j as "VT"))).toEqual([
      "VT-000001",
      "BQ-000001",
      "VT-000002",
      "OD-000001",
      "BQ-000002",
      "VT-000003",
    ]);
  });

  it("names the file <SIREN>FEC<closing date>.txt", () => {
    expect(fecFileName("552100554", "2026-12-31")).toBe("552100554FEC20261231.txt");
  });

  it("derives a stable auxiliary account from the customer key", () => {
    const key = customerKey({ name: " Marie Curie ", email: "Marie@Example.fr" });
    expect(auxiliaryAccount(key)).toMatch(/^C[0-9A-F]{16}$/);
    expect(auxiliaryAccount(key)).toBe(auxiliaryAccount(customerKey({ name: "x", email: "marie@example.fr" })));
    expect(auxiliaryAccount(key)).not.toBe(auxiliaryAccount(customerKey({ name: "x", email: "pierre@example.fr" })));
    expect(auxiliaryAccount(customerKey({ name: "ACME", siren: "552100554" }))).toBe("C552100554");
  });

  it("reads the fiscal year from the year it closes in, on the company's closing day, or from/to", () => {
    expect(fiscalPeriod({ year: "2026" })).toEqual(YEAR);
    expect(fiscalPeriod({ year: "2026" }, "12-31")).toEqual(YEAR);
    expect(fiscalPeriod({ year: "2026" }, "06-30")).toEqual({ start: "2025-07-01", end: "2026-06-30" });
    expect(fiscalPeriod({ year: "2026" }, "09-30")).toEqual({ start: "2025-10-01", end: "2026-09-30" });
    // Closing at the end of February: the 29th in a leap year, and the next year starts on 1 March.
    expect(fiscalYearClosingIn(2024, "02-28")).toEqual({ start: "2023-03-01", end: "2024-02-29" });
    expect(fiscalYearClosingIn(2025, "02-28")).toEqual({ start: "2024-03-01", end: "2025-02-28" });
    expect(["12-31", "06-30", "02-28", "01-15"].every(isFiscalYearEnd)).toBe(true);
    expect(["02-29", "06-31", "13-01", "00-10", "6-30", "2026-12-31"].some(isFiscalYearEnd)).toBe(false);
    expect(fiscalPeriod({ from: "2025-07-01", to: "2026-06-30" })).toEqual({ start: "2025-07-01", end: "2026-06-30" });
    expect(() => fiscalPeriod({})).toThrow(/Paramètre « from »/);
    expect(() => fiscalPeriod({ year: "26" })).toThrow(/une année comme 2026/);
    expect(() => fiscalPeriod({ from: "2026-02-01", to: "2026-01-01" })).toThrow(/la clôture précède/);
    expect(() => fiscalPeriod({ from: "2025-01-01", to: "2027-01-01" })).toThrow(/24 mois au plus/);
  });
});

describe("the tax office's checks", () => {
  const good = () => records(exportText());
  function problems(list: FecRecord[], period = YEAR): string[] {
    const checker = new FecChecker(period);
    list.forEach((r) => checker.add(r));
    return checker.problems();
  }

  it("pass on the seeded year", () => {
    expect(problems(good())).toEqual([]);
  });

  it("refuse an unbalanced entry", () => {
    const list = good();
    list[1] = { ...list[1], Credit: "3600,01" };
    expect(problems(list)).toEqual(["Écriture BQ-000001 (BQ, ligne 2) déséquilibrée : débit 4320,00, crédit 4320,01."]);
  });

  it("refuse an entry dated outside the fiscal year", () => {
    const list = good().map((r) => (r.EcritureNum === "BQ-000002" ? { ...r, EcritureDate: "20270102" } : r));
    expect(problems(list)).toEqual([
      "Ligne 9 (écriture BQ-000002) : date 02/01/2027 hors de l'exercice du 01/01/2026 au 31/12/2026.",
    ]);
  });

  it("refuse a malformed account or amount", () => {
    const list = good();
    list[0] = { ...list[0], CompteNum: "0512" };
    list[2] = { ...list[2], Debit: "3600.00" };
    expect(problems(list)).toEqual([
      "Ligne 2 (écriture BQ-000001) : numéro de compte « 0512 » mal formé (un chiffre de 1 à 8, puis des chiffres ou des majuscules).",
      "Ligne 4 (écriture BQ-000001) : montant Debit « 3600.00 » mal formé (attendu par exemple 4320,00).",
    ]);
  });

  it("refuse a gap in a journal's numbering, entries out of date order, and split entries", () => {
    const gap = good().map((r) => (r.EcritureNum === "BQ-000002" ? { ...r, EcritureNum: "BQ-000003" } : r));
    expect(problems(gap)).toEqual([
      "Ligne 9 (écriture BQ-000003) : numérotation du journal BQ discontinue (3 après 1, attendu 2).",
    ]);
    const list = good();
    const late = list.map((r) => (r.EcritureNum === "BQ-000002" ? { ...r, EcritureDate: "20260110" } : r));
    expect(problems(late)).toEqual([
      "Ligne 9 (écriture BQ-000002) : écriture du 10/01/2026 numérotée après une écriture du 15/01/2026.",
    ]);
    const split = [...list.slice(0, 2), ...list.slice(3, 7), list[2], ...list.slice(7)];
    expect(problems(split)).toEqual([
      "Écriture BQ-000001 (BQ, ligne 2) déséquilibrée : débit 4320,00, crédit 3600,00.",
      "Ligne 8 (écriture BQ-000001) : les lignes de l'écriture BQ-000001 (BQ) ne se suivent pas, ou son numéro est repris.",
      "Écriture BQ-000001 (BQ, ligne 8) déséquilibrée : débit 0,00, crédit 720,00.",
    ]);
  });

  it("refuse another currency, half a lettering, bad dates and a wrong field count", () => {
    const list = good();
    list[0] = { ...list[0], Idevise: "USD", Montantdevise: "10,00" };
    list[3] = { ...list[3], EcritureLet: "", PieceDate: "20260231" };
    expect(problems(list)).toEqual([
      "Ligne 2 (écriture BQ-000001) : devise « USD » : le fichier doit être tenu en euros, une seule devise.",
      "Ligne 5 (écriture VT-000001) : PieceDate « 20260231 » n'est pas une date AAAAMMJJ.",
      "Ligne 5 (écriture VT-000001) : lettrage incomplet (lettre et date de lettrage vont ensemble).",
    ]);
    const text = exportText().replace("\r\nBQ|Banque|BQ-000001|20260115|512", "\r\nBQ|Banque|BQ-000001|20260115|512|x");
    expect(checkFecText(text, YEAR)).toEqual(expect.arrayContaining(["Ligne 2 : 19 champs au lieu de 18."]));
    expect(checkFecText(exportText().replaceAll("\r\n", "\n"), YEAR)).toEqual(
      expect.arrayContaining(["Fin de ligne sans CR : le fichier doit utiliser CRLF."]),
    );
  });

  it("lists at most 50 problems and counts the others", () => {
    const checker = new FecChecker(YEAR);
    const bad = { ...good()[0], CompteNum: "x" };
    for (let i = 0; i < 60; i++) checker.add(bad);
    const list = checker.problems();
    expect(list).toHaveLength(51);
    expect(list.at(-1)).toMatch(/^… et \d+ autre\(s\) anomalie\(s\)\.$/);
  });
});
