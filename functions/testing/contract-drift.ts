/**
 * Shows that the add-on's build fails when an answer of the functions
 * changes incompatibly (issue #11): copies the add-on and the wire contract
 * (with the domain it re-exports) into a temporary directory, applies
 * `edits` to the copied contract and runs the add-on's typecheck there.
 *
 *   npx tsx functions/testing/contract-drift.ts   # the two drifts of the issue, compiler output printed
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");

/** One change to a file of functions/src/contract/: `from` must occur in it. */
export interface ContractEdit {
  file: string;
  from: string;
  to: string;
}

/** The add-on's old drifts: the deposit's number renamed `invoiceNumber`, `firstBroken` typed as a string. */
export const ISSUE_DRIFTS: ContractEdit[] = [
  { file: "deposit.ts", from: "  number: string;\n  date: string;", to: "  invoiceNumber: string;\n  date: string;" },
  {
    file: "audit.ts",
    // The verification's own firstBroken (each chain has one too).
    from: "  findingsTotal: number;\n  firstBroken: Finding | null;",
    to: "  findingsTotal: number;\n  firstBroken: string | null;",
  },
];

export interface TypecheckResult {
  exitCode: number;
  output: string;
}

/** The add-on's `tsc --noEmit` on a copy whose contract has `edits` applied. */
export async function typecheckAddonWithContract(edits: ContractEdit[]): Promise<TypecheckResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "acompte-contract-"));
  try {
    for (const part of ["apps-script/src", "apps-script/tools", "functions/src/contract", "functions/src/domain"])
      await cp(path.join(ROOT, part), path.join(dir, part), { recursive: true });
    for (const file of ["tsconfig.json", "apps-script/tsconfig.json"])
      await cp(path.join(ROOT, file), path.join(dir, file));
    await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    for (const edit of edits) {
      const file = path.join(dir, "functions/src/contract", edit.file);
      const text = await readFile(file, "utf8");
      if (!text.includes(edit.from))
        throw new Error(`contract/${edit.file} no longer contains ${JSON.stringify(edit.from)}`);
      await writeFile(file, text.replace(edit.from, edit.to));
    }
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [tsc, "-p", "apps-script/tsconfig.json", "--noEmit"],
        {
          cwd: dir,
        },
      );
      return { exitCode: 0, output: stdout };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { exitCode: failed.code ?? 1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  typecheckAddonWithContract(ISSUE_DRIFTS).then(({ exitCode, output }) => {
    console.log(output.trim());
    console.log(`add-on typecheck exit code: ${exitCode}`);
  });
}
