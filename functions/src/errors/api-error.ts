import type { ApiErrorCode, ErrorDetail } from "../contract/errors";

export type { ApiErrorCode, ErrorDetail };

/**
 * An error the API answers on purpose: HTTP status, stable code, French
 * message. Anything else that escapes a handler is a 500 (a bug).
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 503,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(400, "VALIDATION_FAILED", message, details);
export const unauthenticated = (message = "Authentification requise : jeton d'identité Google absent ou invalide.") =>
  new ApiError(401, "UNAUTHENTICATED", message);
export const forbidden = (message = "Vous n'avez pas le rôle nécessaire pour cette action dans cette société.") =>
  new ApiError(403, "FORBIDDEN", message);
export const notFound = (message: string) => new ApiError(404, "NOT_FOUND", message);
export const conflict = (code: ApiErrorCode, message: string) => new ApiError(409, code, message);
export const unprocessable = (code: ApiErrorCode, message: string, details: ErrorDetail[] = []) =>
  new ApiError(422, code, message, details);
