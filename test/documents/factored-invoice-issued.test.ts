/**
 * A factored final invoice issued end to end (#16 factoring, #13 documents):
 * on the emulator and the local Cloud Storage server, a company configured
 * with its factor and its documents on, a customer record assigned to that
 * factor through the API, the final invoice issued through the API. The
 * file downloaded is the one sealed; its embedded factur-x.xml passes the
 * official EN 16931 schema and Schematron and names the factor as payee
 * with its IBAN and BIC, the subrogation mention as an ACC note; the page
 * prints « Règlement à l'ordre de » the factor and the mention. The PDF and
 * its PNG are left in test-artifacts/documents/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { subrogationMention } from "../../functions/src/domain";
import { customerKey } from "../../functions/src/model/amounts";
import { customerIdOf } from "../../functions/src/model/customer";
import type { DocumentDoc } from "../../functions/src/model/document";
import { mintLocalToken } from "../../functions/testing/local-tokens";
import { runConfigureCompany } from "../../functions/tools/configure-company";
import type { TestApi } from "../support/workflow-api";
import { ACCOUNTING, C, DEPOSIT_BODY, SALES } from "../workflow/fixtures";
import { expectValidCii } from "../domain/einvoice/expect-valid-cii";
import { ARTIFACTS, FINAL_BODY, IDENTITY, documentsSuite, sha256 } from "./support/documents-suite";
import { embeddedFile, expectRenders, readableText } from "./pdf-inspection";

const CUSTOMER = {
  ...DEPOSIT_BODY.customer,
  email: "compta@hotel-bellevue.test",
  address: "4 quai du Rhône\n69002 Lyon",
};
const BODY = { ...DEPOSIT_BODY, customer: CUSTOMER };
const FACTOR = { name: "Rhône Affacturage SA", iban: "FR7630004000031234567890143", bic: "BNPAFRPP" };

const suite = documentsSuite("docfactor");
const fs = suite.fs;
const base = `/v1/companies/${C}`;
let api: TestApi;
beforeEach(async () => {
  api = suite.api;
  // As an admin configures a company: its legal identity, documents on, its factor's contract.
  await runConfigureCompany(fs.db, C, { settings: { ...IDENTITY, factors: [FACTOR] } });
});

async function download(id: string) {
  const res = await fetch(`${api.url}${base}/documents/${id}`, {
    headers: { authorization: `Bearer ${mintLocalToken(SALES)}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

test("a customer assigned to the company's factor: its final invoice's Factur-X names the factor as payee with its IBAN, BIC and the subrogation mention, valid, and prints them", async () => {
  expect((await api.call("POST", `${base}/deposits`, { as: ACCOUNTING, body: BODY })).status).toBe(201);
  const record = customerIdOf(customerKey(CUSTOMER as never));
  const assigned = await api.call("POST", `${base}/customers/${record}`, {
    as: ACCOUNTING,
    body: { factoring: { status: "assigned", factor: "rhône affacturage sa" } },
  });
  expect(assigned.status).toBe(200);
  expect(assigned.body.factoring).toEqual({ status: "assigned", factor: "Rhône Affacturage SA" });

  api.setToday("2026-02-20");
  const inv = await api.call("POST", `${base}/invoices/final`, { as: ACCOUNTING, body: FINAL_BODY });
  expect(inv.status).toBe(201);
  expect(inv.body.content.factoring).toMatchObject({ factor: FACTOR.name, iban: FACTOR.iban, bic: FACTOR.bic });

  const doc = (await suite.documents().doc(inv.body.id).get()).data() as DocumentDoc;
  expect(doc).toMatchObject({ kind: "finalInvoice", number: inv.body.number, stored: true });
  const pdf = await download(inv.body.id);
  expect(sha256(pdf)).toBe(doc.sha256);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, "facture-affacturee-emise.pdf"), pdf);
  expectRenders(ARTIFACTS, "facture-affacturee-emise", pdf);

  const xml = embeddedFile(pdf);
  const facts = await expectValidCii(xml, "facture-affacturee-emise");
  expect(facts).toMatchObject({
    typeCode: "380",
    number: inv.body.number,
    payee: "Rhône Affacturage SA",
    paymentMeansCode: "58",
    iban: FACTOR.iban,
    bic: FACTOR.bic,
  });
  // 14 400,00 € TTC less the 4 320,00 € deposit: what the factor collects.
  expect(facts.totals.due).toBe("10080.00");
  const mention = subrogationMention("Rhône Affacturage SA");
  expect(facts.notes.filter((n) => n.subject === "ACC")).toEqual([{ subject: "ACC", text: mention }]);
  // The company's own account (its settings' bankIban) is not where this invoice is paid.
  expect(xml).not.toContain(IDENTITY.bankIban!);

  const text = readableText(pdf).replace(/\s+/g, " ");
  expect(text).toContain(
    "Règlement à l'ordre de Rhône Affacturage SA – IBAN FR76 3000 4000 0312 3456 7890 143 – BIC BNPAFRPP",
  );
  expect(text).toContain(mention);
});
