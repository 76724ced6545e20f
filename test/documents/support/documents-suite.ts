import { createHash } from "node:crypto";
import { join } from "node:path";
import { DOCUMENTS } from "../../../functions/src/model/collections";
import type { CompanySettings } from "../../../functions/src/model/company";
import { MENUISERIE } from "../../../functions/dev/demo-data/companies";
import { startSmtpSink, type SmtpSink } from "../../../functions/testing/smtp-server";
import { C, DEPOSIT_BODY } from "../../workflow/fixtures";
import { workflowSuite } from "../../workflow/suite";

/** The demo's Menuiserie Durand SAS: a complete legal identity (functions/dev/demo-data/companies.ts), documents on. */
export const IDENTITY: Partial<CompanySettings> = { ...MENUISERIE.settings, documentsEnabled: true };
export const ARTIFACTS = join(__dirname, "../../../test-artifacts/documents");

/** The final invoice of DEPOSIT_BODY's order: 12 000,00 € HT at 20 %, 14 400,00 € TTC, less its 4 320,00 € deposit. */
export const FINAL_BODY = {
  orderRef: DEPOSIT_BODY.orderRef,
  supplyKind: "goods",
  lines: [{ vatRate: "20", net: "12000.00", label: "Agencement salle" }],
};

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/**
 * One documents test file: a workflow suite whose company issues its
 * documents (IDENTITY), and a fresh SMTP sink per test for the customer's
 * mails. `suite.api` and `suite.sink` are set before each test.
 */
export function documentsSuite(prefix: string) {
  const workflow = workflowSuite(prefix, IDENTITY);
  const suite = Object.assign(workflow, {
    sink: undefined as unknown as SmtpSink,
    /** companies/C/documents: the issued documents' records. */
    documents: () => workflow.fs.db.collection(`companies/${C}/${DOCUMENTS}`),
  });
  beforeEach(async () => {
    suite.sink = await startSmtpSink();
  });
  afterEach(() => suite.sink.stop());
  return suite;
}
