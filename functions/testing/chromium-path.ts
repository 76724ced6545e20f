/** Debian's Chromium (package `chromium`), or the one CHROMIUM_PATH names: the browser tests never download one. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || "/usr/bin/chromium";
}
