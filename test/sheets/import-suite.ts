import { testFirestore } from "../support/firestore";
import { seedCompany } from "../support/workflow-api";
import { ADMIN, C, USERS } from "../workflow/fixtures";
import { startSheetsKit, type SheetsAction, type SheetsKit } from "./sheets-test-kit";

/**
 * One import test file: its own emulator project and local Sheets server;
 * before each test the project is emptied and company C seeded with USERS.
 * `call` runs one of the add-on's workbook actions on C (kit.call);
 * `setup` runs « Installer ou réparer le classeur » as the add-on does;
 * `workbookWith` sets up a workbook with cells typed as a person would.
 */
export function importSuite(prefix: string) {
  const fs = testFirestore(prefix);
  const suite = {
    fs,
    kit: undefined as unknown as SheetsKit,
    call: (action: SheetsAction, as: string, body: unknown) => suite.kit.call(fs.db, C, action, as, body),
    setup: (as: string, spreadsheetId: string) => suite.kit.setupAsAddon(fs.db, C, as, spreadsheetId),
    /** A workbook set up by the admin, with `edits` typed as a person would (USER_ENTERED, fr_FR). */
    async workbookWith(edits: Record<string, (string | number)[][]>): Promise<string> {
      const spreadsheetId = await suite.kit.newSpreadsheet();
      expect((await suite.setup(ADMIN, spreadsheetId)).status).toBe(200);
      await suite.kit.gateway.api.spreadsheets.values.batchUpdate({
        spreadsheetId,
        requestBody: {
          valueInputOption: "USER_ENTERED",
          data: Object.entries(edits).map(([range, values]) => ({ range, values })),
        },
      });
      return spreadsheetId;
    },
  };
  beforeAll(async () => {
    suite.kit = await startSheetsKit();
  });
  afterAll(async () => {
    await suite.kit.stop();
    await fs.close();
  });
  beforeEach(async () => {
    await fs.clear();
    await seedCompany(fs.db, C, USERS as never);
  });
  return suite;
}
