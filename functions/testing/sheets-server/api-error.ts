/** Google's JSON error: `{ "error": { "code", "message", "status" } }`, with the headers Google adds (401: WWW-Authenticate). */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): { error: { code: number; message: string; status: string } } {
    return { error: { code: this.code, message: this.message, status: this.status } };
  }
}

export const invalidArgument = (message: string) => new ApiError(400, "INVALID_ARGUMENT", message);
export const notFound = (message = "Requested entity was not found.") => new ApiError(404, "NOT_FOUND", message);
