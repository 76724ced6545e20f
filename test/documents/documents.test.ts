/**
 * #13 « issued once, kept unchanged, sent »: against the Firestore emulator,
 * the project's local Cloud Storage server (driven by the official
 * @google-cloud/storage client) and the local SMTP server. A company that
 * issues documents (settings.documentsEnabled) gets, for each deposit
 * invoice, credit note and final invoice, its Factur-X PDF/A-3 (the EN 16931
 * CII XML embedded as factur-x.xml, read back by poppler's pdfdetach) rendered in
 * the issuing transaction, its SHA-256 sealed in the hash chain, the file
 * uploaded once, downloadable byte-identical, mailed once to the customer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FieldValue, Timestamp } from "@google-cloud/firestore";
import { euros } from "../../functions/src/domain/reminders/french-amount";
import { embeddedFile } from "./pdf-inspection";
import { documentAttachments } from "../../functions/src/application/documents";
import { documentRenderer } from "../../functions/src/application/renderers";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { EVENTS, INVOICES, OUTBOX, SEQUENCES } from "../../functions/src/model/collections";
import type { DocumentDoc } from "../../functions/src/model/document";
import type { OutboxEntry } from "../../functions/src/model/outbox-entry";
import { deliverDueReminders } from "../../functions/src/outbox/deliver";
import { cloudDocumentBucket, documentBucketFromEnv } from "../../functions/src/storage/document-bucket";
import { validateEn16931 } from "../../functions/testing/einvoice/en16931-validation";
import type { SmtpSink } from "../../functions/testing/smtp-server";
import { runTsChild } from "../jobs/support/run-child";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "../workflow/fixtures";
import { ARTIFACTS, FINAL_BODY, IDENTITY, documentsSuite, sha256 } from "./support/documents-suite";

const CUSTOMER = {
  ...DEPOSIT_BODY.customer,
  email: "compta@hotel-bellevue.test",
  address: "4 quai du Rhône\n69002 Lyon",
};
const BODY = { ...DEPOSIT_BODY, customer: CUSTOMER };

const suite = documentsSuite("docstore");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
let api: TestApi;
let sink: SmtpSink;
beforeEach(() => {
  ({ api, sink } = suite);
});

/** The file is a Factur-X PDF whose embedded XML passes the official rules; left for review. */
function keepValid(fileName: string, pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const xml = embeddedFile(pdf);
  const verdict = validateEn16931(xml);
  expect(verdict.schemaErrors).toEqual([]);
  expect(verdict.ruleErrors).toEqual([]);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, fileName), pdf);
  return xml;
}
const documents = suite.documents;

async function document(id: string): Promise<DocumentDoc> {
  const snap = await documents().doc(id).get();
  expect(snap.exists).toBe(true);
  return snap.data() as DocumentDoc;
}

async function recordDeposit(body: unknown = BODY) {
  const res = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body });
  expect(res.status).toBe(201);
  // The deposit's answer does not name its invoice's id: the stored deposit does.
  const stored = await fs.db.doc(`companies/${C}/deposits/${res.body.id}`).get();
  return {
    id: res.body.id as string,
    invoiceId: stored.get("invoiceId") as string,
    invoiceNumber: stored.get("invoiceNumber") as string,
  };
}

