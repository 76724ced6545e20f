import { mkdirSync, writeFileSync } from "node:fs";
import { Timestamp } from "@google-cloud/firestore";
import { join } from "node:path";
import { FEC_FIELDS, auxiliaryAccount, checkFecText } from "../../functions/src/domain";
import { customerKey } from "../../functions/src/model/amounts";
import { TestApi } from "../support/workflow-api";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";

const suite = workflowSuite("wffec", { approvalThreshold: "4000.00" });
const fs = suite.fs;
let api: TestApi;
const base = `/v1/companies/${C}`;
const YEAR = { start: "2026-01-01", end: "2026-12-31" };
beforeEach(() => (api = suite.api));

const CONSUMER = { name: "Marie Curie | atelier Paris", kind: "b2c", email: "marie@example.fr" };

/**
 * The seeded year: order 1 (worked example 2) deposit, final invoice and its
 * payment; order 2, a consumer's deposit refunded in two instalments after
 * two approvals.
 */
async function seedYear() {
  await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  const dep2 = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, customer: CONSUMER, orderRef: "CMD-2026-018", supplyKind: "services" },
  });
  expect([dep2.status, dep2.body.error?.message]).toEqual([201, undefined]);
  api.setToday("2026-02-20");
  const inv = await api.call("POST", `${base}/invoices/final`, {
    as: ACCOUNTING,
    body: {
      orderRef: DEPOSIT_BODY.orderRef,
      supplyKind: "goods",
      lines: [{ vatRate: "20", net: "12000.00", label: "Agencement salle" }],
    },
  });
  expect(inv.status).toBe(201);
  api.setToday("2026-03-01");
  const pay = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: {
      customer: DEPOSIT_BODY.customer,
      date: "2026-03-01",
      amount: "10080.00",
      means: "virement",
      invoiceIds: [inv.body.id],
    },
  });
  expect(pay.status).toBe(201);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep2.body.id) });
  expect(req.status).toBe(201);
  for (const who of [ACCOUNTING, SALES])
    expect((await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: who })).status).toBe(200);
  api.setToday("2026-03-31");
  for (const n of [1, 2])
    expect(
      (await api.call("POST", `${base}/refunds/${req.body.id}/instalments/${n}/pay`, { as: ACCOUNTING })).status,
    ).toBe(200);
  return { letter: pay.body.letter as string };
}

function fileName(headers: Headers): string {
  return /filename="([^"]+)"/.exec(headers.get("content-disposition") ?? "")?.[1] ?? "";
}

