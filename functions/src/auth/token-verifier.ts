import { OAuth2Client } from "google-auth-library";
import { unauthenticated } from "../errors/api-error";

/** The caller, as proven by a verified ID token. */
export interface Caller {
  email: string;
}

export interface TokenVerifier {
  /** Resolves the caller or throws a 401 ApiError. */
  verify(idToken: string): Promise<Caller>;
}

/** Issuer of the tokens signed by the local development key (never accepted in production). */
export const LOCAL_ISSUER = "acompte-local";
export const LOCAL_KEY_ID = "acompte-local-key";

function callerOf(payload: { email?: string; email_verified?: boolean } | undefined): Caller {
  if (!payload?.email) throw unauthenticated("Jeton refusé : il ne contient pas d'adresse e-mail.");
  if (payload.email_verified !== true)
    throw unauthenticated("Jeton refusé : l'adresse e-mail n'est pas vérifiée par Google.");
  return { email: payload.email.toLowerCase() };
}

async function checked(
  verify: () => Promise<{ getPayload(): { email?: string; email_verified?: boolean } | undefined }>,
): Promise<Caller> {
  let ticket;
  try {
    ticket = await verify();
  } catch {
    // The library's reasons (signature, expiry, audience, issuer) are English and technical: one French message.
    throw unauthenticated(
      "Jeton d'identité refusé (signature, émetteur, audience ou date d'expiration invalide). Reconnectez-vous.",
    );
  }
  return callerOf(ticket.getPayload());
}

/**
 * Google ID tokens (ScriptApp.getIdentityToken()): google-auth-library checks
 * the signature against Google's keys, the issuer (accounts.google.com),
 * the expiry and the audience (the add-on's OAuth client id).
 */
export function googleTokenVerifier(audience: string, client = new OAuth2Client()): TokenVerifier {
  return { verify: (idToken) => checked(() => client.verifyIdToken({ idToken, audience })) };
}

/** Tokens signed by the local RSA key: same checks, local issuer and key. Only built by localModeAllowed(). */
export function localTokenVerifier(publicKeyPem: string, audience: string, client = new OAuth2Client()): TokenVerifier {
  return {
    verify: (idToken) =>
      checked(() =>
        client.verifySignedJwtWithCertsAsync(idToken, { [LOCAL_KEY_ID]: publicKeyPem }, audience, [LOCAL_ISSUER]),
      ),
  };
}
