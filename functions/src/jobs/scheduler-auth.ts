/**
 * Cloud Scheduler calls the jobs over HTTP with an OIDC ID token minted for a
 * service account. We accept a call only when Google signed the token, its
 * audience is this function's URL, and its e-mail is an allowed service
 * account with a verified address.
 */
import { OAuth2Client } from "google-auth-library";

export const GOOGLE_ISSUERS = ["https://accounts.google.com", "accounts.google.com"];

/** kid → PEM public key or certificate. */
export type SigningKeys = Record<string, string>;

export interface SchedulerAuthConfig {
  /** The `--oidc-token-audience` given to the Scheduler job (the function URL by default). */
  audience: string;
  /** Service accounts allowed to trigger the jobs. */
  allowedEmails: string[];
  /** Where the signing keys come from: Google's published certificates in production, a local signer's keys in tests. */
  keys?: () => Promise<SigningKeys>;
  issuers?: string[];
}

export class SchedulerAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

const client = new OAuth2Client();

export async function verifySchedulerCall(
  authorization: string | undefined,
  config: SchedulerAuthConfig,
): Promise<string> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) throw new SchedulerAuthError(401, "Jeton d'identité manquant (en-tête Authorization: Bearer).");
  const keys = config.keys ? await config.keys() : (await client.getFederatedSignonCertsAsync()).certs;
  let payload;
  try {
    const ticket = await client.verifySignedJwtWithCertsAsync(
      token,
      keys,
      config.audience,
      config.issuers ?? GOOGLE_ISSUERS,
    );
    payload = ticket.getPayload();
  } catch {
    throw new SchedulerAuthError(401, "Jeton d'identité invalide ou expiré.");
  }
  const email = payload?.email?.toLowerCase();
  if (!email || payload?.email_verified !== true)
    throw new SchedulerAuthError(401, "Le jeton ne porte pas d'adresse vérifiée.");
  if (!config.allowedEmails.map((e) => e.toLowerCase()).includes(email)) {
    throw new SchedulerAuthError(403, `Le compte ${email} n'est pas autorisé à déclencher cette tâche.`);
  }
  return email;
}
