/**
 * #13 « Aperçu du décompte » on the approvers' card, against the Firestore
 * emulator and the local storage server: while a deposit refund awaits
 * approval, its approvers (and admins) get the refund statement the final
 * approval will issue, rendered by the same builder and renderer, without
 * a number taken, a document written or a file stored. Once approved, the
 * issued statement is the preview with the credit note's number filled in,
 * byte for byte.
 */
import { createHash } from "node:crypto";
import { FieldValue } from "@google-cloud/firestore";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documentRenderer } from "../../functions/src/application/renderers";
import { CREDIT_NOTE_NUMBER_AT_APPROVAL } from "../../functions/src/domain/refunds/refund-statement";
import { euros } from "../../functions/src/domain/reminders/french-amount";
import { DOCUMENTS } from "../../functions/src/model/collections";
import type { CompanySettings } from "../../functions/src/model/company";
import { documentObjectName, type DocumentDoc } from "../../functions/src/model/document";
import { documentBucketFromEnv } from "../../functions/src/storage/document-bucket";
import { statementDocumentId } from "../../functions/src/workflow/approve-refund";
import { MENUISERIE } from "../../functions/dev/demo-data/companies";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { readableText } from "../documents/pdf-inspection";
import { snapshotAll, type TestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C, MIXED_RATES_DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "./fixtures";
import { workflowSuite } from "./suite";

const IDENTITY: Partial<CompanySettings> = { ...MENUISERIE.settings, documentsEnabled: true };
const ARTIFACTS = join(__dirname, "../../test-artifacts/documents");
const suite = workflowSuite("stmtpreview", IDENTITY);
const fs = suite.fs;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
/** The page's words in order: the credit note's number is shorter than the preview's wording, lines wrap elsewhere. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const printed = (amount: string) => euros(amount).replace(/[\u00a0\u202f]/g, " ");

// MIXED_RATES_DEPOSIT_BODY: a B2B acompte of 4 260,00 € TTC at 20 % and 10 %; the seller cancels: the whole deposit
// is credited per rate, its VAT reversed (CGI art. 272), paid back in two instalments (refundBody).
async function pendingRefund() {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: MIXED_RATES_DEPOSIT_BODY });
  expect([dep.status, dep.body.error?.message]).toEqual([201, undefined]);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, {
    as: REQUESTER,
    body: refundBody(dep.body.id),
  });
  expect([req.status, req.body.error?.message]).toEqual([201, undefined]);
  return { id: req.body.id as string, number: req.body.number as string, quote: req.body.quote };
}

async function preview(refundId: string, as: string) {
  const res = await fetch(`${api.url}${base}/refunds/${refundId}/statement-preview`, {
    headers: { authorization: `Bearer ${mintLocalToken(as)}` },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    disposition: res.headers.get("content-disposition"),
    bytes,
    error: res.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(bytes.toString()).error : null,
  };
}

async function approveToTheEnd(refundId: string) {
  let body: { status: string; creditNote?: { number: string } } = { status: "pending" };
  for (const who of [ACCOUNTING, SALES]) {
    if (body.status === "approved" || body.status === "refunded") break;
    const res = await api.call("POST", `${base}/refunds/${refundId}/approve`, { as: who });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    body = res.body;
  }
  expect(body.status).toBe("approved");
  return body.creditNote!.number;
}

test("the approver's preview is the statement the final approval issues, and reading it changes nothing (no number, no document, no file)", async () => {
  const { id, number, quote } = await pendingRefund();
  const before = await snapshotAll(fs.db);

  const seen = await preview(id, ACCOUNTING);
  expect([seen.status, seen.error?.message]).toEqual([200, undefined]);
  expect(seen.contentType).toBe("application/pdf");
  expect(seen.disposition).toContain(`apercu-decompte-${number}.pdf`);
  expect(seen.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // Rendered from the request as it stands: the same preview twice, byte for byte.
  expect((await preview(id, ACCOUNTING)).bytes.equals(seen.bytes)).toBe(true);
  expect((await preview(id, ADMIN)).status).toBe(200);
  expect(await snapshotAll(fs.db)).toEqual(before);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `apercu-decompte-${number}.pdf`), seen.bytes);

  const page = readableText(seen.bytes);
  expect(page).toContain(`Demande n° ${number}`);
  expect(oneLine(page)).toContain(`Avoir : ${CREDIT_NOTE_NUMBER_AT_APPROVAL} du 10/03/2026`);
  expect(page).toContain(printed(quote.total));
  expect(page).toMatch(new RegExp(`n° 1\\s+31/03/2026\\s+${printed(quote.schedule[0].amount)}`));

  const creditNoteNumber = await approveToTheEnd(id);
  const issued = (await fs.db.doc(`companies/${C}/${DOCUMENTS}/${statementDocumentId(id)}`).get()).data() as
    DocumentDoc | undefined;
  expect(issued?.kind).toBe("refundStatement");
  if (issued?.source.kind !== "refundStatement") throw new Error("no statement issued");
  // The file the customer receives: the preview's content with only the credit note's number taken since.
  expect(issued.source.content.creditNote).toEqual({ number: creditNoteNumber, date: "2026-03-10" });
  const stored = await documentBucketFromEnv()!.read(issued.objectName);
  expect(stored && sha256(stored)).toBe(issued.sha256);
  expect(oneLine(readableText(stored!))).toBe(oneLine(page).replace(CREDIT_NOTE_NUMBER_AT_APPROVAL, creditNoteNumber));
  const asPreviewed = await documentRenderer.render({
    ...issued.source,
    content: { ...issued.source.content, creditNote: { number: CREDIT_NOTE_NUMBER_AT_APPROVAL, date: "2026-03-10" } },
  });
  expect(Buffer.from(asPreviewed.bytes).equals(seen.bytes)).toBe(true);
});

test("before the approval no statement file exists; only the request's approvers and admins see the preview; after it, the issued one is the answer", async () => {
  const { id, number } = await pendingRefund();
  const objectName = documentObjectName(C, statementDocumentId(id), `decompte-${number}.pdf`);
  expect(await preview(id, ACCOUNTING)).toMatchObject({ status: 200 });
  expect(await documentBucketFromEnv()!.read(objectName)).toBeNull();

  const before = await snapshotAll(fs.db);
  const requester = await preview(id, REQUESTER);
  expect(requester.status).toBe(403);
  expect(requester.error.message).toMatch(/rôle nécessaire/);
  expect((await preview("inconnue", ACCOUNTING)).status).toBe(404);
  expect(await snapshotAll(fs.db)).toEqual(before);

  await approveToTheEnd(id);
  expect(await documentBucketFromEnv()!.read(objectName)).not.toBeNull();
  const after = await preview(id, ACCOUNTING);
  expect(after.status).toBe(422);
  expect(after.error.message).toBe(
    `La demande ${number} n'attend plus d'approbation : son décompte émis est dans *Suivi* › « Documents ».`,
  );
});

test("refused as the issue would be: the company's legal identity incomplete since the request (address removed) gets a French 422 naming the field, nothing written", async () => {
  const { id } = await pendingRefund();
  await fs.db.doc(`companies/${C}`).update({ "settings.address": FieldValue.delete() });
  const before = await snapshotAll(fs.db);
  const res = await preview(id, ACCOUNTING);
  expect(res.status).toBe(422);
  expect(res.error.code).toBe("DOCUMENT_DATA_MISSING");
  expect(res.error.message).toBe(
    "Document impossible à émettre, mentions obligatoires manquantes : Adresse de la société : à renseigner dans les paramètres de la société avant d'émettre une facture ou un avoir.",
  );
  expect(await snapshotAll(fs.db)).toEqual(before);
});

test("an approver the request does not wait for (a sales approver when only the accounting approval is required) is refused, in French", async () => {
  await fs.db.doc(`companies/${C}`).update({ "settings.approvalThreshold": "100000.00" });
  const { id, number } = await pendingRefund();
  const pending = await api.call("GET", `${base}/refunds/${id}`, { as: ACCOUNTING });
  expect(pending.body.awaiting).toEqual(["accounting_approver"]);
  const before = await snapshotAll(fs.db);
  const sales = await preview(id, SALES);
  expect(sales.status).toBe(403);
  expect(sales.error.message).toBe(
    `Seuls les approbateurs de la demande ${number} et les administrateurs voient l'aperçu de son décompte.`,
  );
  expect((await preview(id, ADMIN)).status).toBe(200);
  expect(await snapshotAll(fs.db)).toEqual(before);
});

test("a company that issues no document files has no statement to preview: a French 422", async () => {
  await fs.db.doc(`companies/${C}`).update({ "settings.documentsEnabled": false });
  const { id } = await pendingRefund();
  const res = await preview(id, ACCOUNTING);
  expect([res.status, res.error.code]).toEqual([422, "INVALID_STATE"]);
  expect(res.error.message).toBe(
    "Votre société n'émet pas ses documents en fichiers : aucun décompte ne sera envoyé au client.",
  );
});
