/** Jest runs every test of the project in two projects:
 * - `unit`: tests that need no emulator and no server (the domain engine, the
 *   refund lifecycle, pure mappers and formatters, the lint boundaries):
 *   `npm run test:unit`, in seconds;
 * - `integration`: everything else. Its global setup starts the Firestore
 *   emulator once for the run (each test file works in its own demo project so
 *   that files can run in parallel); it runs only when an integration test is
 *   selected.
 * `npm test` (and plain `jest`) runs both. A new test that needs neither the
 * emulator nor a local server belongs in UNIT. */
const UNIT = [
  "test/domain/**/*.test.ts",
  "test/bank/**/*.test.ts",
  "test/lint/**/*.test.ts",
  "test/docs/docs.test.ts",
  "test/apps-script/sidebar-format.test.ts",
  "test/integrity/anchor-text.test.ts",
  "test/sheets/a1.test.ts",
  "test/sheets/deposit-row-body.test.ts",
  "test/sheets/import-factures-row.test.ts",
  "test/sheets/retry.test.ts",
  "test/sheets/sheet-plan.test.ts",
  "test/sheets/split-payload.test.ts",
  "test/workflow/invoice-due-date.test.ts",
  "test/documents/pdf-*.test.ts",
];

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
};

module.exports = {
  projects: [
    { ...shared, displayName: "unit", testMatch: UNIT.map((glob) => `<rootDir>/${glob}`) },
    {
      ...shared,
      displayName: "integration",
      // Every test that is not a unit test: the same globs, negated.
      testMatch: ["<rootDir>/test/**/*.test.ts", ...UNIT.map((glob) => `!**/${glob}`)],
      globalSetup: "<rootDir>/test/support/global-setup.ts",
      globalTeardown: "<rootDir>/test/support/global-teardown.ts",
    },
  ],
  testTimeout: 60000,
  maxWorkers: 2,
};
