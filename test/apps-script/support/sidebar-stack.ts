/**
 * The sidebar in headless Chromium against the real `api` on the Firestore
 * emulator (and the local storage server of the global setup): one company
 * seeded with its members and settings, the data a test needs written
 * through the api (`seed`), the add-on preview acting as `actors`, one page
 * open on it. Registers its own beforeAll/afterAll; the fields are set once
 * beforeAll has run.
 */
import type { Browser, Page } from "playwright-core";
import { startAddonPreview, type AddonPreview } from "../../../functions/testing/addon-preview";
import { mintLocalToken } from "../../../functions/testing/local-tokens";
import type { CompanySettings } from "../../../functions/src/model/company";
import type { Role } from "../../../functions/src/model/roles";
import { testFirestore, type TestFirestore } from "../../support/firestore";
import { seedCompany, startTestApi, type TestApi } from "../../support/workflow-api";
import { C } from "../../workflow/fixtures";
import { launchChromium } from "../chromium";
import { openPreview } from "../preview-page";

export interface SidebarStackOptions {
  /** The emulator project's prefix (one per test file). */
  prefix: string;
  users: Record<string, Role[]>;
  settings?: Partial<CompanySettings>;
  actors: { key: string; label: string; email: string }[];
  spreadsheetId: string;
  /** Writes the test's data through the api before the preview opens. */
  seed?: (api: TestApi) => Promise<void>;
  /** The workbook's sheets as the add-on reads them (row 1 = headers); none by default. */
  readSheet?: (sheetName: string) => Promise<unknown[][]>;
  width?: number;
}

export interface SidebarStack {
  fs: TestFirestore;
  api: TestApi;
  preview: AddonPreview;
  browser: Browser;
  page: Page;
}

export function sidebarStack(options: SidebarStackOptions): SidebarStack {
  const stack = { fs: testFirestore(options.prefix) } as SidebarStack;
  beforeAll(async () => {
    await seedCompany(stack.fs.db, C, options.users, options.settings);
    stack.api = await startTestApi(stack.fs.db);
    await options.seed?.(stack.api);
    stack.preview = await startAddonPreview({
      apiUrl: stack.api.url,
      companyId: C,
      actors: options.actors,
      mintToken: (email) => mintLocalToken(email),
      spreadsheetId: options.spreadsheetId,
      // No workbook unless the test gives one: these sidebars read the api only (an empty sheet, nothing selected).
      readSheet: options.readSheet ?? (async () => []),
    });
    stack.browser = await launchChromium();
    stack.page = await openPreview(stack.browser, stack.preview.url, options.width ?? 1400);
  }, 180_000);
  afterAll(async () => {
    await stack.browser?.close();
    await stack.preview?.stop();
    await stack.api?.close();
    await stack.fs.close();
  });
  return stack;
}
