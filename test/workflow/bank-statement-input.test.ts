/**
 * Statements in (issue #15, docs/bank.md): the bank's CSV export, laid out
 * as the company's `statementCsv` setting says, imported through the same
 * route and workflow as camt.053 (recorded once, overlapping exports add
 * nothing, our transfers paid); and bad input — an invalid account IBAN,
 * unreadable CSV, a 50 MB upload — refused in French with nothing recorded.
 */
import { MAX_BODY_BYTES } from "../../functions/src/http/body-limit";
import { BANK_ENTRIES, COMPANIES, JOURNAL_ENTRIES } from "../../functions/src/model/collections";
import { camtStatement } from "../../functions/testing/bank/camt-statement";
import { snapshotAll } from "../support/workflow-api";
import { wordingProblems } from "../support/french-wording";
import { workflowSuite } from "./suite";
import { ACCOUNTING, C, DEPOSIT_BODY } from "./fixtures";
import { bankKit, statementFile, COMPANY_BIC, COMPANY_IBAN, HOTEL_IBAN } from "./bank-support";

const suite = workflowSuite("wfbankin", { approvalThreshold: "4000.00", bankIban: COMPANY_IBAN, bankBic: COMPANY_BIC });
const fs = suite.fs;
const { approvedRefunds, prepare, importStatement, refusedUnchanged, storedInstalment, countOf } = bankKit(suite);

/** A Crédit Agricole-style export (the defaults): account lines, `;`, decimal comma, Débit / Crédit, a footer. */
const april = (lines: string[]) =>
  ["Compte courant n° 12345678901;;;", "Date;Libellé;Débit;Crédit", ...lines, ";Solde au 30/04/2026;;12 500,00"].join(
    "\r\n",
  );
const EDF = "02/04/2026;PRLV SEPA EDF;84,20;";
const HOTEL = '03/04/2026;"VIR SEPA HOTEL BELLEVUE; FA-2026-000001";;1 200,00';
const COFFEE = "03/04/2026;CB CAFE DU COIN;3,50;";

test("a CSV export with the default columns: each line recorded once, an overlapping export adds only its new lines", async () => {
  suite.api.setToday("2026-04-05");
  const first = await importStatement(april([EDF, HOTEL, COFFEE, COFFEE]), { key: "csv-1" });
  expect([first.status, first.body.error?.message]).toEqual([201, undefined]);
  expect(first.body).toEqual(expect.objectContaining({ read: 4, created: 4, alreadyKnown: 0, paidInstalments: 0 }));
  expect(first.body.statements).toEqual([
    { statementId: "CSV-20260402", accountIban: "FR76 **** **** **** **** ***0 189", entries: 4, skipped: 1 },
  ]);
  expect(
    first.body.entries.map((e: { amount: string; direction: string; status: string }) => [
      e.amount,
      e.direction,
      e.status,
    ]),
  ).toEqual([
    ["84.20", "debit", "to_reconcile"],
    ["1200.00", "credit", "to_reconcile"],
    ["3.50", "debit", "to_reconcile"],
    ["3.50", "debit", "to_reconcile"],
  ]);
  const stored = (await fs.db.collection(COMPANIES).doc(C).collection(BANK_ENTRIES).get()).docs.map((d) => d.data());
  expect(stored.find((d) => d.entry.amount === "1200.00")?.entry.transactions[0].remittance).toBe(
    "VIR SEPA HOTEL BELLEVUE; FA-2026-000001",
  );

  // The same export again, then one overlapping it (03/04 again, 04/04 new): only the new line.
  const again = await importStatement(april([EDF, HOTEL, COFFEE, COFFEE]), { key: "csv-2" });
  expect([again.body.created, again.body.alreadyKnown]).toEqual([0, 4]);
  const overlap = await importStatement(
    april([HOTEL, COFFEE, COFFEE, "04/04/2026;CB CAFE DU COIN;3,50;"]),
    {},
    { format: "csv" },
  );
  expect([overlap.status, overlap.body.created, overlap.body.alreadyKnown]).toEqual([201, 1, 3]);
  expect(await countOf(BANK_ENTRIES)).toBe(5);
});

