/**
 * Runs a bench's measured part in a fresh Node process the way a deployed
 * function runs: plain JavaScript compiled beforehand (no tsx loader in
 * memory) and the V8 heap limits the functions are deployed with. Without
 * that limit V8 sizes its heap from this machine's memory and lets garbage
 * pile up, so the RSS seen here would say nothing about a 256 MiB instance.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { FUNCTION_HEAP_MB, FUNCTION_NODE_FLAGS } from "../../tools/deploy/runtime";

export { FUNCTION_HEAP_MB };

/**
 * Compiles `entry` (a TypeScript file whose last stdout line is JSON) with
 * its dependencies left in node_modules, runs it with `args`, and returns
 * that JSON.
 */
export async function runMeasuredChild<T>(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "acompte-bench-"));
  const outfile = join(dir, "child.js");
  buildSync({ entryPoints: [entry], bundle: true, platform: "node", target: "node20", packages: "external", outfile });
  try {
    return await new Promise<T>((resolve, reject) => {
      const child = spawn(process.execPath, [...FUNCTION_NODE_FLAGS, outfile, ...args], {
        // The compiled file lives in a temporary folder: node_modules is found through NODE_PATH.
        env: { ...env, NODE_PATH: join(__dirname, "../../../node_modules") },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("exit", (code) =>
        code === 0
          ? resolve(JSON.parse(out.trim().split("\n").pop()!) as T)
          : reject(new Error(`${entry} exited with code ${code}`)),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
