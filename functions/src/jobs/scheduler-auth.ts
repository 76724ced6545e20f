/**
 * Cloud Scheduler calls the jobs over HTTP with an OIDC ID token minted for a
 * service account. We accept a call only when we can check Google's
 * signature ourselves, its audience is this function's URL, and its e-mail
 * is an allowed service account with a verified address. The jobs are
 * deployed without Cloud Run's invoker IAM check, so the token reaches us
 * with its signature intact (see docs/deploy.md).
 */
import {
  GOOGLE_ISSUERS,
  googleSigningKeys,
  InvalidIdTokenError,
  SigningKeys,
  SigningKeysUnavailableError,
  verifyIdToken,
} from "../auth/id-token";

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
    readonly status: 401 | 403 | 503,
    message: string,
  ) {
    super(message);
  }
}

const googleKeys = googleSigningKeys();

export async function verifySchedulerCall(
  authorization: string | undefined,
  config: SchedulerAuthConfig,
): Promise<string> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) throw new SchedulerAuthError(401, "Jeton d'identité manquant (en-tête Authorization: Bearer).");
  let email: string;
  try {
    email = await verifyIdToken(token, {
      audience: config.audience,
      issuers: config.issuers ?? GOOGLE_ISSUERS,
      keys: config.keys ?? googleKeys,
    });
  } catch (error) {
    if (error instanceof SigningKeysUnavailableError) {
      console.error("scheduler: cannot fetch the signing keys", error);
      throw new SchedulerAuthError(503, "Clés de signature de Google momentanément indisponibles ; réessayez.");
    }
    if (error instanceof InvalidIdTokenError)
      throw new SchedulerAuthError(401, "Jeton d'identité invalide, expiré ou sans adresse vérifiée.");
    throw error;
  }
  if (!config.allowedEmails.map((e) => e.toLowerCase()).includes(email)) {
    throw new SchedulerAuthError(403, `Le compte ${email} n'est pas autorisé à déclencher cette tâche.`);
  }
  return email;
}
