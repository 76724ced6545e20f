/** A small client of the local api: local tokens, an idempotency key per change, JSON errors thrown in French. */
import { randomUUID } from "node:crypto";
import { mintLocalToken } from "../../testing/local-tokens";

export interface ApiClient {
  call<T = any>(as: string, method: string, path: string, body?: unknown): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function apiClient(baseUrl: string): ApiClient {
  return {
    async call(as, method, path, body) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${mintLocalToken(as)}`,
        "content-type": "application/json",
      };
      if (method !== "GET") headers["idempotency-key"] = randomUUID();
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
      });
      const json = await res.json();
      if (!res.ok)
        throw new Error(
          `${method} ${path} → ${res.status} ${json?.error?.message ?? ""} ${JSON.stringify(json?.error?.details ?? [])}`,
        );
      return json;
    },
  };
}
