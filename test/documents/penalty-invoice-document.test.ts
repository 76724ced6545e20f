/**
 * #13, the documents' last gaps, against the Firestore emulator, the local
 * storage server and the local SMTP server:
 * - the penalty invoice (late-payment penalties L441-10 + €40 indemnity
 *   D441-5, outside VAT) gets its Factur-X PDF in the claim's transaction,
 *   sealed, stored and mailed like the final invoice, its XML passing the
 *   official schema and Schematron (category O: no VAT identifier, BR-O-02);
 * - the credit note seals type 503, the type its XML states; a record sealed
 *   with 381 before still verifies;
 * - the seller as printed is sealed with the file: tampering with the kept
 *   seller is named by the verification, field by field;
 * - a company configured through configure-company issues documents by
 *   default, and without its legal identity gets the French 422 naming the
 *   fields, no number consumed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documentAttachments } from "../../functions/src/application/documents";
import { documentRenderer } from "../../functions/src/application/renderers";
import { euros } from "../../functions/src/domain/reminders/french-amount";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { CREDIT_NOTES, INVOICES, OUTBOX, SEQUENCES } from "../../functions/src/model/collections";
import type { DocumentDoc } from "../../functions/src/model/document";
import { sealedHash } from "../../functions/src/integrity/walk-series";
import { deliverDueReminders } from "../../functions/src/outbox/deliver";
import { documentBucketFromEnv } from "../../functions/src/storage/document-bucket";
import { ciiFacts } from "../../functions/testing/einvoice/cii-facts";
import { validateEn16931 } from "../../functions/testing/einvoice/en16931-validation";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import type { SmtpSink } from "../../functions/testing/smtp-server";
import type { CompanySettings } from "../../functions/src/model/company";
import { runConfigureCompany } from "../../functions/tools/configure-company";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "../workflow/fixtures";
import { ARTIFACTS, IDENTITY, documentsSuite, sha256 } from "./support/documents-suite";
import { embeddedFile, expectRenders, readableText } from "./pdf-inspection";
import { GARAGE, downloadDocument, latePaidInvoice as latePaid } from "./support/late-penalties";

const suite = documentsSuite("docpenalty");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
let api: TestApi;
let sink: SmtpSink;
beforeEach(() => {
  ({ api, sink } = suite);
});

const documents = suite.documents;
/** A professional customer with the address its documents need. */
const BODY = { ...DEPOSIT_BODY, customer: { ...DEPOSIT_BODY.customer, address: "4 quai du Rhône\n69002 Lyon" } };
const download = (id: string) => downloadDocument(api, id);

async function verify() {
  const res = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(res.status).toBe(200);
  return res.body as { ok: boolean; findings: { code: string; number: string; problem: string; field?: string }[] };
}

const latePaidInvoice = (customer?: Record<string, unknown>) => latePaid(api, { customer });

