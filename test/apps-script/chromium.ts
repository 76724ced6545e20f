/** Debian's Chromium through playwright-core: never a downloaded browser. */
import { chromium, type Browser } from "playwright-core";
import { chromiumPath } from "../../functions/testing/chromium-path";
import { mkdir } from "node:fs/promises";
import path from "node:path";

export const SCREENSHOTS = path.resolve(__dirname, "../../test-artifacts/sidebar");

export async function launchChromium(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}
