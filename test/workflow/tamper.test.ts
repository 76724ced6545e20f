/**
 * Tampering with the chained documents straight in Firestore, as someone
 * with database access could: each scenario is detected and named in French
 * by the verification route (and the operator tool), with an anchor where
 * the chain alone cannot tell.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { frenchAmount } from "../../functions/src/domain/reminders/french-amount";
import { anchorMail } from "../../functions/src/integrity/anchor-mail";
import { takeAnchor } from "../../functions/src/integrity/take-anchor";
import type { AnchorDoc } from "../../functions/src/model/anchor";
import { chainHash, recordedAt } from "../../functions/src/storage/chain-hash";
import { workflowSuite } from "./suite";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, refundBody } from "./fixtures";

const suite = workflowSuite("wftamper", { approvalThreshold: "100000.00" });
const fs = suite.fs;
const base = `/v1/companies/${C}`;
const company = () => fs.db.collection("companies").doc(C);
type Report = { ok: boolean; findings: { code: string; problem: string; number: string | null; field?: string }[] };

/** Four deposits (FA-1…4, each with its entry) and three of them refunded (AV-1…3, with theirs). */
async function books(): Promise<void> {
  const api = suite.api;
  const deposits: string[] = [];
  for (const order of ["CMD-1", "CMD-2", "CMD-3", "CMD-4"]) {
    const dep = await api.call("POST", `${base}/deposits`, {
      as: ACCOUNTING,
      body: { ...DEPOSIT_BODY, orderRef: order },
    });
    expect(dep.status).toBe(201);
    deposits.push(dep.body.id);
  }
  for (const id of deposits.slice(0, 3)) {
    const req = await api.call("POST", `${base}/refunds`, {
      as: REQUESTER,
      body: refundBody(id, { kind: "single", date: "2026-01-20" }),
    });
    expect((await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING })).status).toBe(200);
  }
}

async function at(collection: string, seq: number) {
  const snap = await company().collection(collection).where("seq", "==", seq).get();
  return snap.docs[0];
}

async function verify(query = ""): Promise<Report> {
  const res = await suite.api.call("GET", `${base}/audit/verify${query}`, { as: ADMIN });
  expect(res.status).toBe(200);
  return res.body;
}

async function verifyWithText(anchorText: string): Promise<Report> {
  const res = await suite.api.call("POST", `${base}/audit/verify`, { as: ADMIN, body: { anchorText } });
  expect(res.status).toBe(200);
  return res.body;
}

const problems = (r: Report) => r.findings.map((f) => f.problem);

/** The day's anchor, and the mail the auditors got with it (what they would hand back). */
async function anchorAndMail(): Promise<{ anchor: AnchorDoc; mail: string }> {
  const anchor = await takeAnchor(fs.db, C, "2026-01-15", new Date("2026-01-15T18:00:00Z"));
  return { anchor, mail: anchorMail(C, "Menuiserie Durand SAS", anchor, ["cac@cabinet.fr"]).text };
}

/** What someone covering their tracks also does: the anchors kept in Firestore go too. */
async function deleteStoredAnchors(): Promise<void> {
  for (const d of (await company().collection("anchors").get()).docs) await d.ref.delete();
}

beforeEach(books);

test("untouched books: nothing to report, also against the day's anchor", async () => {
  const { anchor, mail } = await anchorAndMail();
  expect(anchor.heads.map((h) => h.number)).toEqual([
    "AV-2026-000003",
    "FA-2026-000004",
    expect.stringMatching(/^EC-2026-0000\d\d$/),
  ]);
  expect(anchor.findingsCount).toBe(0);
  const report = await verify();
  expect(report).toMatchObject({
    ok: true,
    findings: [],
    firstBroken: null,
    anchors: [{ date: "2026-01-15", source: "firestore" }],
  });
  expect(await verifyWithText(mail)).toMatchObject({ ok: true, findings: [] });
});

test("1. an edited content is named, and nothing else is blamed", async () => {
  const doc = await at("invoices", 2);
  await doc.ref.update({ "content.total.gross": "9999.00" });
  expect(problems(await verify())).toEqual([
    "Le contenu scellé de FA-2026-000002 a été modifié après émission : son empreinte SHA-256 ne correspond plus (contenu ou horodatage changé)",
  ]);
});

