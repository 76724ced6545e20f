import { execFileSync } from "node:child_process";
import { Firestore } from "@google-cloud/firestore";
import {
  EmulatorUnavailableError,
  candidateJarPaths,
  clearFirestore,
  findEmulatorJar,
  findJava,
  startFirestoreEmulator,
} from "../../functions/testing/firestore-emulator";

function javaProcessAlive(pid: number): boolean {
  try {
    const out = execFileSync("ps", ["-o", "comm=", "-p", String(pid)], { encoding: "utf8" });
    return out.trim().length > 0;
  } catch {
    return false; // ps exits 1 when the pid is gone
  }
}

describe("Firestore emulator harness", () => {
  it("starts the official emulator, writes and reads a document, clears it, and leaves no Java process", async () => {
    const emulator = await startFirestoreEmulator({ projectId: "demo-harness" });
    expect(javaProcessAlive(emulator.pid)).toBe(true);
    // The client prefers FIRESTORE_EMULATOR_HOST (the run's shared emulator)
    // over its settings, so point it at this test's emulator while it builds.
    const shared = process.env.FIRESTORE_EMULATOR_HOST;
    process.env.FIRESTORE_EMULATOR_HOST = emulator.host;
    const db = new Firestore({ projectId: emulator.projectId });
    process.env.FIRESTORE_EMULATOR_HOST = shared;
    try {
      await db.doc("probe/one").set({ amount: "3600.00" });
      const snapshot = await db.doc("probe/one").get();
      expect(snapshot.data()).toEqual({ amount: "3600.00" });

      await clearFirestore(emulator.host, emulator.projectId);
      expect((await db.doc("probe/one").get()).exists).toBe(false);
    } finally {
      await db.terminate();
      await emulator.stop();
    }
    expect(javaProcessAlive(emulator.pid)).toBe(false);
  });

  it("looks at the FIRESTORE_EMULATOR_JAR override first", () => {
    const paths = candidateJarPaths({ FIRESTORE_EMULATOR_JAR: "/custom/emulator.jar" });
    expect(paths[0]).toBe("/custom/emulator.jar");
  });

  it("explains how to install the emulator when it is missing", () => {
    expect(() => findEmulatorJar(["/nowhere/cloud-firestore-emulator.jar"])).toThrow(EmulatorUnavailableError);
    expect(() => findEmulatorJar(["/nowhere/cloud-firestore-emulator.jar"])).toThrow(
      /apt-get install google-cloud-cli-firestore-emulator/,
    );
  });

  it("explains how to install Java when it is missing", () => {
    expect(() => findJava(["/nowhere/bin/java"])).toThrow(/openjdk-17-jre-headless/);
  });

  it("finds the emulator installed on this machine", () => {
    expect(findEmulatorJar()).toMatch(/cloud-firestore-emulator.*\.jar$/);
  });
});
