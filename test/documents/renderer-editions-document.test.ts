/**
 * Renderer editions against the Firestore emulator and the local storage
 * server (docs/einvoice.md « Renderer editions »): a penalty invoice issued
 * while `factur-x-pdf` (edition 1) was the renderer, whose upload after the
 * commit was lost, is rendered again by edition 1 now that new documents are
 * issued with edition 2: its download hashes to the SHA-256 sealed in the
 * chain, the verification finds nothing wrong. A penalty invoice issued now
 * names `factur-x-pdf-2` and its page leaves out the customer's VAT number,
 * as its XML does (BR-O-02).
 */
import * as renderers from "../../functions/src/application/renderers";
import { facturXPdfEdition1 } from "../../functions/src/application/renderers/factur-x-pdf-renderer";
import type { DocumentDoc } from "../../functions/src/model/document";
import { documentBucketFromEnv } from "../../functions/src/storage/document-bucket";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, ADMIN, C } from "../workflow/fixtures";
import { embeddedFile, readableText } from "./pdf-inspection";
import { documentsSuite, sha256 } from "./support/documents-suite";
import { GARAGE, downloadDocument, latePaidInvoice } from "./support/late-penalties";

const suite = documentsSuite("doceditions");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => {
  ({ api } = suite);
});
afterEach(() => jest.restoreAllMocks());

const download = (id: string) => downloadDocument(api, id);

const documentOf = async (id: string) => (await suite.documents().doc(id).get()).data() as DocumentDoc;

/** The penalty invoice claimed on `lateId`: its id and its document record. */
async function claimPenalties(lateId: string): Promise<DocumentDoc & { id: string }> {
  const claim = await api.call("POST", `${base}/invoices/${lateId}/penalties`, { as: ACCOUNTING, body: {} });
  expect(claim.status).toBe(201);
  return { id: claim.body.id as string, ...(await documentOf(claim.body.id)) };
}

test("a document sealed by edition 1 whose upload was lost is rendered again by edition 1, byte-identical to its seal; a new one names edition 2", async () => {
  const firstLate = await latePaidInvoice(api);
  const secondLate = await latePaidInvoice(api, { number: "2026-F-0002", orderRef: "ERP-5001" });

  // Issued as before editions: edition 1 was the renderer, and the upload after the commit failed.
  const issuedWith = jest.replaceProperty(renderers, "documentRenderer", facturXPdfEdition1);
  const bucket = documentBucketFromEnv()!;
  const upload = jest.spyOn(bucket, "createOnce").mockRejectedValueOnce(new Error("connexion perdue"));
  const old = await claimPenalties(firstLate);
  issuedWith.restore();
  expect(upload).toHaveBeenCalledTimes(1);
  expect(old).toMatchObject({ kind: "penaltyInvoice", renderer: "factur-x-pdf", stored: false });
  const sealed = (await fs.db.doc(old.sourcePath).get()).data()!.document.sha256;
  expect(sealed).toBe(old.sha256);

  // Now: new documents are issued with edition 2, which would lay this one out otherwise.
  expect(renderers.documentRenderer.id).toBe("factur-x-pdf-2");
  expect(sha256((await renderers.documentRenderer.render(old.source)).bytes)).not.toBe(sealed);
  const got = await download(old.id);
  expect(got.status).toBe(200);
  expect(sha256(got.bytes)).toBe(sealed);
  expect((await documentOf(old.id)).stored).toBe(true);
  // Byte-identical to its seal, hence the page as it was: the customer's VAT number and the breakdown row of then.
  const oldPage = readableText(got.bytes);
  expect(oldPage).toContain(`N° TVA intracommunautaire : ${GARAGE.vatNumber}`);
  expect(oldPage).toMatch(/Non soumis \(Non soumis à la/);
  const verified = await api.call("GET", `${base}/audit/verify`, { as: ADMIN });
  expect(verified.status).toBe(200);
  expect(verified.body.ok).toBe(true);

  // Issued now: edition 2, the customer's VAT number nowhere, « Non soumis à la TVA » once.
  const fresh = await claimPenalties(secondLate);
  expect(fresh).toMatchObject({ kind: "penaltyInvoice", renderer: "factur-x-pdf-2", stored: true });
  const freshBytes = (await download(fresh.id)).bytes;
  expect(sha256(freshBytes)).toBe(fresh.sha256);
  const page = readableText(freshBytes);
  expect(page).toContain(GARAGE.name);
  expect(page).not.toContain(GARAGE.vatNumber);
  expect(embeddedFile(freshBytes)).not.toContain(GARAGE.vatNumber);
  expect(page).toMatch(/Non soumis à la TVA\s+139,86 €/);
  expect(page).not.toContain("Non soumis (");
});
