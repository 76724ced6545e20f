/**
 * A local stand-in for Google's OIDC signer: mints RS256 ID tokens shaped like
 * the ones Cloud Scheduler sends, and publishes its public key the way the
 * verifier expects (kid → PEM).
 */
import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import type { SigningKeys } from "../../../functions/src/auth/id-token";

export interface LocalSigner {
  keys: () => Promise<SigningKeys>;
  token(claims: { aud: string; email: string; email_verified?: boolean; iss?: string; expiresInS?: number }): string;
}

const b64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString("base64url");

export function localSigner(): LocalSigner {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return {
    keys: async () => ({ [kid]: pem }),
    token({ aud, email, email_verified = true, iss = "https://accounts.google.com", expiresInS = 3600 }) {
      const iat = Math.floor(Date.now() / 1000);
      const header = b64url({ alg: "RS256", kid, typ: "JWT" });
      const payload = b64url({ iss, aud, email, email_verified, sub: "1234567890", iat, exp: iat + expiresInS });
      const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKey);
      return `${header}.${payload}.${b64url(signature)}`;
    },
  };
}
