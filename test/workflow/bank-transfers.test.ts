/**
 * « Préparer les virements » (issue #15, docs/bank.md): the approved
 * refunds' instalments with a beneficiary IBAN go out in a SEPA
 * pain.001.001.09 file, each instalment in one file only, the file stored
 * and downloaded byte-identical. The file is validated by xmllint against
 * the ISO 20022 schema and left in test-artifacts/bank/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { endToEndId } from "../../functions/src/domain/bank/sepa-text";
import { maskIban } from "../../functions/src/domain/bank/iban";
import { sumMoney, money, formatMoney } from "../../functions/src/domain/money/money";
import { parseBody } from "../../functions/src/application/parse-body";
import { companySettingsSchema } from "../../functions/src/workflow/bodies/company-body";
import { BANK_ENTRIES, COMPANIES, JOURNAL_ENTRIES, TRANSFER_FILES } from "../../functions/src/model/collections";
import type { InstalmentDoc } from "../../functions/src/model/refund";
import { instalmentRow } from "../../functions/src/sheets/sync/row-mappers";
import { validateAgainstSchema } from "../../functions/testing/bank/xmllint";
import { camtStatement, type FakeEntry } from "../../functions/testing/bank/camt-statement";
import { DEFAULT_SETTINGS, snapshotAll, type TestApi } from "../support/workflow-api";
import { wordingProblems } from "../support/french-wording";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";
import {
  bankKit,
  base,
  statementFile,
  COMPANY_BIC,
  COMPANY_IBAN,
  CONSUMER,
  CONSUMER_IBAN,
  HOTEL_BIC,
  HOTEL_IBAN,
} from "./bank-support";

const suite = workflowSuite("wfbank", { approvalThreshold: "4000.00", bankIban: COMPANY_IBAN, bankBic: COMPANY_BIC });
const fs = suite.fs;
let api: TestApi;
const ARTIFACTS = join(__dirname, "../../test-artifacts/bank");
beforeEach(() => (api = suite.api));
const { approvedRefunds, prepare, importStatement, refusedUnchanged, storedInstalment, countOf } = bankKit(suite);

const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, "g"))].map((m) => m[1]);

async function storedFiles() {
  return (await fs.db.collection(COMPANIES).doc(C).collection(TRANSFER_FILES).get()).docs;
}

test("two refunds with IBANs: the file validates against pain.001.001.09, adds up, is stored once, downloads byte-identical; no instalment goes in two files", async () => {
  const [hotel, consumer, cheque] = await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN, bic: HOTEL_BIC } },
    { orderRef: "CMD-2026-018", customer: CONSUMER, bank: { iban: CONSUMER_IBAN } },
    // Paid another way (no IBAN): never in a file.
    { orderRef: "CMD-2026-019", customer: { ...CONSUMER, name: "Paul Martin" }, bank: {} },
  ]);
  expect(hotel.bankAccount).toEqual({ iban: maskIban(HOTEL_IBAN), bic: "PSSTFRPPPAR" });
  expect(hotel.bankAccount.iban).toBe("FR14 **** **** **** **** ***2 606");
  expect(consumer.bankAccount).toEqual({ iban: "DE89 **** **** **** **30 00", bic: null });
  expect(cheque.bankAccount).toBeUndefined();
  // The stored request keeps the electronic form, not the typed one.
  const stored = (await fs.db.doc(`${COMPANIES}/${C}/refunds/${hotel.id}`).get()).data();
  expect(stored?.bankAccount).toEqual({ iban: "FR1420041010050500013M02606", bic: "PSSTFRPPPAR" });

  api.setToday("2026-03-25");
  const key = "prepare-march";
  const first = await prepare({ executionDate: "2026-03-31" }, { key });
  expect([first.status, first.body.error?.message]).toEqual([201, undefined]);
  const firstInstalments = [hotel, consumer].map((r) => ({ refund: r, instalment: r.schedule[0] }));
  const expectedSum = formatMoney(sumMoney(firstInstalments.map((f) => money(f.instalment.amount))));
  expect(first.body).toEqual(
    expect.objectContaining({
      number: "VIR-2026-000001",
      fileName: "VIR-2026-000001.xml",
      executionDate: "2026-03-31",
      upTo: "2026-03-31",
      count: 2,
      controlSum: expectedSum,
      debtorIban: maskIban(COMPANY_IBAN),
      remaining: 0,
    }),
  );
  expect(
    first.body.instalments.map((i: { refundId: string; n: number; iban: string }) => [i.refundId, i.n, i.iban]),
  ).toEqual(
    expect.arrayContaining([
      [hotel.id, 1, maskIban(HOTEL_IBAN)],
      [consumer.id, 1, maskIban(CONSUMER_IBAN)],
    ]),
  );

  // The same key again: the first answer, and still one file.
  const retried = await prepare({ executionDate: "2026-03-31" }, { key });
  expect(retried).toEqual(first);
  expect((await storedFiles()).length).toBe(1);

  const download = () => api.call("GET", `${base}/bank/transfers/${first.body.id}`, { as: ADMIN });
  const [a, b] = [await download(), await download()];
  expect(a.status).toBe(200);
  expect(a.headers.get("content-type")).toBe("application/xml; charset=utf-8");
  expect(a.headers.get("content-disposition")).toContain('filename="VIR-2026-000001.xml"');
  const xml = a.body as string;
  expect(b.body).toBe(xml);
  expect((await storedFiles())[0].data().xml).toBe(xml);

  const verdict = validateAgainstSchema(xml, "pain.001.001.09.xsd");
  expect(verdict.output).toContain("validates");
  expect(verdict.ok).toBe(true);
  const amounts = all(xml, "InstdAmt");
  const [headerCount, ...blockCounts] = all(xml, "NbOfTxs").map(Number);
  const [headerSum, ...blockSums] = all(xml, "CtrlSum");
  expect(amounts).toHaveLength(2);
  expect(headerCount).toBe(amounts.length);
  expect(blockCounts.reduce((t, n) => t + n, 0)).toBe(headerCount);
  expect(headerSum).toBe(formatMoney(sumMoney(amounts.map(money))));
  expect(formatMoney(sumMoney(blockSums.map(money)))).toBe(headerSum);
  expect(headerSum).toBe(expectedSum);
  expect(all(xml, "MsgId")).toEqual(["VIR-2026-000001"]);
  expect(xml).toContain("<ReqdExctnDt><Dt>2026-03-31</Dt></ReqdExctnDt>");
  expect(all(xml, "EndToEndId").sort()).toEqual([`${hotel.id}-1`, `${consumer.id}-1`].map(endToEndId).sort());
  expect(all(xml, "Ustrd").sort()).toEqual(
    firstInstalments.map((f) => `Remboursement ${f.refund.creditNote.number} echeance 1/2`).sort(),
  );
  expect(all(xml, "IBAN")).toEqual(
    expect.arrayContaining([COMPANY_IBAN, "FR1420041010050500013M02606", "DE89370400440532013000"]),
  );
  expect(xml).toContain("<Nm>Helene Lefevre-OEstrup</Nm>");
  expect(xml).not.toContain("Paul Martin");
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, "transfer-file-VIR-2026-000001.xml"), xml);

  // « Virement émis »: each instalment of the file carries it.
  const hotelAfter = (await api.call("GET", `${base}/refunds/${hotel.id}`, { as: ACCOUNTING })).body;
  expect(hotelAfter.schedule.map((i: { transferFileId?: string }) => i.transferFileId)).toEqual([
    first.body.id,
    undefined,
  ]);

  // The Échéancier sheet shows it: « Virement émis » until it is paid.
  const issued = await fs.db.doc(`${COMPANIES}/${C}/refunds/${hotel.id}/instalments/1`).get();
  const stillDue = await fs.db.doc(`${COMPANIES}/${C}/refunds/${hotel.id}/instalments/2`).get();
  const statusCell = (doc: typeof issued) => instalmentRow(doc.data() as InstalmentDoc).cells[6];
  expect([statusCell(issued), statusCell(stillDue)]).toEqual([
    { t: "text", v: "Virement émis" },
    { t: "text", v: "À payer" },
  ]);

  // Later, up to the second due date: only the instalments not in a file yet.
  api.setToday("2026-04-27");
  const second = await prepare({ executionDate: "2026-04-30", upTo: "2026-04-30" });
  expect([second.status, second.body.error?.message]).toEqual([201, undefined]);
  expect(second.body.number).toBe("VIR-2026-000002");
  expect(second.body.instalments.map((i: { n: number }) => i.n)).toEqual([2, 2]);
  const files = (await storedFiles()).map((d) => d.data());
  const everyId = files.flatMap((f) => f.instalments.map((i: { endToEndId: string }) => i.endToEndId));
  expect(new Set(everyId).size).toBe(everyId.length);
  expect(everyId).toHaveLength(4);
  expect(validateAgainstSchema(files.find((f) => f.number === "VIR-2026-000002")!.xml, "pain.001.001.09.xsd").ok).toBe(
    true,
  );

  // Again: nothing left, a French 422 and nothing recorded.
  const error = await refusedUnchanged(() => prepare({ executionDate: "2026-04-30", upTo: "2026-12-31" }), 422);
  expect(error.code).toBe("BANK_NOTHING_TO_TRANSFER");
  expect(error.message).toContain("31/12/2026");
});

test("bad input gets a French 4xx and changes nothing: invalid IBAN or BIC, BIC alone, bad or past dates, no company IBAN", async () => {
  api.setToday("2026-01-15");
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  api.setToday("2026-03-10");
  const request = (bank: object) => () =>
    api.call("POST", `${base}/refunds`, { as: REQUESTER, body: { ...refundBody(dep.body.id), ...bank } });

  const badKey = await refusedUnchanged(request({ iban: "FR76 3000 6000 0112 3456 7890 188" }), 400);
  expect(badKey.details).toEqual([
    { path: "iban", message: "IBAN : clé de contrôle incorrecte : vérifiez les caractères saisis." },
  ]);
  const outsideSepa = await refusedUnchanged(request({ iban: "BR1800360305000010009795493C1" }), 400);
  expect(outsideSepa.details[0].message).toContain("zone SEPA");
  const badBic = await refusedUnchanged(request({ iban: COMPANY_IBAN, bic: "XYZ" }), 400);
  expect(badBic.details[0]).toEqual(
    expect.objectContaining({ path: "bic", message: expect.stringMatching(/^BIC : /) }),
  );
  const bicAlone = await refusedUnchanged(request({ bic: COMPANY_BIC }), 400);
  expect(bicAlone.details[0].path).toBe("bic");

  const badDate = await refusedUnchanged(() => prepare({ executionDate: "2026-02-30" }), 400);
  expect(badDate.details[0].path).toBe("executionDate");
  const past = await refusedUnchanged(() => prepare({ executionDate: "2026-03-09" }), 400);
  expect(past.details[0].message).toContain("09/03/2026");
  const unknown = await refusedUnchanged(() => prepare({ executionDate: "2026-03-31", iban: COMPANY_IBAN }), 400);
  expect(unknown.details[0].path).toBe("iban");
  const badUpTo = await refusedUnchanged(() => prepare({ executionDate: "2026-03-31", upTo: "31/03/2026" }), 400);
  expect(badUpTo.details[0].message).toMatch(/^Date limite des échéances/);

  // No nothing-to-transfer before the company's account: the missing setting is what the treasurer must fix.
  await fs.db.doc(`${COMPANIES}/${C}`).update({ settings: { ...DEFAULT_SETTINGS, approvalThreshold: "4000.00" } });
  const missing = await refusedUnchanged(() => prepare({ executionDate: "2026-03-31" }), 422);
  expect(missing.code).toBe("BANK_ACCOUNT_MISSING");
  expect(missing.message).toContain("IBAN du compte de l'entreprise");
});

test("the company's account setting is validated and stored in electronic form", () => {
  const settings = { ...DEFAULT_SETTINGS, bankIban: "fr76 3000 6000 0112 3456 7890 189", bankBic: "agri fr pp" };
  expect(parseBody(companySettingsSchema, settings)).toEqual(
    expect.objectContaining({ bankIban: COMPANY_IBAN, bankBic: COMPANY_BIC }),
  );
  expect(() => parseBody(companySettingsSchema, { ...settings, bankIban: "FR7630006000011234567890188" })).toThrow(
    expect.objectContaining({
      details: [
        {
          path: "bankIban",
          message: "IBAN du compte de l'entreprise : clé de contrôle incorrecte : vérifiez les caractères saisis.",
        },
      ],
    }),
  );
});

test("only accounting approvers and admins prepare or download transfer files (403 otherwise, nothing changed)", async () => {
  await approvedRefunds([{ orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } }]);
  api.setToday("2026-03-25");
  for (const who of [REQUESTER, SALES]) {
    const error = await refusedUnchanged(() => prepare({ executionDate: "2026-03-31" }, { as: who }), 403);
    expect(error.message).toMatch(/approbateur comptable/i);
  }
  const admin = await prepare({ executionDate: "2026-03-31" }, { as: ADMIN });
  expect(admin.status).toBe(201);
  for (const who of [REQUESTER, SALES])
    expect((await api.call("GET", `${base}/bank/transfers/${admin.body.id}`, { as: who })).status).toBe(403);
  expect((await api.call("GET", `${base}/bank/transfers/no-such-file`, { as: ACCOUNTING })).status).toBe(404);
});

test("two preparations at once (different keys): one file, the other finds nothing left; no instalment twice", async () => {
  await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
    { orderRef: "CMD-2026-018", customer: CONSUMER, bank: { iban: CONSUMER_IBAN } },
  ]);
  api.setToday("2026-03-25");
  const answers = await Promise.all([
    prepare({ executionDate: "2026-04-30" }),
    prepare({ executionDate: "2026-04-30" }, { as: ADMIN }),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
  const files = (await storedFiles()).map((d) => d.data());
  expect(files).toHaveLength(1);
  expect(files[0].count).toBe(4);
  expect(new Set(files[0].instalments.map((i: { endToEndId: string }) => i.endToEndId)).size).toBe(4);
});

// Bank statement import (POST …/bank/statements): camt.053 files generated here, validated against the schema.

test("statement import: the outgoing transfers of a prepared file pay their instalments on the booking date, each entry recorded once; the same or an overlapping file adds nothing; a returned transfer not yet debited leaves its file, due again", async () => {
  const [hotel, consumer] = await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
    { orderRef: "CMD-2026-018", customer: CONSUMER, bank: { iban: CONSUMER_IBAN } },
  ]);
  api.setToday("2026-03-25");
  const file = await prepare({ executionDate: "2026-03-31" });
  expect(file.status).toBe(201);
  const sent = (refundId: string) =>
    file.body.instalments.find((i: { refundId: string }) => i.refundId === refundId) as {
      endToEndId: string;
      amount: string;
    };
  expect(sent(hotel.id).endToEndId).toBe(endToEndId(`${hotel.id}-1`));

  api.setToday("2026-04-02");
  const entries: FakeEntry[] = [
    {
      ref: "BQ-0331-001",
      amount: sent(hotel.id).amount,
      direction: "debit",
      bookingDate: "2026-03-31",
      endToEndId: sent(hotel.id).endToEndId,
      counterpartyName: DEPOSIT_BODY.customer.name,
      counterpartyIban: HOTEL_IBAN.replace(/ /g, ""),
    },
    {
      ref: "BQ-0331-002",
      amount: sent(consumer.id).amount,
      direction: "debit",
      bookingDate: "2026-03-31",
      endToEndId: sent(consumer.id).endToEndId,
      counterpartyName: CONSUMER.name,
    },
    // A customer's transfer in citing the deposit invoice, issued paid: nothing open matches it.
    {
      ref: "BQ-0401-001",
      amount: "1200.00",
      direction: "credit",
      bookingDate: "2026-04-01",
      remittance: ["Facture FA-2026-000001"],
      counterpartyName: "Hôtel du Lac",
    },
  ];
  const march = statementFile("REL-2026-03", entries);
  const journalBefore = await countOf(JOURNAL_ENTRIES);
  const first = await importStatement(march, { key: "statement-march" });
  expect([first.status, first.body.error?.message]).toEqual([201, undefined]);
  expect(first.body).toEqual(expect.objectContaining({ read: 3, created: 3, alreadyKnown: 0, paidInstalments: 2 }));
  expect(first.body.statements).toEqual([
    { statementId: "REL-2026-03", accountIban: maskIban(COMPANY_IBAN), entries: 3, skipped: 0 },
  ]);
  const byRef = Object.fromEntries(first.body.entries.map((e: { entryRef: string }) => [e.entryRef, e])) as Record<
    string,
    { status: string; statusLabel: string; explanation: string; paidInstalments: string[] }
  >;
  expect(byRef["BQ-0331-001"]).toEqual(
    expect.objectContaining({ status: "applied", statusLabel: "Rapprochée", paidInstalments: [`${hotel.id}/1`] }),
  );
  expect(byRef["BQ-0331-002"].paidInstalments).toEqual([`${consumer.id}/1`]);
  expect(byRef["BQ-0401-001"]).toEqual(
    expect.objectContaining({ status: "to_reconcile", statusLabel: "À rapprocher" }),
  );
  expect(byRef["BQ-0401-001"].explanation).toContain("aucune pièce ouverte ne correspond");
  for (const e of Object.values(byRef)) expect(wordingProblems(e.explanation)).toEqual([]);

  // Paid on the booking date, through the payment workflow: one D411 / C512 entry each.
  for (const r of [hotel, consumer]) {
    const paid = await storedInstalment(r.id, 1);
    expect([paid.status, paid.paidOn, typeof paid.journalEntryId]).toEqual(["paid", "2026-03-31", "string"]);
    const second = await storedInstalment(r.id, 2);
    expect(second.status).toBe("due");
  }
  expect((await countOf(JOURNAL_ENTRIES)) - journalBefore).toBe(2);
  expect(await countOf(BANK_ENTRIES)).toBe(3);

  // The same key again: the same answer, nothing new.
  const retried = await importStatement(march, { key: "statement-march" });
  expect(retried.body).toEqual(first.body);
  // The same file under another key: every entry already known, nothing paid twice.
  const again = await importStatement(march, { key: "statement-march-again" });
  expect([again.status, again.body.error?.message]).toEqual([201, undefined]);
  expect(again.body).toEqual(expect.objectContaining({ read: 3, created: 0, alreadyKnown: 3, paidInstalments: 0 }));
  expect((await countOf(JOURNAL_ENTRIES)) - journalBefore).toBe(2);
  expect(await countOf(BANK_ENTRIES)).toBe(3);

  // April: the second instalments sent, the hotel's returned by its bank (account closed); the file overlaps March.
  api.setToday("2026-04-25");
  const april = await prepare({ executionDate: "2026-04-30" });
  expect([april.status, april.body.count]).toEqual([201, 2]);
  const returnedId = april.body.instalments.find((i: { refundId: string }) => i.refundId === hotel.id).endToEndId;
  expect(returnedId).toBe(endToEndId(`${hotel.id}-2`));
  api.setToday("2026-05-04");
  const overlapping = statementFile("REL-2026-04", [
    entries[2],
    {
      ref: "BQ-0504-001",
      amount: hotel.schedule[1].amount,
      direction: "credit",
      bookingDate: "2026-05-04",
      endToEndId: returnedId,
      returnReason: "AC04",
    },
  ]);
  const second = await importStatement(overlapping);
  expect([second.status, second.body.error?.message]).toEqual([201, undefined]);
  expect(second.body).toEqual(expect.objectContaining({ read: 2, created: 1, alreadyKnown: 1, paidInstalments: 0 }));
  const returned = second.body.entries[0];
  expect([returned.entryRef, returned.status, returned.statusLabel]).toEqual([
    "BQ-0504-001",
    "returned",
    "Virement retourné",
  ]);
  expect(returned.explanation).toContain("AC04");
  expect(returned.explanation).toContain("est de nouveau à payer");
  expect(returned.explanation).not.toContain("annulé");
  expect(wordingProblems(returned.explanation)).toEqual([]);
  // Never recorded paid: nothing to offset; out of its file so the next preparation takes it.
  const reopened = await storedInstalment(hotel.id, 2);
  expect([reopened.status, reopened.transferFileId, reopened.transferStatus]).toEqual(["due", undefined, undefined]);
  expect(
    reopened.transferReturns?.map((r) => [r.returnedOn, r.reasonCode, r.transferFileId, r.journalEntryId]),
  ).toEqual([["2026-05-04", "AC04", april.body.id, null]]);
  expect((await countOf(JOURNAL_ENTRIES)) - journalBefore).toBe(2);
  expect(await countOf(BANK_ENTRIES)).toBe(4);
});

test("statement import refuses, in French and recording nothing: malformed XML, a DOCTYPE, another currency, another account, an empty or oversized file", async () => {
  api.setToday("2026-04-02");
  const entry: FakeEntry = { ref: "BQ-1", amount: "10.00", direction: "credit", bookingDate: "2026-04-01" };
  const good = statementFile("REL-X", [entry]);
  const malformed = await refusedUnchanged(() => importStatement(good.replace("</Stmt>", "")), 400);
  expect(malformed.details[0].message).toMatch(/ligne/);
  const doctype = good.replace("<Document", '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Document');
  const entity = await refusedUnchanged(() => importStatement(doctype), 400);
  expect(entity.details[0].message).toContain("DOCTYPE");
  const dollars = await refusedUnchanged(
    () => importStatement(camtStatement({ id: "REL-USD", iban: COMPANY_IBAN, currency: "USD", entries: [entry] })),
    400,
  );
  expect(dollars.details[0].message).toMatch(/euros|EUR/);
  const other = await refusedUnchanged(
    () => importStatement(statementFile("REL-Y", [entry], "FR1420041010050500013M02606")),
    400,
  );
  expect(other.details[0].message).toContain("pas du compte de l'entreprise");
  expect(other.details[0].message).toContain(maskIban(COMPANY_IBAN));
  const empty = await refusedUnchanged(() => importStatement(""), 400);
  expect(empty.details).toEqual([{ path: "file", message: "Fichier du relevé : vide : joignez le relevé camt 053." }]);
  const huge = await refusedUnchanged(() => importStatement(good.padEnd(2 * 1024 * 1024, " ")), 413);
  expect(huge.code).toBe("PAYLOAD_TOO_LARGE");
});

test("only accounting approvers and admins import statements (403 otherwise, nothing recorded)", async () => {
  api.setToday("2026-04-02");
  const file = statementFile("REL-R", [
    { ref: "BQ-1", amount: "10.00", direction: "credit", bookingDate: "2026-04-01" },
  ]);
  for (const who of [REQUESTER, SALES]) await refusedUnchanged(() => importStatement(file, { as: who }), 403);
  const admin = await importStatement(file, { as: ADMIN });
  expect([admin.status, admin.body.created]).toEqual([201, 1]);
});

test("the same camt.053.001.02 statement imported twice at once (different keys): each entry recorded once", async () => {
  api.setToday("2026-04-02");
  const entries: FakeEntry[] = [
    { ref: "BQ-A", amount: "10.00", direction: "credit", bookingDate: "2026-04-01" },
    { ref: "BQ-B", amount: "25.50", direction: "debit", bookingDate: "2026-04-01", counterpartyName: "EDF" },
  ];
  const file = camtStatement({ id: "REL-OLD", iban: COMPANY_IBAN, entries }, "001.02");
  const answers = await Promise.all([importStatement(file), importStatement(file, { as: ADMIN })]);
  expect(answers.map((a) => [a.status, a.body.error?.message])).toEqual([
    [201, undefined],
    [201, undefined],
  ]);
  expect(answers.map((a) => a.body.created).sort()).toEqual([0, 2]);
  expect(answers.map((a) => a.body.alreadyKnown).sort()).toEqual([0, 2]);
  const stored = (await fs.db.collection(COMPANIES).doc(C).collection(BANK_ENTRIES).get()).docs.map((d) => d.data());
  expect(stored.map((d) => [d.entry.entryRef, d.entry.amount, d.status]).sort()).toEqual([
    ["BQ-A", "10.00", "to_reconcile"],
    ["BQ-B", "25.50", "to_reconcile"],
  ]);
});

test("one statement pays both instalments of one request (each sees the other paid: the request is refunded); undoing the payment that closed the request is refused", async () => {
  const [hotel] = await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
  ]);
  api.setToday("2026-03-25");
  const march = await prepare({ executionDate: "2026-03-31" });
  api.setToday("2026-04-25");
  const april = await prepare({ executionDate: "2026-04-30" });
  expect([march.body.count, april.body.count]).toEqual([1, 1]);
  const debit = (ref: string, line: { amount: string; endToEndId: string }, bookingDate: string): FakeEntry => ({
    ref,
    amount: line.amount,
    direction: "debit",
    bookingDate,
    endToEndId: line.endToEndId,
  });
  api.setToday("2026-05-04");
  const journalBefore = await countOf(JOURNAL_ENTRIES);
  const imported = await importStatement(
    statementFile("REL-2026-04", [
      debit("BQ-0331-001", march.body.instalments[0], "2026-03-31"),
      debit("BQ-0430-001", april.body.instalments[0], "2026-04-30"),
    ]),
  );
  expect([imported.status, imported.body.error?.message, imported.body.paidInstalments]).toEqual([201, undefined, 2]);
  expect(imported.body.entries.map((e: { status: string }) => e.status)).toEqual(["applied", "applied"]);
  expect([(await storedInstalment(hotel.id, 1)).paidOn, (await storedInstalment(hotel.id, 2)).paidOn]).toEqual([
    "2026-03-31",
    "2026-04-30",
  ]);
  const refundAfter = (await api.call("GET", `${base}/refunds/${hotel.id}`, { as: ACCOUNTING })).body;
  expect(refundAfter.status).toBe("refunded");
  expect((await countOf(JOURNAL_ENTRIES)) - journalBefore).toBe(2);

  // The request is closed by the second payment: undoing it is refused, nothing changed.
  const second = imported.body.entries[1];
  const before = await snapshotAll(fs.db);
  const refused = await api.call("POST", `${base}/bank/entries/${second.id}/unmatch`, {
    as: ACCOUNTING,
    body: { reason: "Débit contesté" },
  });
  expect([refused.status, refused.body.error.code]).toEqual([422, "INVALID_STATE"]);
  expect(wordingProblems(refused.body.error.message)).toEqual([]);
  expect(await snapshotAll(fs.db)).toEqual(before);
});

test("unmatching an instalment paid by a statement makes it due again, with its D411 / C512 reversed and an audit event", async () => {
  const [hotel] = await approvedRefunds([
    { orderRef: "CMD-2026-017", customer: DEPOSIT_BODY.customer, bank: { iban: HOTEL_IBAN } },
  ]);
  api.setToday("2026-03-25");
  const march = await prepare({ executionDate: "2026-03-31" });
  api.setToday("2026-04-02");
  const line = march.body.instalments[0];
  const imported = await importStatement(
    statementFile("REL-2026-03", [
      { ref: "BQ-1", amount: line.amount, direction: "debit", bookingDate: "2026-03-31", endToEndId: line.endToEndId },
    ]),
  );
  const entry = imported.body.entries[0];
  expect(entry.status).toBe("applied");
  const undone = await api.call("POST", `${base}/bank/entries/${entry.id}/unmatch`, {
    as: ACCOUNTING,
    body: { reason: "Débit d'un autre virement" },
  });
  expect([undone.status, undone.body.error?.message, undone.body.status]).toEqual([200, undefined, "unmatched"]);
  const reopened = await storedInstalment(hotel.id, 1);
  expect([reopened.status, reopened.paidOn, reopened.journalEntryId]).toEqual(["due", null, null]);
  const journal = (await fs.db.collection(COMPANIES).doc(C).collection(JOURNAL_ENTRIES).orderBy("seq").get()).docs;
  const last2 = journal
    .slice(-2)
    .map((d) => [
      d.get("content.kind"),
      d
        .get("content.lines")
        .map((l: { account: string; debit: string; credit: string }) => [l.account, l.debit, l.credit]),
    ]);
  expect(last2).toEqual([
    [
      "refund_paid",
      [
        ["411", line.amount, "0.00"],
        ["512", "0.00", line.amount],
      ],
    ],
    [
      "bank_match_reversed",
      [
        ["411", "0.00", line.amount],
        ["512", line.amount, "0.00"],
      ],
    ],
  ]);
  const events = await fs.db
    .collection(COMPANIES)
    .doc(C)
    .collection("events")
    .where("type", "==", "bank_entry.unmatched")
    .get();
  expect(events.docs.map((d) => d.get("reason"))).toEqual(["Débit d'un autre virement"]);
  // Matched again by a person: paid again on the booking date.
  const rematched = await api.call("POST", `${base}/bank/entries/${entry.id}/match`, {
    as: ACCOUNTING,
    body: { allocations: [{ itemKind: "instalment", itemId: `${hotel.id}-1`, amount: line.amount }] },
  });
  expect([rematched.status, rematched.body.error?.message, rematched.body.status]).toEqual([200, undefined, "applied"]);
  expect((await storedInstalment(hotel.id, 1)).paidOn).toBe("2026-03-31");
});
