/**
 * Runs the built Code.js in a fresh V8 context whose globals are the
 * stand-ins, the way Apps Script runs a project's files: top-level function
 * declarations become callable by name.
 */
import vm from "node:vm";
import type { EntryPoints } from "../../../apps-script/src/interfaces/server-functions";
import type { StandIns } from "./stand-ins";

export type LoadedAddon = {
  [K in keyof EntryPoints]: (...args: Parameters<EntryPoints[K]>) => ReturnType<EntryPoints[K]>;
};

export function loadAddon(code: string, standIns: StandIns): LoadedAddon {
  const context = vm.createContext({ ...standIns.globals });
  vm.runInContext(code, context, { filename: "Code.js" });
  return context as unknown as LoadedAddon;
}

/** Names Code.js declares as top-level functions, read from the source the way Apps Script lists them. */
export function topLevelFunctions(code: string): string[] {
  return Array.from(code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm), (m) => m[1]);
}
