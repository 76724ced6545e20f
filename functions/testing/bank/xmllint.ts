/** Schema validation by libxml2's `xmllint` (Debian `libxml2-utils`, a prerequisite of the tests). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ISO20022_SCHEMAS = resolve(__dirname, "../../../third_party/iso20022");

/** xmllint's verdict on `xml` against `schema` (a file of third_party/iso20022): ok, and its messages. */
export function validateAgainstSchema(
  xml: string,
  schema: "pain.001.001.09.xsd" | "camt.053.001.08.xsd",
): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "acompte-xmllint-"));
  try {
    const file = join(dir, "file.xml");
    writeFileSync(file, xml);
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", join(ISO20022_SCHEMAS, schema), file], {
      encoding: "utf8",
    });
    if (run.error) throw run.error;
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
