/** Jest runs every test of the project: pure domain tests, emulator-backed
 * integration tests, the add-on tests and the browser test. The Firestore
 * emulator is started once for the whole run (global setup) and each test
 * file works in its own demo project so that files can run in parallel. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }],
  },
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  testTimeout: 60000,
  maxWorkers: 2,
};
