/**
 * #13 the refund statement (« décompte et échéancier de remboursement »)
 * issued as a document: against the Firestore emulator, the local storage
 * server and the local SMTP server. At the final approval of a deposit
 * refund, in the credit note's transaction, the statement is rendered
 * (PDF/A-3B, number = the request's RB-…), its SHA-256 sealed on the credit
 * note's chained record (field `statement`, covered by the chain hash: the
 * request itself is not chained), listed with the refund, downloadable
 * byte-identical, mailed inside the credit note's mail (one mail, two
 * files, once), tampering named by the verification, never rewritten when
 * the schedule changes later.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documentAttachments } from "../../functions/src/application/documents";
import { documentRenderer } from "../../functions/src/application/renderers";
import { euros } from "../../functions/src/domain/reminders/french-amount";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { CREDIT_NOTES, OUTBOX } from "../../functions/src/model/collections";
import type { DocumentDoc } from "../../functions/src/model/document";
import type { OutboxEntry } from "../../functions/src/model/outbox-entry";
import { deliverDueReminders } from "../../functions/src/outbox/deliver";
import { documentBucketFromEnv } from "../../functions/src/storage/document-bucket";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import type { SmtpSink } from "../../functions/testing/smtp-server";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, MIXED_RATES_DEPOSIT_BODY, REQUESTER, SALES } from "../workflow/fixtures";
import { ARTIFACTS, documentsSuite, sha256 } from "./support/documents-suite";
import { readableText } from "./pdf-inspection";

const suite = documentsSuite("docstmt");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
let api: TestApi;
let sink: SmtpSink;
beforeEach(() => {
  ({ api, sink } = suite);
});

/** An amount as pdftotext reads it (readableText makes the French spaces plain). */
const printed = (amount: string) => euros(amount).replace(/[\u00a0\u202f]/g, " ");
const documents = suite.documents;

async function download(id: string) {
  const res = await fetch(`${api.url}${base}/documents/${id}`, {
    headers: { authorization: `Bearer ${mintLocalToken(SALES)}` },
  });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function statementOf(refundId: string): Promise<{ id: string; doc: DocumentDoc }> {
  const snap = await documents().where("refundId", "==", refundId).where("kind", "==", "refundStatement").get();
  expect(snap.size).toBe(1);
  return { id: snap.docs[0].id, doc: snap.docs[0].data() as DocumentDoc };
}

/** Records the deposit, requests its refund and approves it to the end (accounting, then sales above the threshold). */
async function approvedRefund(depositBody: unknown, refund: Record<string, unknown>) {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: depositBody });
  expect(dep.status).toBe(201);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: { depositId: dep.body.id, scope: { kind: "full" }, ...refund },
  });
  expect(req.status).toBe(201);
  let body = req.body;
  for (const who of [ACCOUNTING, SALES]) {
    if (body.status === "approved" || body.status === "refunded") break;
    const res = await api.call("POST", `${base}/refunds/${body.id}/approve`, { as: who });
    expect(res.status).toBe(200);
    body = res.body;
  }
  expect(body.creditNote.number).toMatch(/^AV-2026-/);
  return { refundId: body.id as string, number: req.body.number as string, body };
}

const delivery = (now: Date) => ({
  now: () => now,
  from: "Acompte <documents@acompte.test>",
  concurrency: 1,
  attachments: documentAttachments(documentBucketFromEnv()),
});
const transport = () =>
  smtpTransport({ host: sink.host, port: sink.port, findSent: async (m) => sink.hasMessageId(m.messageId) });

function keep(fileName: string, pdf: Buffer) {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, fileName), pdf);
}

// B2B acompte at two rates: 30 % of 10 000,00 € HT at 20 % and 2 000,00 € HT at 10 % → 3 000,00 + 600,00 HT,
// 600,00 + 60,00 VAT, 4 260,00 € TTC; the seller cancels, the whole deposit is credited per rate (CGI art. 272,
// the VAT of a deposit refunded is reversed by the credit note) and paid back in two instalments.
const MIXED = MIXED_RATES_DEPOSIT_BODY;