async function download(id: string) {
  const res = await fetch(`${api.url}${base}/documents/${id}`, {
    headers: {
      authorization: `Bearer ${(await import("../../functions/testing/local-tokens")).mintLocalToken(SALES)}`,
    },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Requests a full refund of the deposit and approves it to the credit note. */
async function creditNote(depositId: string): Promise<{ refundId: string; creditNoteId: string; number: string }> {
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(depositId) });
  expect(req.status).toBe(201);
  let refund = req.body;
  for (const who of [ACCOUNTING, SALES]) {
    if (refund.status === "approved") break;
    const res = await api.call("POST", `${base}/refunds/${refund.id}/approve`, { as: who });
    expect(res.status).toBe(200);
    refund = res.body;
  }
  expect(refund.creditNote.number).toMatch(/^AV-2026-/);
  return { refundId: refund.id, creditNoteId: refund.creditNote.id, number: refund.creditNote.number };
}

const delivery = (now: Date) => ({
  now: () => now,
  from: "Acompte <documents@acompte.test>",
  concurrency: 1,
  attachments: documentAttachments(documentBucketFromEnv()),
});
const probingTransport = () =>
  smtpTransport({ host: sink.host, port: sink.port, findSent: async (m) => sink.hasMessageId(m.messageId) });

test("the official @google-cloud/storage client works against the local storage server: create once (412 after), read back", async () => {
  const bucket = cloudDocumentBucket({
    bucket: process.env.DOCUMENTS_BUCKET as string,
    apiEndpoint: process.env.DOCUMENTS_STORAGE_ENDPOINT,
  });
  const name = `probe/${Date.now()}/é fichier.bin`;
  const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
  expect(await bucket.createOnce(name, bytes, "application/octet-stream")).toBe(true);
  // The precondition ifGenerationMatch: 0 holds no more: not overwritten.
  expect(await bucket.createOnce(name, Buffer.from("autre"), "application/octet-stream")).toBe(false);
  expect((await bucket.read(name))?.equals(bytes)).toBe(true);
  expect(await bucket.read(`${name}-absent`)).toBeNull();
});

test("a deposit invoice is issued with its file: rendered once, SHA-256 sealed in the chain, stored, downloaded byte-identical", async () => {
  const dep = await recordDeposit();
  const doc = await document(dep.invoiceId);
  const rendered = await documentRenderer.render(doc.source);
  // The record holds the file as the renderer makes it from the sealed content: deterministic.
  expect(doc).toMatchObject({
    kind: "depositInvoice",
    number: dep.invoiceNumber,
    fileName: `${dep.invoiceNumber}.pdf`,
    contentType: "application/pdf",
    sha256: sha256(rendered.bytes),
    size: rendered.bytes.length,
    sourcePath: `companies/${C}/${INVOICES}/${dep.invoiceId}`,
    stored: true,
    sentTo: [CUSTOMER.email],
  });
  // Sealed with the invoice's chained record: the same SHA-256.
  const invoice = (await fs.db.doc(doc.sourcePath).get()).data()!;
  // With the seller as printed: the render source's seller, sealed (a later settings change cannot alter it).
  expect(invoice.document).toEqual({
    sha256: doc.sha256,
    size: doc.size,
    fileName: doc.fileName,
    contentType: "application/pdf",
    seller: doc.source.seller,
  });
  expect(invoice.document.seller).toMatchObject({ siren: IDENTITY.siren, vatNumber: IDENTITY.vatNumber });
  expect(doc).not.toHaveProperty("seller");
  const xml = embeddedFile(rendered.bytes);
  expect(xml).toContain(`<ram:ID>${dep.invoiceNumber}</ram:ID>`);
  expect(xml).toContain("<ram:TypeCode>386</ram:TypeCode>");

  const first = await download(dep.invoiceId);
  expect(first.status).toBe(200);
  expect(first.headers.get("content-type")).toMatch(/^application\/pdf/);
  expect(first.headers.get("content-disposition")).toBe(`attachment; filename="${doc.fileName}"`);
  expect(sha256(first.bytes)).toBe(doc.sha256);
  const again = await download(dep.invoiceId);
  expect(again.bytes.equals(first.bytes)).toBe(true);
  keepValid(doc.fileName, first.bytes);

  // The chain verification re-hashes it and finds nothing wrong.
  const verify = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verify.body.ok).toBe(true);
  expect(verify.body.chains.find((c: { series: string }) => c.series === "documents")).toMatchObject({
    count: 1,
    ok: true,
  });
});

