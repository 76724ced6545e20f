/** Bodies and actors shared by the workflow tests: see functions/testing/workflow-fixtures.ts (shared with `npm run fuzz`). */
export * from "../../functions/testing/workflow-fixtures";
