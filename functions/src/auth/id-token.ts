/**
 * The one check of a Google-style ID token (RS256 JWT), shared by the `api`
 * (the add-on's tokens) and the scheduled jobs (Cloud Scheduler's OIDC
 * tokens): signature against the signer's published keys, issuer, audience,
 * expiry, and a verified e-mail. A token whose signature cannot be checked is
 * never trusted — including one whose signature Cloud Run replaced by
 * `SIGNATURE_REMOVED_BY_GOOGLE` after its own IAM check.
 */
import { OAuth2Client } from "google-auth-library";

/** kid → PEM public key or certificate. */
export type SigningKeys = Record<string, string>;

export const GOOGLE_ISSUERS = ["https://accounts.google.com", "accounts.google.com"];

export interface IdTokenPolicy {
  audience: string;
  issuers: readonly string[];
  keys: () => Promise<SigningKeys>;
}

/** The token is not acceptable: answer 401. */
export class InvalidIdTokenError extends Error {}

/** The signer's keys could not be fetched: nothing is known about the token, the caller may retry (503). */
export class SigningKeysUnavailableError extends Error {}

const client = new OAuth2Client();

/** Google's published signing certificates (cached by the library per their Cache-Control). */
export function googleSigningKeys(oauth: OAuth2Client = client): () => Promise<SigningKeys> {
  return async () => {
    try {
      return (await oauth.getFederatedSignonCertsAsync()).certs as SigningKeys;
    } catch (error) {
      throw new SigningKeysUnavailableError(`Google signing keys unavailable: ${(error as Error).message}`);
    }
  };
}

/** Fixed keys (the local development key, a test signer). */
export function fixedSigningKeys(keys: SigningKeys): () => Promise<SigningKeys> {
  return async () => keys;
}

/** The verified, lower-cased e-mail the token was issued to. */
export async function verifyIdToken(token: string, policy: IdTokenPolicy): Promise<string> {
  const keys = await policy.keys();
  let payload;
  try {
    const ticket = await client.verifySignedJwtWithCertsAsync(token, keys, policy.audience, [...policy.issuers]);
    payload = ticket.getPayload();
  } catch (error) {
    throw new InvalidIdTokenError((error as Error).message);
  }
  if (!payload?.email) throw new InvalidIdTokenError("no e-mail in the token");
  if (payload.email_verified !== true) throw new InvalidIdTokenError("e-mail not verified");
  return payload.email.toLowerCase();
}
