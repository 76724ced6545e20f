import type { CompanySettings } from "../../functions/src/model/company";
import { testFirestore } from "../support/firestore";
import { TestApi, seedCompany, startTestApi } from "../support/workflow-api";
import { C, USERS } from "./fixtures";

/**
 * One workflow test file: its own emulator project and api server; before
 * each test the project is emptied, company C seeded with USERS and
 * `settings`, and the date set to 15/01/2026.
 */
export function workflowSuite(prefix: string, settings: Partial<CompanySettings> = {}) {
  const fs = testFirestore(prefix);
  const suite = { fs, api: undefined as unknown as TestApi };
  beforeAll(async () => {
    suite.api = await startTestApi(fs.db);
  });
  afterAll(async () => {
    await suite.api.close();
    await fs.close();
  });
  beforeEach(async () => {
    await fs.clear();
    await seedCompany(fs.db, C, USERS as never, settings);
    suite.api.setToday("2026-01-15");
  });
  return suite;
}
