/**
 * Local ID tokens for tests, `npm start` and the add-on preview. Signed with
 * the committed development key (local-tokens.key.pem): worthless outside
 * local mode, which the functions only allow on the emulator.
 */
import { createSign } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCAL_ISSUER, LOCAL_KEY_ID } from "../src/auth/token-verifier";

export const LOCAL_PRIVATE_KEY_FILE = join(__dirname, "local-tokens.key.pem");
export const LOCAL_PUBLIC_KEY_FILE = join(__dirname, "local-tokens.pub.pem");
export const LOCAL_AUDIENCE = "acompte-local-client.apps.googleusercontent.com";

export interface MintOptions {
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  emailVerified?: boolean;
  issuer?: string;
  privateKeyPem?: string;
}

const b64 = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString("base64url");

export function mintLocalToken(email: string, options: MintOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (options.expiresIn ?? 3600);
  const header = { alg: "RS256", typ: "JWT", kid: LOCAL_KEY_ID };
  const payload = {
    iss: options.issuer ?? LOCAL_ISSUER,
    aud: options.audience ?? LOCAL_AUDIENCE,
    sub: `local-${email}`,
    email,
    email_verified: options.emailVerified ?? true,
    iat: Math.min(now, exp - 60),
    exp,
  };
  const unsigned = `${b64(header)}.${b64(payload)}`;
  const signature = createSign("RSA-SHA256")
    .update(unsigned)
    .sign(options.privateKeyPem ?? readFileSync(LOCAL_PRIVATE_KEY_FILE, "utf8"));
  return `${unsigned}.${b64(signature)}`;
}

/** Environment that turns local mode on for a process using the emulator at `emulatorHost`. */
export function localModeEnv(emulatorHost: string): Record<string, string> {
  return {
    FIRESTORE_EMULATOR_HOST: emulatorHost,
    ACOMPTE_LOCAL_TOKENS: "1",
    ACOMPTE_LOCAL_PUBLIC_KEY_FILE: LOCAL_PUBLIC_KEY_FILE,
    ACOMPTE_AUDIENCE: LOCAL_AUDIENCE,
    METADATA_SERVER_DETECTION: "none",
  };
}

if (require.main === module) {
  const email = process.argv[2];
  if (!email) {
    console.error("usage: tsx functions/testing/local-tokens.ts <email> [audience]");
    process.exit(2);
  }
  console.log(mintLocalToken(email, { audience: process.argv[3] }));
}