test("2. an edited hash is told apart from an edited content", async () => {
  const doc = await at("invoices", 2);
  await doc.ref.update({ hash: "0".repeat(64) });
  const report = await verify();
  expect(problems(report)).toEqual([
    "L'empreinte enregistrée de FA-2026-000002 a été modifiée : elle ne correspond plus à son contenu scellé, intact, que FA-2026-000003 cite encore",
  ]);
  expect(report.findings[0]).toMatchObject({ code: "hash", number: "FA-2026-000002" });
});

test("3. a document deleted in the middle is named by its number, and by the deposit that cites it", async () => {
  await (await at("invoices", 2)).ref.delete();
  expect(problems(await verify())).toEqual([
    "La facture FA-2026-000002 manque : la chaîne des factures 2026 passe de FA-2026-000001 à FA-2026-000003",
    "La facture d'acompte de l'acompte FA-2026-000002 est introuvable (champ « invoiceId »)",
  ]);
});

test("4. the last credit note deleted and its counter moved back: the anchor names it even with every trace in Firestore gone", async () => {
  const { mail } = await anchorAndMail();
  const last = await at("creditNotes", 3);
  const previous = await at("creditNotes", 2);
  await last.ref.delete();
  const counter = company().collection("sequences").doc("creditNote-2026");
  await counter.update({ last: 2, lastHash: previous.get("hash"), lastId: previous.id });
  const missing = "L'avoir AV-2026-000003 manque alors que l'empreinte du 15/01/2026 le comptait";
  const listed = "L'avoir AV-2026-000003, inscrit sur l'acompte FA-2026-000003, est introuvable";
  // The stored anchor, compared by default, and the deposit the note was issued on.
  expect(problems(await verify())).toEqual([missing, listed]);
  // The anchors in Firestore and the deposit's record of the note erased too: the books agree with themselves…
  await deleteStoredAnchors();
  const deposit = company().collection("deposits").doc(last.get("content.depositId"));
  await deposit.update({ creditNotes: [], status: "open", refundableBalance: "4320.00" });
  expect(await verify()).toMatchObject({ ok: true });
  // …but the auditors' mail, handed back, still names the note.
  expect(problems(await verifyWithText(mail))).toEqual([missing]);
});

test("5. two documents swapped are named at both places", async () => {
  const [second, third] = [await at("invoices", 2), await at("invoices", 3)];
  const swapped = (d: FirebaseFirestore.QueryDocumentSnapshot) => ({
    content: d.get("content"),
    number: d.get("number"),
  });
  const [a, b] = [swapped(second), swapped(third)];
  await second.ref.update(b);
  await third.ref.update(a);
  expect(problems(await verify())).toEqual([
    "FA-2026-000003 occupe la place de FA-2026-000002 dans la chaîne des factures 2026 : documents intervertis ou renumérotés",
    "Le contenu scellé de FA-2026-000002 a été modifié après émission : son empreinte SHA-256 ne correspond plus (contenu ou horodatage changé)",
    "FA-2026-000002 occupe la place de FA-2026-000003 dans la chaîne des factures 2026 : documents intervertis ou renumérotés",
    "Le contenu scellé de FA-2026-000003 a été modifié après émission : son empreinte SHA-256 ne correspond plus (contenu ou horodatage changé)",
  ]);
});

test("6. a chain rewritten with every hash recomputed: the anchor names the rewrite", async () => {
  const { anchor, mail } = await anchorAndMail();
  let prevHash = (await at("creditNotes", 1)).get("hash") as string;
  for (const seq of [2, 3]) {
    const doc = await at("creditNotes", seq);
    const content = { ...doc.get("content"), total: { net: "1.00", vat: "0.20", gross: "1.20" } };
    const material = {
      series: "creditNote-2026",
      seq,
      prevHash,
      recordedAt: recordedAt(doc.get("createdAt")),
      content,
    };
    const hash = chainHash(material);
    await doc.ref.update({ content, hash, prevHash });
    prevHash = hash;
  }
  await company().collection("sequences").doc("creditNote-2026").update({ lastHash: prevHash });
  await deleteStoredAnchors();
  expect(await verify()).toMatchObject({ ok: true });

  const report = await verifyWithText(mail);
  const anchored = anchor.heads.find((h) => h.series === "creditNote-2026")!.hash;
  expect(problems(report)).toEqual([
    `La chaîne des avoirs 2026 a été réécrite depuis l'empreinte du 15/01/2026 : AV-2026-000003 ne porte plus l'empreinte enregistrée ce jour-là (${prevHash.slice(0, 12)}… au lieu de ${anchored.slice(0, 12)}…)`,
  ]);
  expect(report.findings[0]).toMatchObject({ code: "rewritten", anchorDate: "2026-01-15" });
});

