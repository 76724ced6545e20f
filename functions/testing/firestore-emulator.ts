/**
 * Finds, starts and stops the official Cloud Firestore emulator (the Java
 * jar shipped by the Google Cloud CLI and by firebase-tools).
 *
 * We launch the jar with `java` ourselves instead of going through
 * `gcloud emulators firestore start` or the bash wrapper, so that the
 * process we stop is the JVM itself and no Java process outlives a run.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { stopChild } from "./stop-child";

const JAR_NAME = "cloud-firestore-emulator.jar";
const MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

export const INSTALL_HELP = [
  "L'émulateur Cloud Firestore est introuvable. / The Cloud Firestore emulator was not found.",
  "Install it with one of / Installez-le avec :",
  "  sudo apt-get install google-cloud-cli-firestore-emulator openjdk-17-jre-headless   (Debian/Ubuntu, Google Cloud apt repository)",
  "  gcloud components install cloud-firestore-emulator                                  (Google Cloud CLI)",
  "  npx firebase-tools setup:emulators:firestore                                        (firebase-tools)",
  "or point FIRESTORE_EMULATOR_JAR at cloud-firestore-emulator.jar.",
].join("\n");

export const JAVA_HELP = [
  "Java est introuvable : l'émulateur Firestore en a besoin. / Java was not found: the Firestore emulator needs it.",
  "Install it with / Installez-le avec :  sudo apt-get install openjdk-17-jre-headless",
  "or set JAVA (path to the java binary) or JAVA_HOME.",
].join("\n");

export class EmulatorUnavailableError extends Error {}

/** Places where the emulator jar is found, in the order we look. */
export function candidateJarPaths(env: NodeJS.ProcessEnv = process.env, askGcloud = true): string[] {
  const candidates: string[] = [];
  if (env.FIRESTORE_EMULATOR_JAR) candidates.push(env.FIRESTORE_EMULATOR_JAR);
  const sdkRoots = [
    env.CLOUDSDK_ROOT_DIR,
    askGcloud ? gcloudSdkRoot() : undefined,
    "/usr/lib/google-cloud-sdk",
    "/usr/share/google-cloud-sdk",
    "/opt/google-cloud-sdk",
    "/snap/google-cloud-cli/current",
    "/snap/google-cloud-sdk/current",
    join(homedir(), "google-cloud-sdk"),
  ].filter((root): root is string => Boolean(root));
  for (const root of sdkRoots) {
    candidates.push(join(root, "platform", "cloud-firestore-emulator", JAR_NAME));
  }
  // firebase-tools keeps versioned jars in its cache; prefer the newest.
  const firebaseCache = join(homedir(), ".cache", "firebase", "emulators");
  if (existsSync(firebaseCache)) {
    const jars = readdirSync(firebaseCache)
      .filter((name) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(name))
      .sort(compareVersionedNames)
      .reverse();
    candidates.push(...jars.map((name) => join(firebaseCache, name)));
  }
  return candidates;
}

function gcloudSdkRoot(): string | undefined {
  const result = spawnSync("gcloud", ["info", "--format=value(installation.sdk_root)"], {
    encoding: "utf8",
    timeout: 5000,
  });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

function compareVersionedNames(a: string, b: string): number {
  const version = (name: string) => (name.match(/v([\d.]+)\.jar$/)?.[1] ?? "0").split(".").map(Number);
  const [va, vb] = [version(a), version(b)];
  for (let i = 0; i < Math.max(va.length, vb.length); i++) {
    const diff = (va[i] ?? 0) - (vb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The usual places first; `gcloud info` (a second or two) only when none has the jar. */
export function findEmulatorJar(candidates?: string[]): string {
  const inList = (list: string[]) => list.find((path) => existsSync(path));
  const found = candidates
    ? inList(candidates)
    : (inList(candidateJarPaths(process.env, false)) ?? inList(candidateJarPaths()));
  if (!found) throw new EmulatorUnavailableError(INSTALL_HELP);
  return found;
}

export function javaCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.JAVA, env.JAVA_HOME && join(env.JAVA_HOME, "bin", "java"), "java"].filter((c): c is string => Boolean(c));
}

export function findJava(candidates: string[] = javaCandidates()): string {
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["-version"], { encoding: "utf8", timeout: 10000 });
    if (probe.status === 0) return candidate;
  }
  throw new EmulatorUnavailableError(JAVA_HELP);
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

export interface RunningEmulator {
  /** `127.0.0.1:PORT`, the value of FIRESTORE_EMULATOR_HOST. */
  host: string;
  port: number;
  projectId: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  projectId?: string;
  /** How long to wait for the emulator to answer, in ms. */
  startTimeoutMs?: number;
  /** Where the emulator's own output goes; silent by default. */
  log?: (line: string) => void;
}

export async function startFirestoreEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const jar = findEmulatorJar();
  const java = findJava();
  const port = options.port ?? (await freeLoopbackPort());
  const projectId = options.projectId ?? "demo-acompte";
  if (!projectId.startsWith("demo-")) {
    // demo-* project ids can never reach a real project, which is what we want locally.
    throw new Error(`The emulator project id must start with "demo-": ${projectId}`);
  }
  const child = spawn(
    java,
    [
      "-Duser.language=en",
      "-Xss2m",
      "-cp",
      jar,
      MAIN_CLASS,
      "start",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--project_id",
      projectId,
    ],
    { stdio: ["ignore", "pipe", "pipe"], detached: false },
  );
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      options.log?.(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const stop = () => stopChild(child);
  const onExit = () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  process.once("exit", onExit);

  const deadline = Date.now() + (options.startTimeoutMs ?? 60000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The Firestore emulator exited with code ${child.exitCode}:\n${output.join("\n")}`);
    }
    if (await answers(port)) {
      return {
        host: `127.0.0.1:${port}`,
        port,
        projectId,
        pid: child.pid ?? -1,
        stop: async () => {
          process.removeListener("exit", onExit);
          await stop();
        },
      };
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`The Firestore emulator did not answer on port ${port} in time:\n${output.join("\n")}`);
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    return response.ok;
  } catch {
    return false;
  }
}

/** Deletes every document of a project in the emulator (its REST reset endpoint). */
export async function clearFirestore(host: string, projectId: string): Promise<void> {
  const response = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, {
    method: "DELETE",
  });
  if (!response.ok) {
    throw new Error(`Could not clear the emulator (${response.status}): ${await response.text()}`);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
