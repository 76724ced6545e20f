/**
 * `npm start` and `npm test` begin here: stop at once, naming each missing
 * prerequisite with the command that installs it, rather than failing later
 * inside a test or a service.
 *   tsx functions/dev/setup/preflight.ts start|test
 */
import { describeMissing, missingFor, type Purpose } from "./prerequisites";

const purpose = process.argv[2] as Purpose;
if (purpose !== "start" && purpose !== "test") {
  console.error("usage: tsx functions/dev/setup/preflight.ts start|test");
  process.exit(2);
}
const missing = missingFor(purpose);
if (missing.length > 0) {
  console.error(`npm ${purpose} needs what this machine does not have yet:`);
  for (const line of describeMissing(missing)) console.error(`  ${line}`);
  console.error("Or install everything at once with: npm run setup");
  process.exit(1);
}