test("7. a date stored beside the content differs from it: the field is named", async () => {
  await (await at("creditNotes", 1)).ref.update({ date: "2026-01-16" });
  await (await at("invoices", 3)).ref.update({ issuedOn: "2026-01-01" });
  const report = await verify();
  expect(problems(report)).toEqual([
    "Le champ « date » de AV-2026-000001 diffère du contenu scellé : 16/01/2026 au lieu de 15/01/2026",
    "Le champ « issuedOn » (date d'émission) de FA-2026-000003 diffère du contenu scellé : 01/01/2026 au lieu de 15/01/2026",
  ]);
  expect(report.findings.map((f) => f.field)).toEqual(["date", "issuedOn"]);
});

test("8. the gross the dashboard reads, edited beside the content, is named", async () => {
  await (await at("invoices", 1)).ref.update({ gross: "1.00" });
  expect(problems(await verify())).toEqual([
    `Le champ « gross » (montant TTC) de FA-2026-000001 diffère du contenu scellé : ${frenchAmount("1.00")} au lieu de ${frenchAmount("4320.00")}`,
  ]);
});

test("9. an edited journal entry line is named", async () => {
  const entry = await at("journalEntries", 2);
  const lines = entry.get("content.lines") as { debit: string }[];
  await entry.ref.update({ "content.lines": [{ ...lines[0], debit: "1.00" }, ...lines.slice(1)] });
  expect(problems(await verify())).toEqual([
    "Le contenu scellé de EC-2026-000002 a été modifié après émission : son empreinte SHA-256 ne correspond plus (contenu ou horodatage changé)",
  ]);
});

test("every problem is listed, not only the first, series by series", async () => {
  await (await at("creditNotes", 2)).ref.update({ refundId: "autre" });
  await (await at("invoices", 1)).ref.update({ "content.orderRef": "CMD-X" });
  await (await at("invoices", 4)).ref.update({ remarque: "payée en liquide", createdAt: new Date("2026-01-01") });
  await (await at("journalEntries", 1)).ref.update({ number: "EC-2026-000999" });
  const report = await verify();
  expect(report.ok).toBe(false);
  expect(problems(report)).toEqual([
    "Le champ « refundId » (demande) de AV-2026-000002 diffère du contenu scellé : « autre » au lieu de « " +
      (await at("creditNotes", 2)).get("content.refundId") +
      " »",
    "Le contenu scellé de FA-2026-000001 a été modifié après émission : son empreinte SHA-256 ne correspond plus (contenu ou horodatage changé)",
    "Le champ « remarque » de FA-2026-000004 n'appartient à aucune partie du document (ni contenu scellé, ni copie, ni état) : il a été ajouté après émission",
    "Le contenu scellé de FA-2026-000004 a été modifié après émission : son empreinte SHA-256 ne correspond plus (contenu ou horodatage changé)",
    "Le champ « number » (numéro) de EC-2026-000001 diffère du contenu scellé : « EC-2026-000999 » au lieu de « EC-2026-000001 »",
  ]);
  expect(report).toMatchObject({ firstBroken: { code: "copy", number: "AV-2026-000002" }, findingsTotal: 5 });
});