test("a credit note's file is listed with the refund, and a file overwritten behind the API's back is named by the verification", async () => {
  const dep = await recordDeposit();
  const { refundId, creditNoteId, number } = await creditNote(dep.id);
  const listed = await api.call("GET", `${base}/refunds/${refundId}/documents`, { as: REQUESTER });
  expect(listed.status).toBe(200);
  expect(listed.body.documents.map((d: { number: string; kindLabel: string }) => [d.kindLabel, d.number])).toEqual([
    ["Facture d'acompte", dep.invoiceNumber],
    ["Avoir", number],
    // Issued with the credit note (test/documents/refund-statement.test.ts).
    ["Décompte et échéancier de remboursement", expect.stringMatching(/^RB-2026-/)],
  ]);
  const doc = await document(creditNoteId);
  expect(doc.refundId).toBe(refundId);
  const pdf = (await download(creditNoteId)).bytes;
  const xml = keepValid(doc.fileName, pdf);
  expect(xml).toContain("<ram:TypeCode>503</ram:TypeCode>");
  expect(xml).toContain(dep.invoiceNumber); // the deposit invoice it rectifies

  // Overwritten in the bucket directly (the JSON API, no precondition): the application is not asked.
  const endpoint = process.env.DOCUMENTS_STORAGE_ENDPOINT;
  const put = await fetch(
    `${endpoint}/upload/storage/v1/b/${process.env.DOCUMENTS_BUCKET}/o?uploadType=media&name=${encodeURIComponent(doc.objectName)}`,
    {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body: Buffer.concat([pdf, Buffer.from("%altered\n")]),
    },
  );
  expect(put.status).toBe(200);

  const verify = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verify.body.ok).toBe(false);
  const found = verify.body.findings.filter((f: { code: string }) => f.code === "document");
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ series: "documents", number });
  expect(found[0].problem).toContain(number);
  expect(found[0].problem).toContain("modifié dans le stockage");
  // Never served nor mailed as if it were the issued file.
  const refused = await download(creditNoteId);
  expect(refused.status).toBe(409);
  expect(JSON.parse(refused.bytes.toString("utf8")).error.code).toBe("DOCUMENT_ALTERED");
});

test("the customer receives each document once, the file attached, even when the sending job dies after the send", async () => {
  await recordDeposit();
  const entries = await fs.db.collection(OUTBOX).where("companyId", "==", C).where("rule", "==", "document").get();
  expect(entries.size).toBe(1);
  const entry = entries.docs[0].data() as OutboxEntry;
  expect(entry.to).toEqual([CUSTOMER.email]);

  const at = new Date(entry.createdAt.toMillis() + 1000);
  const crashed = await runTsChild(join(__dirname, "support/deliver-documents-and-die.ts"), [
    fs.projectId,
    String(sink.port),
    "1",
    at.toISOString(),
  ]);
  expect(crashed.signal).toBe("SIGKILL");
  expect(await sink.messages()).toHaveLength(1);
  expect((await entries.docs[0].ref.get()).get("status")).toBe("SENDING");

  // The rerun, after the lease: the server is asked, the mail is not sent twice.
  const report = await deliverDueReminders(fs.db, probingTransport(), delivery(new Date(at.getTime() + 3600_000)));
  expect(report.confirmedAfterCrash).toBe(1);
  const mails = await sink.messages();
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  expect(mail.to).toEqual([CUSTOMER.email]);
  expect(mail.subject).toBe("Facture d'acompte FA-2026-000001 – Menuiserie Durand SAS");
  expect(mail.text).toContain(
    `facture d'acompte n° FA-2026-000001 du 15/01/2026, d'un montant de ${euros("4320.00")} TTC, déjà réglée.`,
  );
  expect(mail.attachments).toHaveLength(1);
  const doc = await document((await documents().get()).docs[0].id);
  expect(mail.attachments[0]).toMatchObject({ filename: doc.fileName, contentType: "application/pdf" });
  expect(sha256(mail.attachments[0].content)).toBe(doc.sha256);
});

