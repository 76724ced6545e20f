/**
 * One `?limit=` rule for the lists: pageLimit (functions/src/application/page-limit.ts),
 * a whole number from 1 to the list's maximum with the same French message
 * everywhere. A route writing its own would drift (another message, a
 * decimal accepted, no default).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith(".ts") ? [rel] : [];
  });
}

it("only application/page-limit.ts writes a list's limit rule; the paged lists import it", () => {
  const files = sourceFiles("functions/src");
  expect(files.length).toBeGreaterThan(100);
  const own = files.filter((f) => /limit: z\.|nombre entier de 1 à/.test(readFileSync(path.join(ROOT, f), "utf8")));
  expect(own).toEqual(["functions/src/application/page-limit.ts"]);
  for (const list of ["refunds", "customers", "insurance-claims"])
    expect(readFileSync(path.join(ROOT, `functions/src/application/commands/${list}.ts`), "utf8")).toMatch(
      /limit: pageLimit\(/,
    );
});