test("a deposit's copies of its sealed invoice and credit notes, which refunds are computed from, are checked", async () => {
  const deposits = company().collection("deposits");
  const fourth = (await deposits.where("invoiceNumber", "==", "FA-2026-000004").get()).docs[0];
  const first = (await deposits.where("invoiceNumber", "==", "FA-2026-000001").get()).docs[0];
  await fourth.ref.update({
    kind: "arrhes",
    lines: [{ vatRate: "20", net: "9000.00", vat: "1800.00", gross: "10800.00" }],
    refundableBalance: "10800.00",
  });
  const [note] = first.get("creditNotes") as { lines: { net: string }[] }[];
  await first.ref.update({ creditNotes: [{ ...note, lines: [{ ...note.lines[0], net: "1.00" }] }] });
  const report = await verify();
  expect(problems(report)).toEqual([
    "L'avoir AV-2026-000001, tel qu'inscrit sur l'acompte FA-2026-000001, diffère de l'avoir scellé AV-2026-000001",
    "Le champ « kind » (acompte ou arrhes) de l'acompte FA-2026-000004 diffère de sa facture scellée : « arrhes » au lieu de « acompte »",
    "Le champ « lines » (montants par taux) de l'acompte FA-2026-000004 diffère de sa facture scellée",
    `Le solde remboursable de l'acompte FA-2026-000004 (${frenchAmount("10800.00")}) sort des bornes de sa facture scellée (de ${frenchAmount("0.00")} à ${frenchAmount("4320.00")})`,
  ]);
  expect(report.findings.every((f) => f.number !== null)).toBe(true);
});

describe("the mutable state of an invoice", () => {
  /** A final invoice of 1 000,00 € HT at 20 % for `orderRef`, then a payment of `amount` on it: the invoice's id and number. */
  async function invoicedAndPaid(orderRef: string, supplyKind: "goods" | "services", amount: string) {
    const api = suite.api;
    const final = await api.call("POST", `${base}/invoices/final`, {
      as: ACCOUNTING,
      body: { orderRef, customer: DEPOSIT_BODY.customer, supplyKind, lines: [{ vatRate: "20", net: "1000.00" }] },
    });
    expect(final.status).toBe(201);
    const paid = await api.call("POST", `${base}/payments`, {
      as: ACCOUNTING,
      body: {
        customer: DEPOSIT_BODY.customer,
        date: "2026-01-15",
        amount,
        means: "virement",
        invoiceIds: [final.body.id],
      },
    });
    expect(paid.status).toBe(201);
    return { id: final.body.id as string, number: final.body.number as string };
  }

  test("payments change it without any finding; an impossible state is named", async () => {
    const final = await invoicedAndPaid("CMD-9", "goods", "200.00");
    expect(await verify()).toMatchObject({ ok: true });

    const invoice = company().collection("invoices").doc(final.id);
    await invoice.update({ openAmount: "5000.00" });
    expect(problems(await verify())).toEqual([
      `Le reste à payer de FA-2026-000005 (${frenchAmount("5000.00")}) dépasse son montant scellé (${frenchAmount("1200.00")})`,
    ]);
    await invoice.update({ openAmount: "1000.00", paidOn: "2026-01-15" });
    expect(problems(await verify())).toEqual([
      `FA-2026-000005 est marquée payée le 15/01/2026 alors qu'il reste ${frenchAmount("1000.00")} à payer`,
    ]);
  });

  test("a paid services invoice must have made all its VAT chargeable on payment (CGI art. 269-2-c)", async () => {
    const final = await invoicedAndPaid("CMD-10", "services", "1200.00");
    expect(await verify()).toMatchObject({ ok: true });

    const invoice = company().collection("invoices").doc(final.id);
    const vat = (await invoice.get()).get("vatOnPayment");
    expect(vat.transferred).toEqual([{ vatRate: "20", net: "1000.00", vat: "200.00" }]);
    await invoice.update({ "vatOnPayment.transferred": [{ vatRate: "20", net: "500.00", vat: "100.00" }] });
    expect(problems(await verify())).toEqual([
      `La TVA à 20 % de ${final.number} devenue exigible aux encaissements (${frenchAmount("100.00")}) n'atteint pas, la facture étant payée, la TVA qu'elle a rendue due (${frenchAmount("200.00")})`,
    ]);
    await invoice.update({ "vatOnPayment.transferred": [{ vatRate: "20", net: "1500.00", vat: "300.00" }] });
    expect(problems(await verify())).toEqual([
      `La TVA à 20 % de ${final.number} devenue exigible aux encaissements (${frenchAmount("300.00")}) dépasse la TVA qu'elle a rendue due (${frenchAmount("200.00")})`,
    ]);
  });

  test("an imported invoice's copies are checked too", async () => {
    const res = await suite.api.call("POST", `${base}/invoices/external`, {
      as: ACCOUNTING,
      body: {
        number: "F-OLD-17",
        date: "2026-01-10",
        customer: DEPOSIT_BODY.customer,
        total: { net: "100.00", vat: "20.00" },
      },
    });
    expect(res.status).toBe(201);
    await company().collection("invoices").doc(res.body.id).update({ dueDate: "2027-01-01" });
    const report = await verify();
    expect(problems(report)).toEqual([
      expect.stringMatching(
        /^Le champ « dueDate » \(échéance\) de la facture externe F-OLD-17 diffère du contenu scellé : 01\/01\/2027 au lieu de /,
      ),
    ]);
  });
});