test("issued once at the final approval: listed with the refund, SHA-256 sealed on the credit note's chained record, downloaded byte-identical, the amounts per rate and the dated instalments in French", async () => {
  const { refundId, number, body } = await approvedRefund(MIXED, {
    reason: "seller_cancels",
    schedule: { kind: "equal", count: 2, firstDate: "2026-03-31", intervalMonths: 1 },
  });
  expect(number).toMatch(/^RB-2026-/);
  const { id, doc } = await statementOf(refundId);
  expect(doc).toMatchObject({
    kind: "refundStatement",
    number,
    date: "2026-03-10",
    fileName: `decompte-${number}.pdf`,
    contentType: "application/pdf",
    sourcePath: `companies/${C}/${CREDIT_NOTES}/${body.creditNote.id}`,
    sealedAs: "statement",
    stored: true,
    sentTo: [MIXED.customer.email],
  });
  // Deterministic: the renderer makes the same bytes again from the recorded source.
  expect(sha256((await documentRenderer.render(doc.source)).bytes)).toBe(doc.sha256);
  // Sealed beside the credit note's own file on its chained record (both covered by its hash).
  const creditNote = (await fs.db.doc(doc.sourcePath).get()).data()!;
  expect(creditNote.statement).toEqual({
    sha256: doc.sha256,
    size: doc.size,
    fileName: doc.fileName,
    contentType: "application/pdf",
    seller: doc.source.seller,
  });
  expect(creditNote.document.sha256).not.toBe(doc.sha256);

  const listed = await api.call("GET", `${base}/refunds/${refundId}/documents`, { as: REQUESTER });
  expect(listed.status).toBe(200);
  expect(listed.body.documents.map((d: { kindLabel: string; number: string }) => [d.kindLabel, d.number])).toEqual([
    ["Facture d'acompte", "FA-2026-000001"],
    ["Avoir", body.creditNote.number],
    ["Décompte et échéancier de remboursement", number],
  ]);

  const first = await download(id);
  expect(first.status).toBe(200);
  expect(sha256(first.bytes)).toBe(doc.sha256);
  expect((await download(id)).bytes.equals(first.bytes)).toBe(true);
  keep(doc.fileName.replace(".pdf", "-taux-mixtes.pdf"), first.bytes);

  const page = readableText(first.bytes);
  // The title runs on two lines at the head of the page.
  expect(page).toMatch(/Décompte et échéancier[\s\S]{0,200}de remboursement/);
  expect(page).toContain(`Demande n° ${number}`);
  expect(page).toContain(`Avoir : ${body.creditNote.number} du 10/03/2026`);
  // Credited per rate as the quote sealed it: 3 000,00 + 600,00 at 20 %, 600,00 + 60,00 at 10 %.
  const credited = body.quote.creditNote.lines.filter((l: { net: string }) => Number(l.net) !== 0);
  expect(credited.map((l: { vatRate: string }) => l.vatRate).sort()).toEqual(["10", "20"]);
  for (const l of credited as { net: string; vat: string; gross: string }[])
    expect(page).toMatch(new RegExp(`${printed(l.net)}\\s+${printed(l.vat)}\\s+${printed(l.gross)}`));
  expect(page).toContain(printed("4260.00"));
  // The two instalments, dated in French: 2 130,00 € on 31/03 and 30/04/2026.
  expect(body.quote.schedule.map((i: { amount: string }) => i.amount)).toEqual(["2130.00", "2130.00"]);
  expect(page).toMatch(new RegExp(`n° 1\\s+31/03/2026\\s+${printed("2130.00")}`));
  expect(page).toMatch(new RegExp(`n° 2\\s+30/04/2026\\s+${printed("2130.00")}`));

  const verify = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verify.body.ok).toBe(true);
  expect(verify.body.chains.find((c: { series: string }) => c.series === "documents")).toMatchObject({
    count: 3,
    ok: true,
  });
});