test("the penalty invoice gets its Factur-X file in the claim's transaction: outside VAT (category O), valid, sealed, stored, mailed once", async () => {
  const lateId = await latePaidInvoice();
  const claim = await api.call("POST", `${base}/invoices/${lateId}/penalties`, { as: ACCOUNTING, body: {} });
  expect(claim.status).toBe(201);
  expect(claim.body).toMatchObject({ number: "FA-2026-000001", type: "penalty", gross: "139.86" });

  const doc = (await documents().doc(claim.body.id).get()).data() as DocumentDoc;
  expect(doc).toMatchObject({
    kind: "penaltyInvoice",
    number: "FA-2026-000001",
    date: "2026-03-05",
    fileName: "FA-2026-000001.pdf",
    sourcePath: `companies/${C}/${INVOICES}/${claim.body.id}`,
    stored: true,
    sentTo: [GARAGE.email],
  });
  expect(sha256((await documentRenderer.render(doc.source)).bytes)).toBe(doc.sha256);
  const record = (await fs.db.doc(doc.sourcePath).get()).data()!;
  expect(record.document).toMatchObject({ sha256: doc.sha256, size: doc.size, seller: doc.source.seller });

  const first = await download(claim.body.id);
  expect(first.status).toBe(200);
  expect(sha256(first.bytes)).toBe(doc.sha256);
  expect((await download(claim.body.id)).bytes.equals(first.bytes)).toBe(true);

  // The official rules, zero errors: category O forbids both parties' VAT identifiers (BR-O-02).
  const xml = embeddedFile(first.bytes);
  const verdict = validateEn16931(xml);
  expect(verdict.schemaErrors).toEqual([]);
  expect(verdict.ruleErrors).toEqual([]);
  const facts = await ciiFacts(xml);
  expect(facts).toMatchObject({
    typeCode: "380",
    number: "FA-2026-000001",
    categories: ["O"],
    totals: { net: "139.86", vat: "0.00", gross: "139.86", prepaid: "0.00", due: "139.86" },
    // The late invoice, by number and date.
    preceding: { number: "2026-F-0001", date: "20260101" },
    // CII dates are format 102.
    dueDate: (record.content.dueDate as string).replaceAll("-", ""),
  });
  expect(facts.sellerVatId).toBeUndefined();
  expect(facts.buyerVatId).toBeUndefined();
  // The seller's VAT number is still printed, in its legal mentions (BT-33).
  expect(facts.sellerMentions).toContain(`TVA intracommunautaire ${IDENTITY.vatNumber}`);
  // The amounts are the ledger's: the claim's penalties and indemnity, as sealed and posted.
  expect(facts.vat).toEqual([{ vatRate: "", basis: "139.86", vat: "0.00" }]);
  expect(record.content.penaltyClaim).toMatchObject({ penalties: "99.86", indemnity: "40.00" });
  const notes = facts.notes.map((n) => `${n.subject} ${n.text}`).join("\n");
  expect(notes).toContain(
    "AAI Pénalités de retard et indemnité forfaitaire réclamées sur la facture 2026-F-0001 du 01/01/2026",
  );
  expect(notes).toMatch(/REG Fondement : Code de commerce, art\. L441-10 .* D441-5/);
  expect(notes).toContain("REG TVA : Hors champ de la TVA (CGI art. 256)");

  const text = readableText(first.bytes).replace(/\s+/g, " ");
  // The title wraps beside the seller's block in pdftotext's layout.
  expect(text).toMatch(/Facture de pénalités de .*retard/);
  expect(text).toContain("Facture payée en retard : 2026-F-0001 du 01/01/2026");
  expect(text).toContain("Hors champ de la TVA (CGI art. 256)");
  expect(text).toContain("L441-10");
  expect(text).toContain("D441-5");
  expect(text).toContain(`Net à payer ${euros("139.86").replace(/[\u00a0\u202f]/g, " ")}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, "facture-penalites-retard.pdf"), first.bytes);
  expectRenders(ARTIFACTS, "facture-penalites-retard", first.bytes);

  // Mailed through the outbox, once, with the sealed file.
  const entries = await fs.db.collection(OUTBOX).where("companyId", "==", C).where("rule", "==", "document").get();
  expect(entries.size).toBe(1);
  const delivery = {
    now: () => new Date(Date.now() + 60_000),
    from: "Acompte <documents@acompte.test>",
    concurrency: 1,
    attachments: documentAttachments(documentBucketFromEnv()),
  };
  const transport = () => smtpTransport({ host: sink.host, port: sink.port });
  await deliverDueReminders(fs.db, transport(), delivery);
  await deliverDueReminders(fs.db, transport(), delivery);
  const mails = await sink.messages();
  expect(mails).toHaveLength(1);
  expect(mails[0].to).toEqual([GARAGE.email]);
  expect(mails[0].subject).toBe(`Facture de pénalités de retard FA-2026-000001 – ${IDENTITY.name}`);
  expect(mails[0].text).toContain("sur la facture 2026-F-0001 réglée après son échéance");
  expect(sha256(mails[0].attachments[0].content)).toBe(doc.sha256);

  expect((await verify()).ok).toBe(true);
});

test("a penalty claim whose document cannot be issued is refused before its number: French 422, nothing written", async () => {
  const lateId = await latePaidInvoice({ ...GARAGE, address: undefined });
  const claim = await api.call("POST", `${base}/invoices/${lateId}/penalties`, { as: ACCOUNTING, body: {} });
  expect(claim.status).toBe(422);
  expect(claim.body.error.code).toBe("DOCUMENT_DATA_MISSING");
  expect(claim.body.error.details).toEqual([
    { path: "customer.address", message: expect.stringContaining("Adresse du client") },
  ]);
  expect((await fs.db.doc(`companies/${C}/${SEQUENCES}/invoice-2026`).get()).exists).toBe(false);
  expect((await fs.db.collection(`companies/${C}/${INVOICES}`).where("content.type", "==", "penalty").get()).size).toBe(
    0,
  );
  expect((await documents().get()).size).toBe(0);
});

async function creditNote() {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: BODY });
  expect(dep.status).toBe(201);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep.body.id) });
  expect(req.status).toBe(201);
  let refund = req.body;
  for (const who of [ACCOUNTING, SALES]) {
    if (refund.status === "approved") break;
    refund = (await api.call("POST", `${base}/refunds/${refund.id}/approve`, { as: who })).body;
  }
  return refund.creditNote.id as string;
}

test("the credit note seals type 503, the type its XML states; a credit note sealed with 381 before still verifies", async () => {
  const id = await creditNote();
  const ref = fs.db.doc(`companies/${C}/${CREDIT_NOTES}/${id}`);
  const record = (await ref.get()).data()!;
  expect(record.content.typeCode).toBe("503");
  const xml = embeddedFile((await download(id)).bytes);
  expect((await ciiFacts(xml)).typeCode).toBe(record.content.typeCode);
  expect((await verify()).ok).toBe(true);

  // A record issued before the fix: 381 sealed (its hash computed over it), as the chain holds it.
  const older = { ...record, content: { ...record.content, typeCode: "381" } };
  const hash = sealedHash(record.series, older as Parameters<typeof sealedHash>[1]);
  await ref.update({ "content.typeCode": "381", hash });
  const counter = (await fs.db.collection(`companies/${C}/${SEQUENCES}`).where("lastId", "==", id).get()).docs[0];
  await counter.ref.update({ lastHash: hash });
  const report = await verify();
  expect(report.findings).toEqual([]);
  expect(report.ok).toBe(true);
});

test("the seller as printed is sealed with the file: a kept seller changed afterwards is named by the verification, field by field", async () => {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: BODY });
  expect(dep.status).toBe(201);
  const invoiceId = (await fs.db.doc(`companies/${C}/deposits/${dep.body.id}`).get()).get("invoiceId") as string;
  // The company's settings change later: the issued document and its seal do not.
  await fs.db.doc(`companies/${C}`).update({ "settings.address.line1": "99 avenue Nouvelle" });
  expect((await verify()).ok).toBe(true);
  const sealed = (await fs.db.doc(`companies/${C}/${INVOICES}/${invoiceId}`).get()).get("document.seller");
  expect(sealed.address.line1).toBe(IDENTITY.address!.line1);

  // Someone rewrites the seller kept with the document (what a re-render would print).
  await documents().doc(invoiceId).update({
    "source.seller.address.line1": "99 avenue Nouvelle",
    "source.seller.vatNumber": "FR00000000000",
  });
  const report = await verify();
  expect(report.ok).toBe(false);
  const found = report.findings.filter((f) => f.code === "document");
  expect(found.map((f) => f.field)).toEqual(["source.seller.address", "source.seller.vatNumber"]);
  expect(found[0].problem).toContain("« seller.address » (adresse du vendeur) du document FA-2026-000001");
  expect(found[0].problem).toContain("99 avenue Nouvelle");
  expect(found[1].problem).toContain("numéro de TVA intracommunautaire du vendeur");
  expect(found[1].problem).toContain(`au lieu de « ${IDENTITY.vatNumber} »`);
});

test("configure-company: a new company issues documents by default; without its legal identity its first deposit is a French 422 naming the fields, no number consumed", async () => {
  // Configured anew (the users of the suite kept): the body does not say documentsEnabled.
  await fs.db.doc(`companies/${C}`).delete();
  const { name, siren, vatOnDebits, arrhesVatOnReceipt, accounts, approvalThreshold, paymentTerms } =
    IDENTITY as CompanySettings;
  await runConfigureCompany(fs.db, C, {
    settings: { name, siren, vatOnDebits, arrhesVatOnReceipt, accounts, approvalThreshold, paymentTerms },
  });
  expect((await fs.db.doc(`companies/${C}`).get()).get("settings.documentsEnabled")).toBe(true);

  const res = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: BODY });
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe("DOCUMENT_DATA_MISSING");
  expect(res.body.error.message).toMatch(/^Document impossible à émettre, mentions obligatoires manquantes : /);
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
    "settings.address",
    "settings.vatNumber",
    "settings.legalForm",
  ]);
  expect((await fs.db.collection(`companies/${C}/${SEQUENCES}`).get()).size).toBe(0);
  expect((await fs.db.collection(`companies/${C}/${INVOICES}`).get()).size).toBe(0);
});

/** A payment of 10 100,00 € on an invoice of 10 000,00 €: 100,00 € kept as the customer's credit, then refunded. */
async function approvedCreditRefund() {
  const late = await api.call("POST", `${base}/invoices/external`, {
    as: ACCOUNTING,
    body: {
      number: "2026-F-0002",
      date: "2026-01-10",
      customer: GARAGE,
      orderRef: "ERP-5001",
      lines: [{ vatRate: "20", net: "8333.33", vat: "1666.67" }],
      dueDate: "2026-02-10",
    },
  });
  expect(late.status).toBe(201);
  api.setToday("2026-01-20");
  const pay = await api.call("POST", `${base}/payments`, {
    as: ACCOUNTING,
    body: { customer: GARAGE, date: "2026-01-20", amount: "10100.00", means: "virement", invoiceIds: [late.body.id] },
  });
  expect(pay.status).toBe(201);
  api.setToday("2026-01-22");
  const req = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: {
      customerCreditId: pay.body.customerCreditId,
      scope: { kind: "full" },
      reason: "overpayment",
      schedule: { kind: "single", date: "2026-01-30" },
    },
  });
  expect(req.status).toBe(201);
  // The approver's « Aperçu du décompte », read before approving the same day.
  const previewRes = await fetch(`${api.url}${base}/refunds/${req.body.id}/statement-preview`, {
    headers: { authorization: `Bearer ${mintLocalToken(ACCOUNTING)}` },
  });
  const preview = { status: previewRes.status, bytes: Buffer.from(await previewRes.arrayBuffer()) };
  const approved = await api.call("POST", `${base}/refunds/${req.body.id}/approve`, { as: ACCOUNTING });
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ status: "approved", creditNote: null });
  return { refundId: req.body.id as string, number: req.body.number as string, preview };
}

test("a customer credit's refund gets its statement, sealed on a chained record of its own (DR-…), mailed; tampering is named", async () => {
  const { refundId, number, preview } = await approvedCreditRefund();
  const id = `${refundId}-statement`;
  const doc = (await documents().doc(id).get()).data() as DocumentDoc;
  expect(doc).toMatchObject({
    kind: "refundStatement",
    number,
    date: "2026-01-22",
    fileName: `decompte-${number}.pdf`,
    sourcePath: `companies/${C}/refundStatements/${refundId}`,
    refundId,
    sentTo: [GARAGE.email],
  });
  expect(doc).not.toHaveProperty("sealedAs");
  const record = (await fs.db.doc(doc.sourcePath).get()).data()!;
  expect(record).toMatchObject({
    number: "DR-2026-000001",
    series: "statement-2026",
    seq: 1,
    content: { refundNumber: number, total: "100.00", customer: { name: GARAGE.name } },
    document: { sha256: doc.sha256, fileName: doc.fileName, seller: doc.source.seller },
  });
  expect((await fs.db.collection(`companies/${C}/${CREDIT_NOTES}`).get()).size).toBe(0);

  const pdf = (await download(id)).bytes;
  expect(sha256(pdf)).toBe(doc.sha256);
  // No credit note number to fill in: what the approver previewed is, byte for byte, what the customer received.
  expect(preview.status).toBe(200);
  expect(sha256(preview.bytes)).toBe(doc.sha256);
  const text = readableText(pdf).replace(/\s+/g, " ");
  expect(text).toContain(`Demande n° ${number}`);
  expect(text).toContain("Crédit client du 20/01/2026");
  expect(text).toContain("Somme versée en trop, créditée le 20/01/2026");
  expect(text).toContain("aucun avoir n'est émis");
  expect(text).toContain("30/01/2026");
  expect(text).not.toContain("Facture d'acompte");
  writeFileSync(join(ARTIFACTS, "decompte-credit-client.pdf"), pdf);
  expectRenders(ARTIFACTS, "decompte-credit-client", pdf);

  const listed = await api.call("GET", `${base}/refunds/${refundId}/documents`, { as: REQUESTER });
  expect(listed.body.documents.map((d: { kindLabel: string; number: string }) => [d.kindLabel, d.number])).toEqual([
    ["Décompte et échéancier de remboursement", number],
  ]);
  const entries = await fs.db.collection(OUTBOX).where("companyId", "==", C).where("rule", "==", "document").get();
  expect(entries.docs.map((e) => e.get("subject"))).toEqual([`Décompte de remboursement ${number} – ${IDENTITY.name}`]);

  const clean = await verify();
  expect(clean.ok).toBe(true);

  // The sealed SHA-256 rewritten on the statement's record: its chain breaks, and the file no longer matches it.
  await fs.db.doc(doc.sourcePath).update({ "document.sha256": "0".repeat(64) });
  const report = await verify();
  expect(report.ok).toBe(false);
  expect(report.findings.find((f) => f.code === "content")).toMatchObject({ number: "DR-2026-000001" });
  expect(report.findings.find((f) => f.code === "document")).toMatchObject({ number });
  expect(report.findings.find((f) => f.code === "document")!.problem).toContain(`decompte-${number}.pdf`);
});

test("a customer credit's refund with documents off issues no statement and takes no DR number", async () => {
  await fs.db.doc(`companies/${C}`).update({ "settings.documentsEnabled": false });
  const { preview } = await approvedCreditRefund();
  expect(preview.status).toBe(422);
  expect((await documents().get()).size).toBe(0);
  expect((await fs.db.doc(`companies/${C}/${SEQUENCES}/statement-2026`).get()).exists).toBe(false);
  expect((await verify()).ok).toBe(true);
});
