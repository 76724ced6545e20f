/**
 * The check every e-invoice test makes: the XML passes the official CII D16B
 * schema and the EN 16931 Schematron with zero errors (warnings allowed), is
 * left in test-artifacts/documents/ for review when named, and its figures
 * are read back for the test to compare with the sealed document's.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ciiFacts, type CiiFacts } from "../../../functions/testing/einvoice/cii-facts";
import { validateEn16931 } from "../../../functions/testing/einvoice/en16931-validation";

export const DOCUMENT_ARTIFACTS = resolve(__dirname, "../../../test-artifacts/documents");

export function expectValidCii(xml: string, keepAs?: string): Promise<CiiFacts> {
  if (keepAs) {
    mkdirSync(DOCUMENT_ARTIFACTS, { recursive: true });
    writeFileSync(join(DOCUMENT_ARTIFACTS, `${keepAs}.xml`), xml);
  }
  const verdict = validateEn16931(xml);
  expect(verdict.schemaErrors).toEqual([]);
  expect(verdict.ruleErrors).toEqual([]);
  return ciiFacts(xml);
}