test("doubled arrhes to a consumer: the compensation outside VAT with its legal basis (C. civil 1590, C. consom. L214-1); one mail, credit note and statement attached, sent once", async () => {
  // Arrhes of 20 % on 1 000,00 € HT at 20 %: 360,00 € TTC; the seller withdraws, he pays them back twice
  // (Code civil art. 1590; for a consumer the deposit is arrhes by default, C. consom. L214-1).
  const consumer = { name: "Claire Dupont", kind: "b2c", email: "claire.dupont@example.fr" };
  const { refundId, body } = await approvedRefund(
    {
      ...DEPOSIT_BODY,
      customer: consumer,
      kind: "arrhes",
      order: { lines: [{ vatRate: "20", net: "1000.00" }] },
      deposit: { percent: "30" },
    },
    { reason: "seller_cancels", schedule: { kind: "single", date: "2026-03-20" } },
  );
  expect(body.quote.total).toBe("720.00");
  const { id, doc } = await statementOf(refundId);
  const pdf = (await download(id)).bytes;
  keep(doc.fileName.replace(".pdf", "-arrhes-doublees.pdf"), pdf);
  const page = readableText(pdf);
  expect(page).toContain("Indemnités légales (hors champ de la TVA)");
  expect(page).toContain("Code civil art. 1590");
  expect(page).toContain("L214-1");
  expect(page).toMatch(new RegExp(`n° 1\\s+20/03/2026\\s+${printed("720.00")}`));

  // The approval put one outbox entry for the customer: the credit note's, carrying both files (the other
  // entry is the deposit invoice's, mailed when it was cashed).
  const entries = await fs.db.collection(OUTBOX).where("companyId", "==", C).where("rule", "==", "document").get();
  expect(entries.size).toBe(2);
  expect(entries.docs.filter((d) => d.get("target") === id)).toHaveLength(0);
  const entry = entries.docs.find((d) => d.get("target") === body.creditNote.id)!.data() as OutboxEntry;
  expect(entry.to).toEqual([consumer.email]);
  expect(entry.target).toBe(body.creditNote.id);
  expect(entry.attachments).toEqual([{ documentId: body.creditNote.id }, { documentId: id }]);

  const now = new Date(entry.createdAt.toMillis() + 1000);
  await deliverDueReminders(fs.db, transport(), delivery(now));
  await deliverDueReminders(fs.db, transport(), delivery(new Date(now.getTime() + 3600_000)));
  // To the customer: the deposit invoice when cashed, the credit note with its statement (the others: the approvers).
  const mails = (await sink.messages()).filter((m) => m.to.includes(consumer.email));
  expect(mails).toHaveLength(2);
  const credited = mails.filter((m) => m.subject.startsWith("Avoir"));
  expect(credited).toHaveLength(1);
  const [mail] = credited;
  expect(mail.subject).toBe(`Avoir ${body.creditNote.number} – Menuiserie Durand SAS`);
  expect(mail.text).toContain(`Le décompte et l'échéancier de remboursement sont joints également (${doc.fileName}).`);
  const creditNoteDoc = (await documents().doc(body.creditNote.id).get()).data() as DocumentDoc;
  expect(mail.attachments.map((a) => [a.filename, sha256(a.content)])).toEqual([
    [creditNoteDoc.fileName, creditNoteDoc.sha256],
    [doc.fileName, doc.sha256],
  ]);
});

