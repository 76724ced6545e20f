import { spawn } from "node:child_process";

export interface ChildOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs a TypeScript child process (through tsx) and waits for it without
 * blocking this process: the SMTP server the child sends to runs here, so a
 * synchronous wait (spawnSync) would leave the child's connection unanswered.
 */
export function runTsChild(script: string, args: string[], timeoutMs = 60000): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, METADATA_SERVER_DETECTION: "none" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.once("error", reject);
    child.once("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr });
    });
  });
}
