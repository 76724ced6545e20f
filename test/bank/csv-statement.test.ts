/**
 * The CSV statement reader (functions/src/bank/csv-statement.ts): a French
 * bank's export as it comes (preamble, `;`, decimal comma, debit and credit
 * columns, quoted labels, footer), read in chunks of any size into the same
 * entries camt053.ts gives; identities stable across overlapping files.
 */
import { CsvStatementReader, parseCsvStatement, CSV_MAX_LINE_CHARS } from "../../functions/src/bank/csv-statement";
import {
  CSV_STATEMENT_DEFAULTS,
  csvAmount,
  csvDate,
  type CsvStatementLayout,
} from "../../functions/src/domain/bank/csv-layout";
import { entryKey, type StatementEntry } from "../../functions/src/domain/bank/statement-entry";
import { EngineValidationError } from "../../functions/src/domain/errors/engine-error";

const ACCOUNT = "FR7630006000011234567890189";
const read = (file: string, layout: CsvStatementLayout = CSV_STATEMENT_DEFAULTS) =>
  parseCsvStatement(file, { layout, accountIban: ACCOUNT });

/** How Crédit Agricole-style exports look: account lines on top, then the header, a footer line at the end. */
const EXPORT = [
  "Compte courant n° 12345678901;;;",
  "Solde au 30/04/2026;12 500,00 €;;",
  "",
  "Date;Libellé;Débit euros;Crédit euros",
  "02/04/2026;PRLV SEPA EDF;84,20;",
  '03/04/2026;"VIR SEPA HOTEL BELLEVUE; FA-2026-000001";;1 200,00',
  "03/04/2026;CB CAFE DU COIN;3,50;",
  "03/04/2026;CB CAFE DU COIN;3,50;",
  ";Total des opérations;87,70;1 200,00",
].join("\r\n");

const DEBIT_CREDIT_LAYOUT: CsvStatementLayout = {
  ...CSV_STATEMENT_DEFAULTS,
  columns: { ...CSV_STATEMENT_DEFAULTS.columns, debit: "Débit euros", credit: "Crédit euros" },
};

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineValidationError);
    return (error as EngineValidationError).message;
  }
  throw new Error("not refused");
}

test("a French export: preamble and footer skipped, debits and credits signed, quoted separator kept, identical lines two entries", () => {
  const { statements, entries } = read(EXPORT, DEBIT_CREDIT_LAYOUT);
  expect(entries.map((e) => [e.bookingDate, e.direction, e.amount, e.transactions[0].remittance])).toEqual([
    ["2026-04-02", "debit", "84.20", "PRLV SEPA EDF"],
    ["2026-04-03", "credit", "1200.00", "VIR SEPA HOTEL BELLEVUE; FA-2026-000001"],
    ["2026-04-03", "debit", "3.50", "CB CAFE DU COIN"],
    ["2026-04-03", "debit", "3.50", "CB CAFE DU COIN"],
  ]);
  expect(new Set(entries.map(entryKey)).size).toBe(4);
  expect(entries.every((e) => e.accountIban === ACCOUNT && /^CSV-[0-9a-f]{32}$/.test(e.entryRef))).toBe(true);
  expect(statements).toEqual([{ statementId: "CSV-20260402", accountIban: ACCOUNT, entries: 4, skipped: 1 }]);
});

test("chunks of any size give the same entries; an overlapping export gives the same keys for the days it shares", () => {
  const whole = read(EXPORT, DEBIT_CREDIT_LAYOUT).entries;
  for (const size of [1, 7, 64]) {
    const entries: StatementEntry[] = [];
    const reader = new CsvStatementReader({
      layout: DEBIT_CREDIT_LAYOUT,
      accountIban: ACCOUNT,
      onEntry: (e) => entries.push(e),
    });
    const bytes = Buffer.from(EXPORT, "utf8");
    for (let i = 0; i < bytes.length; i += size) reader.write(bytes.subarray(i, i + size));
    reader.end();
    expect(entries).toEqual(whole);
  }
  // The next export starts on 03/04 (same lines that day) and adds 04/04.
  const next = read(
    [
      "Date;Libellé;Débit euros;Crédit euros",
      ...EXPORT.split("\r\n").slice(5, 8),
      "04/04/2026;CB CAFE DU COIN;3,50;",
    ].join("\n"),
    DEBIT_CREDIT_LAYOUT,
  ).entries;
  const known = new Set(whole.map(entryKey));
  expect(next.map((e) => known.has(entryKey(e)))).toEqual([true, true, true, false]);
});

