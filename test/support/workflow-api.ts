/** The `api` function for tests: see functions/testing/local-api.ts (shared with `npm run fuzz`). */
export * from "../../functions/testing/local-api";
