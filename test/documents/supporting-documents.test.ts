/**
 * #13 supporting documents (pièces justificatives): a refund request carries
 * the customer's cancellation letter or proof, a PDF or an image checked by
 * its content, size-limited, stored once in the documents' bucket (the local
 * Cloud Storage server) and listed for the approvers.
 */
import { EVENTS, REFUNDS, SUPPORTING_DOCUMENTS } from "../../functions/src/model/collections";
import { SUPPORTING_FILE_MAX_BYTES } from "../../functions/src/domain/validation/supporting-file";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, REQUESTER, SALES, refundBody } from "../workflow/fixtures";
import { workflowSuite } from "../workflow/suite";

const suite = workflowSuite("docsupport");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(() => (api = suite.api));

/** A minimal but real PDF (header, one empty page, trailer). */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function request(): Promise<string> {
  const dep = await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: DEPOSIT_BODY });
  expect(dep.status).toBe(201);
  api.setToday("2026-03-10");
  const req = await api.call("POST", `${base}/refunds`, { as: REQUESTER, body: refundBody(dep.body.id) });
  expect(req.status).toBe(201);
  return req.body.id;
}

const add = (refundId: string, fileName: string, bytes: Buffer, as = REQUESTER) =>
  api.call("POST", `${base}/refunds/${refundId}/supporting-documents`, {
    as,
    body: { fileName, contentBase64: bytes.toString("base64") },
  });

async function stored(refundId: string) {
  const [docs, events] = await Promise.all([
    fs.db.collection(`companies/${C}/${REFUNDS}/${refundId}/${SUPPORTING_DOCUMENTS}`).get(),
    fs.db.collection(`companies/${C}/${EVENTS}`).where("type", "==", "refund.supporting_document_added").get(),
  ]);
  return { docs: docs.size, events: events.size };
}

test("a PDF letter is added once, listed for the approvers and downloaded as added", async () => {
  const refundId = await request();
  const added = await add(refundId, "lettre-annulation.pdf", PDF);
  expect(added.status).toBe(201);
  expect(added.body).toMatchObject({
    fileName: "lettre-annulation.pdf",
    contentType: "application/pdf",
    size: PDF.length,
  });
  // The same file again (a retried upload): the same document, nothing more stored.
  expect((await add(refundId, "lettre-annulation.pdf", PDF)).body.id).toBe(added.body.id);
  expect(await stored(refundId)).toEqual({ docs: 1, events: 1 });

  const listed = await api.call("GET", `${base}/refunds/${refundId}/supporting-documents`, { as: SALES });
  expect(listed.body.documents).toEqual([added.body]);
  const res = await fetch(`${api.url}${base}/${added.body.download}`, {
    headers: { authorization: `Bearer ${mintLocalToken(SALES)}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/pdf/);
  expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);

  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  expect((await add(refundId, "preuve.png", png)).body.contentType).toBe("image/png");
});

test("refusals: a file that is neither a PDF nor an image whatever its name, an oversized one — French 400, nothing stored", async () => {
  const refundId = await request();
  const exe = await add(refundId, "lettre.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]));
  expect(exe.status).toBe(400);
  expect(exe.body.error.message).toBe(
    "Pièce justificative refusée : le contenu n'est ni un PDF ni une image PNG ou JPEG.",
  );
  expect(exe.body.error.details[0].path).toBe("contentBase64");

  const big = Buffer.concat([PDF, Buffer.alloc(SUPPORTING_FILE_MAX_BYTES + 1 - PDF.length)]);
  const tooBig = await add(refundId, "gros.pdf", big);
  expect(tooBig.status).toBe(400);
  expect(tooBig.body.error.message).toMatch(/trop volumineux/);

  const notBase64 = await api.call("POST", `${base}/refunds/${refundId}/supporting-documents`, {
    as: REQUESTER,
    body: { fileName: "x.pdf", contentBase64: "%%%" },
  });
  expect(notBase64.status).toBe(400);
  expect(await stored(refundId)).toEqual({ docs: 0, events: 0 });
  expect((await add("inconnue", "lettre.pdf", PDF)).status).toBe(404);
});
