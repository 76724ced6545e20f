/**
 * `npm run verify-chains -- [<companyId>…] [--anchor <file>] [--workbook <spreadsheetId>] [--date AAAA-MM-JJ]`
 * (all companies when none given): walks every chain (invoices, credit
 * notes, journal entries), checks the copies beside each sealed content,
 * compares with the latest stored anchor and, when given, with an anchor
 * kept outside Firestore — a file holding the auditors' mail, the log line
 * or the `Intégrité` rows (`--anchor`), or the workbook's `Intégrité` sheet
 * itself (`--workbook`); `--date` picks that day's anchor (default: the
 * latest). Prints every finding in French. Exit code 1 when anything is
 * wrong, 2 on a usage error. Uses FIRESTORE_EMULATOR_HOST when set,
 * otherwise application default credentials; SHEETS_API_URL for a local
 * Sheets server; DOCUMENTS_BUCKET (and DOCUMENTS_STORAGE_ENDPOINT for a local
 * storage server) to hash the issued documents' files again.
 */
import { Firestore } from "@google-cloud/firestore";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { AnchorTextError, parseAnchors, pickAnchor } from "../src/integrity/anchor-text";
import { verifyChains } from "../src/integrity/chain-verifier";
import type { Anchor } from "../src/model/anchor";
import { quoteSheet } from "../src/sheets/layout/a1";
import { workbookOwner } from "../src/sheets/binding/workbook-registry";
import { INTEGRITE } from "../src/sheets/layout/workbook-spec";
import { sheetsApiFromEnv } from "../src/sheets/sheets-api";
import { SheetsGateway } from "../src/sheets/sheets-gateway";
import { COMPANIES } from "../src/model/collections";

function usage(message: string): never {
  console.error(
    `${message}\nUsage : npm run verify-chains -- [<société>…] [--anchor <fichier>] [--workbook <classeur>] [--date AAAA-MM-JJ]`,
  );
  process.exit(2);
}

async function workbookText(spreadsheetId: string): Promise<string> {
  const [rows = []] = await new SheetsGateway(sheetsApiFromEnv()).readValues(spreadsheetId, [
    `${quoteSheet(INTEGRITE.title)}!A:F`,
  ]);
  return rows.map((r) => r.join("\t")).join("\n");
}

async function outsideAnchor(
  db: Firestore,
  companyId: string,
  values: { anchor?: string; workbook?: string; date?: string },
): Promise<Anchor | undefined> {
  if (values.anchor && values.workbook) usage("Donnez l'empreinte par --anchor ou par --workbook, pas les deux.");
  // Another company's rows would make every one of its numbers look missing here.
  if (values.workbook && (await workbookOwner(db, values.workbook)) !== companyId)
    usage(`Le classeur ${values.workbook} n'est pas lié à la société ${companyId}.`);
  const text = values.anchor
    ? readFileSync(values.anchor, "utf8")
    : values.workbook
      ? await workbookText(values.workbook)
      : null;
  if (text === null) return undefined;
  try {
    return pickAnchor(parseAnchors(text), values.date);
  } catch (error) {
    if (error instanceof AnchorTextError) usage(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { anchor: { type: "string" }, workbook: { type: "string" }, date: { type: "string" } },
  });
  if ((values.anchor || values.workbook) && positionals.length !== 1)
    usage("Une empreinte se compare à une seule société : donnez son identifiant.");
  const db = new Firestore();
  const anchor = await outsideAnchor(db, positionals[0], values);
  const ids = positionals.length ? positionals : (await db.collection(COMPANIES).listDocuments()).map((d) => d.id);
  let broken = 0;
  for (const id of ids) {
    const report = await verifyChains(db, id, { anchor });
    for (const a of report.anchors)
      console.log(`${id}  comparée à l'empreinte du ${a.date} (${a.source === "supplied" ? "fournie" : "Firestore"})`);
    for (const c of report.chains)
      console.log(
        `${id}  ${c.label.padEnd(20)} ${String(c.count).padStart(7)} documents  ${c.ok ? "intacte" : "ANOMALIES"}`,
      );
    for (const f of report.findings) console.log(`${id}  ${f.problem}${f.path ? `  [${f.path}]` : ""}`);
    if (report.findingsTotal > report.findings.length)
      console.log(`${id}  … et ${report.findingsTotal - report.findings.length} autres anomalies`);
    if (!report.ok) broken++;
  }
  await db.terminate();
  process.exit(broken ? 1 : 0);
}

void main();
