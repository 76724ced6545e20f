/**
 * Promise wrapper around google.script.run, typed by the backend's list of
 * sidebar functions. A thrown server error or a lost connection becomes a
 * CallResult error like any answer of the functions.
 */
import type { SidebarFunctions } from "../interfaces/server-functions";
import type { CallResult } from "../interfaces/result";

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } };

type Data<K extends keyof SidebarFunctions> = ReturnType<SidebarFunctions[K]> extends CallResult<infer T> ? T : never;

export function callServer<K extends keyof SidebarFunctions>(
  name: K,
  ...args: Parameters<SidebarFunctions[K]>
): Promise<CallResult<Data<K>>> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as CallResult<Data<K>>))
      .withFailureHandler(() =>
        resolve({
          ok: false,
          error: {
            code: "SCRIPT_FAILURE",
            message:
              "Le module Acompte n'a pas pu traiter la demande. Réessayez ; si cela persiste, rechargez le panneau.",
            retryable: true,
          },
        }),
      );
    runner[name](...args);
  });
}
