import type { ChildProcess } from "node:child_process";

/** SIGTERM, SIGKILL after 5 s, then lets go of the child's pipes. */
export async function stopChild(child: ChildProcess): Promise<void> {
  // Its output pipes would otherwise keep the parent's event loop (Jest's) alive after the child is gone.
  const release = () => {
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.unref();
  };
  if (child.exitCode !== null || child.signalCode !== null) return release();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), 5000)));
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer); // a pending timer would keep the caller's process (Jest) alive for 5 s
  if (outcome === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
  release();
}
