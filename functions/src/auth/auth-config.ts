import { readFileSync } from "node:fs";
import { TokenVerifier, googleTokenVerifier, localTokenVerifier } from "./token-verifier";

/**
 * Local tokens are accepted only when ALL hold: ACOMPTE_LOCAL_TOKENS=1,
 * storage is the emulator (FIRESTORE_EMULATOR_HOST), and the process is not
 * running on Cloud Functions/Cloud Run (K_SERVICE, FUNCTION_TARGET unset).
 * A deployed function therefore never accepts them, whatever its variables.
 */
export function localModeAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.ACOMPTE_LOCAL_TOKENS === "1" && !!env.FIRESTORE_EMULATOR_HOST && !env.K_SERVICE && !env.FUNCTION_TARGET;
}

/**
 * The local public key (PEM) when local mode is asked for, null when it is
 * not. Asking for it where localModeAllowed() refuses, or without the key
 * file, fails at startup rather than silently falling back. Shared by the
 * api and the scheduled jobs, so both apply the one rule.
 */
export function localPublicKeyFromEnv(env: NodeJS.ProcessEnv): string | null {
  if (env.ACOMPTE_LOCAL_TOKENS !== "1") return null;
  if (!localModeAllowed(env))
    throw new Error("ACOMPTE_LOCAL_TOKENS=1 is only allowed on the Firestore emulator, outside Cloud Functions");
  const keyFile = env.ACOMPTE_LOCAL_PUBLIC_KEY_FILE;
  if (!keyFile) throw new Error("ACOMPTE_LOCAL_PUBLIC_KEY_FILE is not set");
  return readFileSync(keyFile, "utf8");
}

/** The verifier the configuration asks for. ACOMPTE_AUDIENCE is the add-on's OAuth client id. */
export function verifierFromEnv(env: NodeJS.ProcessEnv): TokenVerifier {
  const audience = env.ACOMPTE_AUDIENCE;
  if (!audience) throw new Error("ACOMPTE_AUDIENCE (OAuth client id of the add-on) is not set");
  const localKey = localPublicKeyFromEnv(env);
  return localKey !== null ? localTokenVerifier(localKey, audience) : googleTokenVerifier(audience);
}