test("the FEC of the seeded year passes the tax office's checks and is left in test-artifacts/fec/", async () => {
  const { letter } = await seedYear();
  api.setToday("2027-01-10");
  const res = await api.call("GET", `${base}/fec?year=2026`, { as: ADMIN });
  expect(res.status).toBe(200);
  const headers = (res as unknown as { headers: Headers }).headers;
  expect(headers.get("content-type")).toBe("text/plain; charset=utf-8");
  const name = fileName(headers);
  expect(name).toBe("552100554FEC20261231.txt");
  const text = res.body as string;
  mkdirSync("test-artifacts/fec", { recursive: true });
  writeFileSync(join("test-artifacts/fec", name), text);

  expect(checkFecText(text, YEAR)).toEqual([]);
  const lines = text.split("\r\n").slice(0, -1);
  expect(lines[0]).toBe(FEC_FIELDS.join("|"));
  const rows = lines.slice(1).map((l) => l.split("|"));
  expect(rows.every((r) => r.length === 18)).toBe(true);
  const field = (r: string[], f: (typeof FEC_FIELDS)[number]) => r[FEC_FIELDS.indexOf(f)];
  // Each journal numbered 1, 2, 3… in date order.
  const numbers = [...new Set(rows.map((r) => `${field(r, "EcritureNum")} ${field(r, "EcritureDate")}`))];
  expect(numbers).toEqual([
    "BQ-000001 20260115",
    "BQ-000002 20260115",
    "VT-000001 20260220",
    "BQ-000003 20260301",
    "VT-000002 20260310",
    "BQ-000004 20260331",
    "BQ-000005 20260331",
  ]);
  // Customers on the 411 lines only; the invoice and its payment lettered together, dated the payment; the
  // refund's credit note and its two instalments under the request's number, dated the last payment.
  const receivable = rows.filter((r) => field(r, "CompteNum") === "411");
  expect(
    receivable.map((r) =>
      ["EcritureNum", "CompAuxNum", "CompAuxLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate"].map((f) =>
        field(r, f as (typeof FEC_FIELDS)[number]),
      ),
    ),
  ).toEqual([
    ["VT-000001", "C732829320", "Hôtel Bellevue SARL", "10080,00", "0,00", letter, "20260301", "20260220"],
    ["BQ-000003", "C732829320", "Hôtel Bellevue SARL", "0,00", "10080,00", letter, "20260301", "20260301"],
    [
      "VT-000002",
      auxiliaryAccount(customerKey(CONSUMER)),
      "Marie Curie atelier Paris",
      "0,00",
      "4320,00",
      "RB2026000001",
      "20260331",
      "20260310",
    ],
    [
      "BQ-000004",
      auxiliaryAccount(customerKey(CONSUMER)),
      "Marie Curie atelier Paris",
      "2160,00",
      "0,00",
      "RB2026000001",
      "20260331",
      "20260331",
    ],
    [
      "BQ-000005",
      auxiliaryAccount(customerKey(CONSUMER)),
      "Marie Curie atelier Paris",
      "2160,00",
      "0,00",
      "RB2026000001",
      "20260331",
      "20260331",
    ],
  ]);
  expect(rows.filter((r) => field(r, "CompteNum") !== "411").every((r) => field(r, "CompAuxNum") === "")).toBe(true);
  // Every letter groups 411 lines that balance.
  const byLetter = new Map<string, number>();
  for (const r of receivable.filter((r) => field(r, "EcritureLet") !== "")) {
    const cents = (v: string) => Math.round(Number(v.replace(",", ".")) * 100);
    const key = field(r, "EcritureLet");
    byLetter.set(key, (byLetter.get(key) ?? 0) + cents(field(r, "Debit")) - cents(field(r, "Credit")));
  }
  expect([...byLetter.entries()]).toEqual([
    [letter, 0],
    ["RB2026000001", 0],
  ]);

  // A non-calendar fiscal year is asked with from/to: only its entries, numbered from 1.
  const other = await api.call("GET", `${base}/fec?from=2025-07-01&to=2026-01-31`, { as: ACCOUNTING });
  expect(other.status).toBe(200);
  expect(fileName((other as unknown as { headers: Headers }).headers)).toBe("552100554FEC20260131.txt");
  expect(
    (other.body as string)
      .split("\r\n")
      .slice(1, -1)
      .map((l) => l.split("|").slice(2, 5).join(" ")),
  ).toEqual([
    "BQ-000001 20260115 512",
    "BQ-000001 20260115 4191",
    "BQ-000001 20260115 44571",
    "BQ-000002 20260115 512",
    "BQ-000002 20260115 4191",
    "BQ-000002 20260115 44571",
  ]);
});

test("a company closing its fiscal year on 31 January exports the year closing in 2026 by its year, tab-separated when asked", async () => {
  await seedYear();
  // The closing day is a company setting (configure-company); year=2026 is then 01/02/2025 – 31/01/2026.
  await fs.db.doc(`companies/${C}`).update({ "settings.fiscalYearEnd": "01-31" });
  const byDates = await api.call("GET", `${base}/fec?from=2025-02-01&to=2026-01-31`, { as: ACCOUNTING });
  const res = await api.call("GET", `${base}/fec?year=2026&separator=tab`, { as: ACCOUNTING });
  expect(res.status).toBe(200);
  expect(fileName((res as unknown as { headers: Headers }).headers)).toBe("552100554FEC20260131.txt");
  const text = res.body as string;
  expect(text.split("\r\n")[0]).toBe(FEC_FIELDS.join("\t"));
  expect(checkFecText(text, { start: "2025-02-01", end: "2026-01-31" })).toEqual([]);
  // The same lines as the year asked by its dates, only the separator differs; nothing after 31 January.
  expect(text.replaceAll("\t", "|")).toBe(byDates.body);
  expect(text.split("\r\n").slice(1, -1)).toHaveLength(6);
  expect(text).not.toContain("20260220");
});

