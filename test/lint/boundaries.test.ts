/**
 * The layer boundaries (eslint.layers.mjs) fail a lint run on a wrong
 * import. Sources are linted in memory as if they stood in functions/src/,
 * through ESLint's API with the project's own configuration, in a child
 * process (ESLint loads its ES-module config by dynamic import, which Jest's
 * module sandbox does not provide).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

interface Probe {
  filePath: string;
  code: string;
}
interface Finding {
  ruleId: string | null;
  line: number;
  message: string;
}

const LINT = `
const { ESLint } = require("eslint");
const probes = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const p of probes) {
    const [result] = await eslint.lintText(p.code, { filePath: p.filePath });
    out.push(result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message })));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function lint(probes: Probe[]): Finding[][] {
  const stdout = execFileSync(process.execPath, ["-e", LINT, JSON.stringify(probes)], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(stdout) as Finding[][];
}

const boundary = (findings: Finding[]) => findings.filter((f) => f.ruleId === "no-restricted-imports");

let results: Finding[][];
beforeAll(() => {
  results = lint([
    {
      filePath: "functions/src/domain/refunds/probe.ts",
      code: [
        'import { Firestore } from "@google-cloud/firestore";',
        'import type { Route } from "../../http/route";',
        'import Decimal from "decimal.js";',
        'import { z } from "zod";',
        'import { frenchDate } from "../dates/calendar-day";',
        "export const used = [Firestore, Decimal, z, frenchDate] as unknown as Route;",
      ].join("\n"),
    },
    {
      filePath: "functions/src/sheets/sync/probe.ts",
      code: ['import { parseBody } from "../../http/body";', "export const used = parseBody;"].join("\n"),
    },
    {
      filePath: "functions/src/model/probe.ts",
      code: [
        'import type { Access } from "../workflow/access";',
        'import type { Money } from "../domain/money/money";',
        "export type Used = [Access, Money];",
      ].join("\n"),
    },
    {
      filePath: "functions/src/jobs/probe.ts",
      code: ['import { planSheet } from "../sheets/sync/sheet-plan";', "export const used = planSheet;"].join("\n"),
    },
    {
      filePath: "functions/src/storage/probe.ts",
      code: [
        'import type { Firestore } from "@google-cloud/firestore";',
        'import { COMPANIES } from "../model/collections";',
        "export const named = (db: Firestore) => db.collection(COMPANIES);",
        'export const typed = (db: Firestore) => db.collection("companies");',
      ].join("\n"),
    },
  ]);
}, 60_000);

test("the domain may not import Firestore nor climb to http; decimal.js, zod and itself are fine", () => {
  const errors = boundary(results[0]);
  expect(errors.map((e) => e.line)).toEqual([1, 2]);
  expect(errors[0].message).toMatch(/domain imports only decimal\.js and zod/);
  expect(errors[1].message).toMatch(/functions\/src\/domain\/ may import only itself/);
});

test("sheets may not import http", () => {
  const errors = boundary(results[1]);
  expect(errors).toHaveLength(1);
  expect(errors[0].message).toMatch(/'\.\.\/\.\.\/http\/body'.*functions\/src\/sheets\/ may import only/);
});

test("the model may not import the application layer, even for a type; it may import the domain", () => {
  const errors = boundary(results[2]);
  expect(errors.map((e) => e.line)).toEqual([1]);
  expect(errors[0].message).toMatch(/functions\/src\/model\/ may import only domain/);
});

test("an allowed arrow (jobs → sheets) passes", () => {
  expect(boundary(results[3])).toEqual([]);
});

test("a collection is named in model/collections.ts, never spelled where it is used", () => {
  const errors = results[4].filter((f) => f.ruleId === "no-restricted-syntax");
  expect(errors.map((e) => e.line)).toEqual([4]);
  expect(errors[0].message).toMatch(/model\/collections\.ts/);
});