test("a configured layout: comma, decimal point, ISO dates, one signed amount, the bank's reference and end-to-end id", () => {
  const layout: CsvStatementLayout = {
    separator: ",",
    decimalComma: false,
    dateFormat: "AAAA-MM-JJ",
    columns: {
      bookingDate: "Booking date",
      valueDate: "Value date",
      amount: "Amount",
      label: "Details",
      reference: "Bank ref",
      endToEndId: "E2E",
      counterpartyName: "Counterparty",
      counterpartyIban: "Counterparty IBAN",
    },
  };
  const { entries } = read(
    [
      "Booking date,Value date,Amount,Details,Bank ref,E2E,Counterparty,Counterparty IBAN,Devise",
      "2026-03-31,2026-03-31,-1440.00,Remboursement,BQ-77,ACP-r1-1,Hotel Bellevue,FR14 2004 1010 0505 0001 3M02 606,EUR",
    ].join("\n"),
    layout,
  );
  expect(entries).toEqual([
    {
      accountIban: ACCOUNT,
      statementId: "CSV-20260331",
      entryRef: "BQ-77",
      bookingDate: "2026-03-31",
      valueDate: "2026-03-31",
      amount: "1440.00",
      direction: "debit",
      reversal: false,
      returned: false,
      transactions: [
        {
          amount: "1440.00",
          remittance: "Remboursement",
          endToEndId: "ACP-r1-1",
          counterpartyName: "Hotel Bellevue",
          counterpartyIban: "FR1420041010050500013M02606",
        },
      ],
    },
  ]);
});

test("bad exports are refused in French, naming the line", () => {
  const header = "Date;Libellé;Montant";
  expect(refusal(() => read("a;b\n1;2"))).toContain("en-tête introuvable");
  expect(refusal(() => read(`${header}\n31/02/2026;X;1,00`))).toBe(
    "Relevé CSV, ligne 2 : date « 31/02/2026 » illisible (format attendu JJ/MM/AAAA).",
  );
  expect(refusal(() => read(`${header}\n01/04/2026;X;12.5,0`))).toContain("ligne 2 : montant « 12.5,0 » illisible");
  expect(refusal(() => read(`Date;Libellé;Montant;Devise\n01/04/2026;X;1,00;USD`))).toContain(
    "seuls les relevés en euros",
  );
  expect(refusal(() => read(`Date;Libellé;Débit;Crédit\n01/04/2026;X;1,00;2,00`))).toContain("un débit et un crédit");
  expect(refusal(() => read(`${header}\n`))).toContain("aucune opération");
  expect(refusal(() => read(`${header}\n01/04/2026;"X;1,00`))).toContain("guillemet non refermé");
  expect(refusal(() => read(`${header}\n01/04/2026;${"x".repeat(CSV_MAX_LINE_CHARS)};1,00`))).toContain("trop longue");
  expect(
    refusal(() =>
      parseCsvStatement(`${header}\n01/04/2026;X;1,00`, {
        layout: CSV_STATEMENT_DEFAULTS,
        accountIban: ACCOUNT,
        maxBytes: 10,
      }),
    ),
  ).toContain("taille maximale");
  expect(refusal(() => read(Buffer.from([0x44, 0x61, 0x74, 0x65, 0xe9]) as unknown as string))).toContain("UTF-8");
});

test("cells: French and international amounts, dates that exist", () => {
  expect(["1 234,56", "-1\u202f234,5", "+12,00 €", "0,00"].map((a) => csvAmount(a, true))).toEqual([
    "1234.56",
    "-1234.50",
    "12.00",
    "0.00",
  ]);
  expect(["1,234.56", "-3.5", "1.234,56"].map((a) => csvAmount(a, false))).toEqual(["1234.56", "-3.50", null]);
  expect(["1,234", "12.5,0", "1,234,5", "abc", ""].map((a) => csvAmount(a, true))).toEqual([
    null,
    null,
    null,
    null,
    null,
  ]);
  expect(csvAmount("1.234.567,8", true)).toBe("1234567.80");
  expect([
    csvDate("29/02/2028", "JJ/MM/AAAA"),
    csvDate("29/02/2026", "JJ/MM/AAAA"),
    csvDate("03/04/26", "JJ/MM/AA"),
  ]).toEqual(["2028-02-29", null, "2026-04-03"]);
});
