/**
 * Child process for the profile crash test: refreshes the company's stale
 * profiles and SIGKILLs itself once the Nth customer's transaction committed.
 * argv: projectId companyId n nowIso
 */
import { Firestore } from "@google-cloud/firestore";
import { refreshProfiles } from "../../../functions/src/workflow/refresh-profiles";

async function main(): Promise<void> {
  const [projectId, companyId, n, nowIso] = process.argv.slice(2);
  const db = new Firestore({ projectId, host: process.env.FIRESTORE_EMULATOR_HOST, ssl: false });
  let committed = 0;
  await refreshProfiles(db, companyId, new Date(nowIso), {
    afterCommit: () => {
      if (++committed === Number(n)) process.kill(process.pid, "SIGKILL");
    },
  });
  process.exit(3);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
