/** Driving the preview page in Chromium: who acts, which deposit row is selected. */
import type { Browser, FrameLocator, Page } from "playwright-core";

/** A French desktop page on the preview, as finance staff in Paris see it. */
export async function openPreview(browser: Browser, url: string, width = 1200): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width, height: 1000 },
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
  });
  await page.goto(url);
  return page;
}

/** Selects the first `Acomptes` row whose label contains `text`. */
export async function selectDepositRow(page: Page, text: string): Promise<void> {
  const option = page.locator("#row option", { hasText: text }).first();
  await option.waitFor({ state: "attached" });
  await page.selectOption("#row", (await option.getAttribute("value"))!);
}

/** Switches the acting user; the sidebar reloads as them. */
export async function actAs(page: Page, actor: string): Promise<FrameLocator> {
  await page.selectOption("#actor", actor);
  const sidebar = page.frameLocator("#sidebar");
  await sidebar.locator("#who").filter({ hasText: "@" }).waitFor();
  return sidebar;
}
