/**
 * The caller's Google ID token. Apps Script signs it for the script's own
 * OAuth client; when the admin configured the audience the functions expect,
 * a mismatch is reported here in plain French instead of as a bare 401.
 */
import type { UserError } from "../interfaces/result";

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Decodes base64url to a UTF-8 string without Node or Apps Script helpers (pure). */
export function decodeBase64Url(text: string): string {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/=+$/, "")) {
    const value = BASE64URL.indexOf(char === "+" ? "-" : char === "/" ? "_" : char);
    if (value < 0) throw new Error("invalid base64url");
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""));
}

export function tokenAudience(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(decodeBase64Url(payload)) as { aud?: unknown };
    return typeof claims.aud === "string" ? claims.aud : null;
  } catch {
    return null;
  }
}

export type TokenResult = { ok: true; token: string } | { ok: false; error: UserError };

export function identityToken(expectedAudience: string | null): TokenResult {
  const token = ScriptApp.getIdentityToken();
  if (!token) {
    return {
      ok: false,
      error: {
        code: "NO_IDENTITY_TOKEN",
        message:
          "Google n'a pas fourni votre jeton d'identité. Autorisez le module Acompte (Extensions › Acompte) puis réessayez.",
        retryable: false,
      },
    };
  }
  const audience = tokenAudience(token);
  if (expectedAudience && audience !== expectedAudience) {
    return {
      ok: false,
      error: {
        code: "AUDIENCE_MISMATCH",
        message:
          "Le module Acompte est mal configuré : son identifiant client OAuth ne correspond pas à celui attendu par le service. Contactez votre administrateur.",
        retryable: false,
      },
    };
  }
  return { ok: true, token };
}

/**
 * For the admin wiring the add-on to the functions: the token's audience is
 * the OAuth client id of the script's Cloud project, which the functions and
 * ACOMPTE_AUDIENCE must name. Run from the script editor; it reads the log.
 */
export function logTokenAudience(): void {
  const audience = tokenAudience(ScriptApp.getIdentityToken() ?? "");
  Logger.log(
    audience
      ? `Audience du jeton d'identité : ${audience}`
      : "Aucun jeton d'identité : vérifiez les scopes openid et userinfo.email.",
  );
}