test("an unbalanced entry in the journal refuses the export with its reason; bad periods and other roles are refused", async () => {
  await seedYear();
  const entries = await fs.db.collection(`companies/${C}/journalEntries`).orderBy("seq").get();
  // Damage the stored journal (as a faulty import or a hand edit would): one line's credit changed.
  const lines = entries.docs[0].get("content.lines");
  lines[1] = { ...lines[1], credit: "3600.10" };
  await entries.docs[0].ref.update({ "content.lines": lines });

  const res = await api.call("GET", `${base}/fec?year=2026`, { as: ACCOUNTING });
  expect(res.status).toBe(422);
  expect(res.body.error).toMatchObject({
    code: "FEC_CHECKS_FAILED",
    message:
      "Le FEC de l'exercice du 01/01/2026 au 31/12/2026 serait refusé par l'outil de test de l'administration : corrigez d'abord l'anomalie suivante.",
    details: [
      { path: "fec", message: "Écriture BQ-000001 (BQ, ligne 2) déséquilibrée : débit 4320,00, crédit 4320,10." },
    ],
  });

  const bad = await api.call("GET", `${base}/fec?year=26`, { as: ADMIN });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toBe("Paramètre « year » : l'année de clôture de l'exercice, une année comme 2026.");
  const separator = await api.call("GET", `${base}/fec?year=2026&separator=%3B`, { as: ADMIN });
  expect(separator.status).toBe(400);
  expect(separator.body.error.message).toBe(
    "Séparateur : doit valoir « pipe » (|, par défaut) ou « tab » (tabulation).",
  );
  expect((await api.call("GET", `${base}/fec`, { as: ADMIN })).status).toBe(400);
  expect((await api.call("GET", `${base}/fec?year=2026`, { as: REQUESTER })).status).toBe(403);
});

test("a journal larger than one chunk streams whole: every entry once, in order, numbered without gaps", async () => {
  const entries = 2500;
  const createdAt = Timestamp.fromDate(new Date("2026-06-01T10:00:00Z"));
  for (let from = 0; from < entries; from += 400) {
    const batch = fs.db.batch();
    for (let i = from + 1; i <= Math.min(entries, from + 400); i++) {
      const date = `2026-${String(1 + (i % 12)).padStart(2, "0")}-15`;
      const content = {
        kind: "deposit_cashed",
        journal: "BQ",
        date,
        pieceRef: `FA-2026-${i}`,
        label: `Acompte ${i}`,
        number: `EC-2026-${i}`,
        source: { kind: "deposit", id: `D${i}` },
        lines: [
          { account: "512", label: "Banque", debit: "4320.00", credit: "0.00" },
          { account: "4191", label: "Acomptes reçus", debit: "0.00", credit: "3600.00" },
          { account: "44571", label: "TVA collectée", debit: "0.00", credit: "720.00" },
        ],
      };
      batch.set(fs.db.doc(`companies/${C}/journalEntries/E${i}`), {
        content,
        createdAt,
        series: "journal-2026",
        seq: i,
        prevHash: "",
        hash: "",
        number: content.number,
        date,
      });
    }
    await batch.commit();
  }
  const res = await api.call("GET", `${base}/fec?year=2026`, { as: ADMIN });
  expect(res.status).toBe(200);
  const text = res.body as string;
  expect(text.length).toBeGreaterThan(3 * 65_536);
  expect(checkFecText(text, YEAR)).toEqual([]);
  const rows = text.split("\r\n").slice(1, -1);
  expect(rows).toHaveLength(3 * entries);
  // By date, then by validation order: January's entries are those with i % 12 === 0, in increasing i.
  const pieces = [...new Set(rows.map((r) => r.split("|")[8]))];
  expect(pieces.slice(0, 3)).toEqual(["FA-2026-12", "FA-2026-24", "FA-2026-36"]);
  expect(new Set(pieces).size).toBe(entries);
  expect(rows.at(-1)?.split("|").slice(0, 4)).toEqual([
    "BQ",
    "Banque",
    `BQ-${String(entries).padStart(6, "0")}`,
    "20261215",
  ]);
});

test("a refund is lettered only once paid in full: with one instalment of two paid, its 411 lines stay unlettered", async () => {
  const dep = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...DEPOSIT_BODY, customer: CONSUMER, orderRef: "CMD-2026-019", supplyKind: "services" },
  });
  expect(dep.status).toBe(201);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep.body.id) });
  for (const who of [ACCOUNTING, SALES])
    expect((await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: who })).status).toBe(200);
  api.setToday("2026-03-31");
  expect((await api.call("POST", `${base}/refunds/${req.body.id}/instalments/1/pay`, { as: ACCOUNTING })).status).toBe(
    200,
  );
  const res = await api.call("GET", `${base}/fec?year=2026`, { as: ACCOUNTING });
  expect(res.status).toBe(200);
  const receivable = (res.body as string)
    .split("\r\n")
    .slice(1, -1)
    .map((l) => l.split("|"))
    .filter((r) => r[FEC_FIELDS.indexOf("CompteNum")] === "411");
  expect(receivable.map((r) => [r[FEC_FIELDS.indexOf("Credit")], r[FEC_FIELDS.indexOf("Debit")]])).toEqual([
    ["4320,00", "0,00"],
    ["0,00", "2160,00"],
  ]);
  expect(receivable.map((r) => r[FEC_FIELDS.indexOf("EcritureLet")] + r[FEC_FIELDS.indexOf("DateLet")])).toEqual([
    "",
    "",
  ]);
});