test("a configured CSV layout with the end-to-end id column pays the instalment its debit carries, like camt.053", async () => {
  await fs.db.doc(`${COMPANIES}/${C}`).update({
    "settings.statementCsv": {
      separator: ",",
      decimalComma: false,
      dateFormat: "AAAA-MM-JJ",
      columns: {
        bookingDate: "Booking date",
        amount: "Amount",
        label: "Details",
        reference: "Ref",
        endToEndId: "End to end",
      },
    },
  });
  const [hotel] = await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
  ]);
  suite.api.setToday("2026-03-25");
  const file = await prepare({ executionDate: "2026-03-31" });
  const sent = file.body.instalments[0];
  suite.api.setToday("2026-04-02");
  const journalBefore = await countOf(JOURNAL_ENTRIES);
  const csv = [
    "Booking date,Amount,Details,Ref,End to end",
    `2026-03-31,-${sent.amount},"Virement SEPA, ${sent.creditNoteNumber}",BQ-9001,${sent.endToEndId}`,
  ].join("\n");
  const answer = await importStatement(csv);
  expect([answer.status, answer.body.error?.message]).toEqual([201, undefined]);
  expect(answer.body.entries.map((e: { entryRef: string; status: string }) => [e.entryRef, e.status])).toEqual([
    ["BQ-9001", "applied"],
  ]);
  const paid = await storedInstalment(hotel.id, 1);
  expect([paid.status, paid.paidOn]).toEqual(["paid", "2026-03-31"]);
  expect((await countOf(JOURNAL_ENTRIES)) - journalBefore).toBe(1);
});

test("bad statements are refused in French and record nothing: unreadable CSV, invalid account IBAN, a camt.053 sent as CSV", async () => {
  suite.api.setToday("2026-04-05");
  const badDate = await refusedUnchanged(() => importStatement(april(["31/04/2026;X;1,00;"])), 400);
  expect(badDate.details[0].message).toBe(
    "Relevé CSV, ligne 3 : date « 31/04/2026 » illisible (format attendu JJ/MM/AAAA).",
  );
  const badAmount = await refusedUnchanged(() => importStatement(april(["02/04/2026;X;12,5,0;"])), 400);
  expect(badAmount.details[0].message).toContain("montant « 12,5,0 » illisible");
  const noHeader = await refusedUnchanged(() => importStatement("Quand;Quoi;Combien\n02/04/2026;X;1,00"), 400);
  expect(noHeader.details[0].message).toContain("en-tête introuvable");
  const camtAsCsv = await refusedUnchanged(
    () =>
      importStatement(
        statementFile("REL-1", [{ ref: "BQ-1", amount: "1.00", direction: "credit", bookingDate: "2026-04-01" }]),
        {},
        { format: "csv" },
      ),
    400,
  );
  expect(camtAsCsv.details[0].message).toContain("en-tête introuvable");
  const format = await refusedUnchanged(() => importStatement(april([EDF]), {}, { format: "ofx" }), 400);
  expect(format.details[0].message).toMatch(/^Format du relevé : /);
  // An account IBAN whose key is wrong: the camt reader refuses it before any account comparison.
  const badIban = camtStatement({
    id: "REL-BAD",
    iban: "FR7630006000011234567890188",
    entries: [{ ref: "BQ-1", amount: "1.00", direction: "credit", bookingDate: "2026-04-01" }],
  });
  const iban = await refusedUnchanged(() => importStatement(badIban), 400);
  expect(iban.details[0].message).toMatch(/IBAN/);
  expect(wordingProblems(iban.details[0].message)).toEqual([]);
});

test("a 50 MB statement is refused 413 in French before it is read, whether announced or sent in chunks; nothing recorded", async () => {
  suite.api.setToday("2026-04-05");
  const entry = { ref: "BQ-1", amount: "1.00", direction: "credit" as const, bookingDate: "2026-04-01" };
  const fifty = JSON.stringify({ file: statementFile("REL-BIG", [entry]).padEnd(50 * 1024 * 1024, " ") });
  const expect413 = (answer: { status: number; body: { error: { code: string; message: string } } }) => {
    expect([answer.status, answer.body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    expect(answer.body.error.message).toMatch(/^Requête trop volumineuse \(52\u202f\d{3}\u202f\d{3} octets\) : 1 Mio/);
  };
  const before = await snapshotAll(fs.db);
  const call = (rawBody: string | ReadableStream<Uint8Array>) =>
    suite.api.call("POST", `/v1/companies/${C}/bank/statements`, { as: ACCOUNTING, rawBody });
  expect413(await call(fifty));
  const bytes = new TextEncoder().encode(fifty);
  const chunked = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1024 * 1024) controller.enqueue(bytes.subarray(i, i + 1024 * 1024));
      controller.close();
    },
  });
  expect413(await call(chunked));
  expect(await snapshotAll(fs.db)).toEqual(before);
  expect(MAX_BODY_BYTES).toBeLessThan(fifty.length);
});
