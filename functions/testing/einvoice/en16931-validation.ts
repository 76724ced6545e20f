/**
 * The official EN 16931 checks of a CII invoice, for the tests: the UN/CEFACT
 * CII D16B schema (xmllint, Debian `libxml2-utils`) and the EN 16931
 * Schematron compiled to XSLT (run with SaxonJS, the `xslt3` dev dependency),
 * both from third_party/einvoice/. The stylesheet is compiled once to SaxonJS's
 * SEF form in the temp folder (about 15 s), keyed by its hash; nothing is
 * downloaded.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const EINVOICE_ARTEFACTS = resolve(__dirname, "../../../third_party/einvoice");
const CII_SCHEMA = join(EINVOICE_ARTEFACTS, "cii-xsd/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd");
const SCHEMATRON = join(EINVOICE_ARTEFACTS, "EN16931-CII-validation.xslt");

/** One rule the Schematron found broken: its id (BR-…), flag (fatal, warning) and text. */
export interface FailedRule {
  id: string;
  flag: string;
  text: string;
}

export interface En16931Verdict {
  /** xmllint's messages when the XML breaks the CII schema; empty when it is valid. */
  schemaErrors: string[];
  /** Failed asserts whose flag is not "warning": what makes the invoice invalid. */
  ruleErrors: FailedRule[];
  warnings: FailedRule[];
}

function compiledSchematron(): string {
  const hash = createHash("sha256").update(readFileSync(SCHEMATRON)).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), "acompte-en16931");
  const sef = join(dir, `EN16931-CII-validation.${hash}.sef.json`);
  if (existsSync(sef)) return sef;
  mkdirSync(dir, { recursive: true });
  // Written beside and renamed: two test workers compiling at once never read half a file.
  const partial = `${sef}.${process.pid}.tmp`;
  const run = spawnSync(
    process.execPath,
    [require.resolve("xslt3/xslt3.js"), `-xsl:${SCHEMATRON}`, `-export:${partial}`, "-nogo"],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`Schematron compilation failed: ${run.stderr || run.error}`);
  renameSync(partial, sef);
  return sef;
}

function schemaErrors(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "acompte-cii-"));
  try {
    const file = join(dir, "factur-x.xml");
    writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", CII_SCHEMA, file], { encoding: "utf8" });
    if (run.error) throw run.error;
    if (run.status === 0) return [];
    return run.stderr.split("\n").filter((l) => l.trim() !== "" && !l.endsWith("fails to validate"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function failedRules(svrl: string): FailedRule[] {
  return [...svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)].map((m) => ({
    id: /\bid="([^"]*)"/.exec(m[1])?.[1] ?? "?",
    flag: /\bflag="([^"]*)"/.exec(m[1])?.[1] ?? "fatal",
    text: (/<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(m[2])?.[1] ?? "").replace(/\s+/g, " ").trim(),
  }));
}

/** The schema's and the business rules' verdict on a CII invoice. */
export function validateEn16931(xml: string): En16931Verdict {
  // SaxonJS ships no types: the little used here is typed by hand.
  const SaxonJS = require("saxon-js") as {
    transform(options: object, mode: "sync"): { principalResult: string };
  };
  const { principalResult } = SaxonJS.transform(
    { stylesheetFileName: compiledSchematron(), sourceText: xml, destination: "serialized" },
    "sync",
  );
  const failed = failedRules(principalResult);
  return {
    schemaErrors: schemaErrors(xml),
    ruleErrors: failed.filter((f) => f.flag !== "warning"),
    warnings: failed.filter((f) => f.flag === "warning"),
  };
}
