import { ApiError, unauthenticated } from "../errors/api-error";
import {
  fixedSigningKeys,
  GOOGLE_ISSUERS,
  googleSigningKeys,
  IdTokenPolicy,
  InvalidIdTokenError,
  SigningKeysUnavailableError,
  verifyIdToken,
} from "./id-token";

/** The caller, as proven by a verified ID token. */
export interface Caller {
  email: string;
}

export interface TokenVerifier {
  /** Resolves the caller or throws a 401 ApiError (503 when the signing keys cannot be fetched). */
  verify(idToken: string): Promise<Caller>;
}

/** Issuer of the tokens signed by the local development key (never accepted in production). */
export const LOCAL_ISSUER = "acompte-local";
export const LOCAL_KEY_ID = "acompte-local-key";

function policyVerifier(policy: IdTokenPolicy): TokenVerifier {
  return {
    async verify(idToken) {
      try {
        return { email: await verifyIdToken(idToken, policy) };
      } catch (error) {
        if (error instanceof SigningKeysUnavailableError) {
          console.error("api: cannot fetch the ID token signing keys", error);
          throw new ApiError(
            503,
            "RETRY_LATER",
            "Vérification de votre identité momentanément impossible : réessayez dans quelques instants.",
          );
        }
        if (error instanceof InvalidIdTokenError) {
          // The library's reasons (signature, expiry, audience, issuer) are English and technical: one French message.
          throw unauthenticated(
            "Jeton d'identité refusé (signature, émetteur, audience, date d'expiration ou adresse e-mail non vérifiée). Reconnectez-vous.",
          );
        }
        throw error;
      }
    },
  };
}

/**
 * Google ID tokens (ScriptApp.getIdentityToken()): signature against Google's
 * keys, issuer accounts.google.com, expiry, audience (the add-on's OAuth client id).
 */
export function googleTokenVerifier(audience: string): TokenVerifier {
  return policyVerifier({ audience, issuers: GOOGLE_ISSUERS, keys: googleSigningKeys() });
}

/** Tokens signed by the local RSA key: same checks, local issuer and key. Only built by localModeAllowed(). */
export function localTokenVerifier(publicKeyPem: string, audience: string): TokenVerifier {
  return policyVerifier({
    audience,
    issuers: [LOCAL_ISSUER],
    keys: fixedSigningKeys({ [LOCAL_KEY_ID]: publicKeyPem }),
  });
}