describe("giving an anchor", () => {
  test("by values in the body or the query, checked like any input", async () => {
    const { anchor } = await anchorAndMail();
    await deleteStoredAnchors();
    const fourth = await at("invoices", 4);
    await fourth.ref.delete();
    const itsDeposit = await company().collection("deposits").where("invoiceId", "==", fourth.id).get();
    await itsDeposit.docs[0].ref.delete();
    await company()
      .collection("sequences")
      .doc("invoice-2026")
      .update({ last: 3, lastHash: (await at("invoices", 3)).get("hash") });
    const heads = anchor.heads.map((h) => ({ number: h.number, hash: h.hash }));
    const missing = "La facture FA-2026-000004 manque alors que l'empreinte du 15/01/2026 la comptait";

    const body = await suite.api.call("POST", `${base}/audit/verify`, {
      as: ADMIN,
      body: { anchor: { date: "2026-01-15", heads } },
    });
    expect(problems(body.body)).toEqual([missing]);
    expect(body.body.anchors).toEqual([{ date: "2026-01-15", source: "supplied", heads: 3 }]);
    const query = `?anchorDate=2026-01-15&heads=${heads.map((h) => `${h.number}:${h.hash}`).join(",")}`;
    expect(problems(await verify(query))).toEqual([missing]);

    const bad = await suite.api.call("POST", `${base}/audit/verify`, {
      as: ADMIN,
      body: { anchor: { date: "2026-01-15", heads: [{ number: "FA-2026-000004", hash: "xyz" }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      {
        path: "anchor.heads.0.hash",
        message: "Empreinte (ligne 1) : empreinte SHA-256 attendue (64 caractères hexadécimaux).",
      },
    ]);
    const nothing = await suite.api.call("POST", `${base}/audit/verify`, {
      as: ADMIN,
      body: { anchorText: "Bonjour" },
    });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message).toMatch(/^Aucune empreinte trouvée/);
    const halfQuery = await suite.api.call("GET", `${base}/audit/verify?anchorDate=2026-01-15`, { as: ADMIN });
    expect(halfQuery.status).toBe(400);
    const notAdmin = await suite.api.call("POST", `${base}/audit/verify`, { as: ACCOUNTING, body: {} });
    expect(notAdmin.status).toBe(403);
  });

  test("the operator tool reads the auditors' mail from a file and names the finding", async () => {
    const { mail } = await anchorAndMail();
    await deleteStoredAnchors();
    const last = await at("creditNotes", 3);
    await last.ref.delete();
    await company()
      .collection("sequences")
      .doc("creditNote-2026")
      .update({ last: 2, lastHash: (await at("creditNotes", 2)).get("hash") });
    const file = join(mkdtempSync(join(tmpdir(), "acompte-anchor-")), "empreinte.txt");
    writeFileSync(file, mail);
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "functions/tools/verify-chains.ts", C, "--anchor", file],
      {
        env: { ...process.env, GCLOUD_PROJECT: fs.projectId, METADATA_SERVER_DETECTION: "none" },
        encoding: "utf8",
        timeout: 60000,
      },
    );
    expect(run.stdout).toContain(`${C}  comparée à l'empreinte du 2026-01-15 (fournie)`);
    expect(run.stdout).toContain(`${C}  L'avoir AV-2026-000003 manque alors que l'empreinte du 15/01/2026 le comptait`);
    expect(run.status).toBe(1);
  });
});