test("« Renvoyer au client » puts a new outbox entry, recorded as an event, sent once; sending off mails nothing at issue", async () => {
  await fs.db.doc(`companies/${C}`).update({ "settings.sendDocuments": false });
  const dep = await recordDeposit();
  expect((await fs.db.collection(OUTBOX).where("companyId", "==", C).get()).size).toBe(0);
  expect((await document(dep.invoiceId)).sends).toBe(0);

  const key = "resend-once";
  const resend = () => api.call("POST", `${base}/documents/${dep.invoiceId}/resend`, { as: ACCOUNTING, key });
  const res = await resend();
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ number: dep.invoiceNumber, sends: 1, sentTo: [CUSTOMER.email] });
  expect((await resend()).status).toBe(200); // the same click retried: one entry
  const outbox = await fs.db.collection(OUTBOX).where("companyId", "==", C).get();
  expect(outbox.size).toBe(1);
  const events = await fs.db.collection(`companies/${C}/${EVENTS}`).where("type", "==", "document.resent").get();
  expect(events.size).toBe(1);

  const now = new Date((outbox.docs[0].get("createdAt") as Timestamp).toMillis() + 1000);
  await deliverDueReminders(fs.db, probingTransport(), delivery(now));
  await deliverDueReminders(fs.db, probingTransport(), delivery(new Date(now.getTime() + 3600_000)));
  const mails = await sink.messages();
  expect(mails).toHaveLength(1);
  expect(mails[0].subject).toMatch(/^\[Renvoi\] Facture d'acompte FA-2026-000001/);
  expect(mails[0].attachments).toHaveLength(1);
});

test("refusals before any number: a professional customer without an address, a company without its legal identity — French 422, nothing written", async () => {
  const noAddress = await api.call("POST", `${base}/deposits`, {
    as: ACCOUNTING,
    body: { ...BODY, customer: { ...CUSTOMER, address: undefined } },
  });
  expect(noAddress.status).toBe(422);
  expect(noAddress.body.error.code).toBe("DOCUMENT_DATA_MISSING");
  expect(noAddress.body.error.details).toEqual([
    { path: "customer.address", message: expect.stringContaining("Adresse du client") },
  ]);

  await fs.db.doc(`companies/${C}`).update({
    "settings.vatNumber": FieldValue.delete(),
    "settings.address": FieldValue.delete(),
  });
  const noIdentity = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: BODY });
  expect(noIdentity.status).toBe(422);
  expect(noIdentity.body.error.details.map((d: { path: string }) => d.path)).toEqual([
    "settings.address",
    "settings.vatNumber",
  ]);
  expect(noIdentity.body.error.message).toMatch(/^Document impossible à émettre/);
  // No number consumed, nothing recorded.
  expect((await fs.db.collection(`companies/${C}/${SEQUENCES}`).get()).size).toBe(0);
  expect((await fs.db.collection(`companies/${C}/${INVOICES}`).get()).size).toBe(0);
  expect((await documents().get()).size).toBe(0);

  // Once the identity is back, the first number is FA-2026-000001: no gap.
  await fs.db.doc(`companies/${C}`).update({
    "settings.vatNumber": IDENTITY.vatNumber,
    "settings.address": IDENTITY.address,
  });
  expect((await recordDeposit()).invoiceNumber).toBe("FA-2026-000001");
});

test("a final invoice's file deducts the deposit: type 380, the deposit invoice referenced, the amount due in the mail", async () => {
  const dep = await recordDeposit();
  api.setToday("2026-02-20");
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL_BODY });
  expect(inv.status).toBe(201);
  const doc = await document(inv.body.id);
  expect(doc).toMatchObject({ kind: "finalInvoice", number: "FA-2026-000002", stored: true });
  const pdf = (await download(inv.body.id)).bytes;
  expect(sha256(pdf)).toBe(doc.sha256);
  const xml = keepValid(doc.fileName, pdf);
  expect(xml).toContain("<ram:TypeCode>380</ram:TypeCode>");
  expect(xml).toContain(dep.invoiceNumber);
  // 14 400,00 € TTC less the 4 320,00 € deposit (worked example 2 of the final-invoice tests).
  expect(xml).toContain("<ram:DuePayableAmount>10080.00</ram:DuePayableAmount>");

  const entry = (await fs.db.collection(OUTBOX).where("target", "==", inv.body.id).get()).docs[0].data() as OutboxEntry;
  expect(entry.subject).toBe("Facture FA-2026-000002 – Menuiserie Durand SAS");
  expect(entry.text).toContain(`reste à payer après déduction des acomptes : ${euros("10080.00")}`);
});