test("tampering: the stored statement overwritten is named by its RB number and refused; its SHA-256 changed on the credit note breaks the chain", async () => {
  const { refundId, number, body } = await approvedRefund(MIXED, {
    reason: "seller_cancels",
    schedule: { kind: "single", date: "2026-03-31" },
  });
  const { id, doc } = await statementOf(refundId);
  const pdf = (await download(id)).bytes;
  const put = await fetch(
    `${process.env.DOCUMENTS_STORAGE_ENDPOINT}/upload/storage/v1/b/${process.env.DOCUMENTS_BUCKET}/o?uploadType=media&name=${encodeURIComponent(doc.objectName)}`,
    { method: "POST", headers: { "content-type": "application/pdf" }, body: Buffer.concat([pdf, Buffer.from("%x\n")]) },
  );
  expect(put.status).toBe(200);
  const verify = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verify.body.ok).toBe(false);
  const found = verify.body.findings.filter((f: { code: string }) => f.code === "document");
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ series: "documents", number });
  expect(found[0].problem).toContain("modifié dans le stockage");
  expect((await download(id)).status).toBe(409);

  // Rewriting the sealed SHA-256 to match a forged file breaks the credit note's chain hash.
  await fs.db.doc(doc.sourcePath).update({ "statement.sha256": "0".repeat(64) });
  const again = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  const creditNoteFindings = again.body.findings.filter(
    (f: { number: string; code: string }) => f.number === body.creditNote.number,
  );
  expect(creditNoteFindings.length).toBeGreaterThan(0);
  expect(
    again.body.findings.filter((f: { code: string; number: string }) => f.code === "document" && f.number === number),
  ).toHaveLength(1);
});

test("a later supplement (instalment paid late) leaves the issued statement as it was: no new file, same SHA-256", async () => {
  // The late-refund worked example (test/workflow/late-refund-supplement.test.ts): 4 320,00 € + 432,00 € (L241-4),
  // paid on 20/04 instead of 25/03 → a supplement of 1 731,95 €.
  const { refundId } = await approvedRefund(
    { ...DEPOSIT_BODY, customer: { name: "Mme Claire Martin", kind: "b2c", email: "claire.martin@example.fr" } },
    { reason: "non_delivery", terminationDate: "2026-03-01", schedule: { kind: "single", date: "2026-03-25" } },
  );
  const before = await statementOf(refundId);
  api.setToday("2026-04-20");
  const paid = await api.call("POST", `${base}/refunds/${refundId}/instalments/1/pay`, { as: ACCOUNTING });
  expect(paid.status).toBe(200);
  expect(paid.body.totalOwed).toBe("6483.95");
  const after = await statementOf(refundId);
  expect(after).toEqual(before);
  expect(sha256((await download(after.id)).bytes)).toBe(before.doc.sha256);
  expect((await documents().where("refundId", "==", refundId).get()).size).toBe(2);
});

test("arrhes kept outside VAT and forfeited by the consumer: nothing paid back, the credit note at 0 % and its statement still issued, with the legal basis", async () => {
  // arrhesVatOnReceipt off: arrhes are compensation outside VAT (CJUE C-277/05); the customer withdraws, the
  // seller keeps the 360,00 € (Code civil art. 1590): total owed 0,00 €, no instalment.
  await fs.db.doc(`companies/${C}`).update({ "settings.arrhesVatOnReceipt": false });
  const { refundId, number, body } = await approvedRefund(
    {
      ...DEPOSIT_BODY,
      customer: { name: "Claire Dupont", kind: "b2c", email: "claire.dupont@example.fr" },
      kind: "arrhes",
      order: { lines: [{ vatRate: "20", net: "1000.00" }] },
    },
    { reason: "customer_cancels", schedule: { kind: "single", date: "2026-03-20" } },
  );
  expect(body).toMatchObject({ status: "refunded", schedule: [] });
  expect(body.quote.total).toBe("0.00");
  expect(body.quote.creditNote.lines.map((l: { vatRate: string }) => l.vatRate)).toEqual(["0"]);
  const { id, doc } = await statementOf(refundId);
  expect(doc).toMatchObject({ number, sealedAs: "statement" });
  expect((await fs.db.doc(doc.sourcePath).get()).get("statement.sha256")).toBe(doc.sha256);
  const pdf = (await download(id)).bytes;
  expect(sha256(pdf)).toBe(doc.sha256);
  keep(doc.fileName.replace(".pdf", "-arrhes-hors-tva-conservees.pdf"), pdf);
  const page = readableText(pdf);
  expect(page).toContain(`Demande n° ${number}`);
  expect(page).toContain("Code civil art. 1590");
  expect(page).not.toContain("Échéancier de remboursement");
});
