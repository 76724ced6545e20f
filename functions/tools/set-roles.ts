/**
 * Admin script: sets a member's roles in a company, directly in Firestore
 * (the way to name the first admin; afterwards PUT …/users/{email} works).
 * Same transaction, event and rules as the endpoint.
 *
 *   npx tsx functions/tools/set-roles.ts <companyId> <email> <role,role,…|none>
 *
 * Uses FIRESTORE_EMULATOR_HOST when set, otherwise the application default
 * credentials of the current gcloud project.
 */
import { Firestore } from "@google-cloud/firestore";
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { parisDay } from "../src/domain/dates/calendar-day";
import { ROLES, Role } from "../src/model/roles";
import { runCommand } from "../src/storage/run-command";
import { setRoles } from "../src/workflow/set-roles";
import { COMPANIES } from "../src/model/collections";

async function main(): Promise<void> {
  const [companyId, email, list] = process.argv.slice(2);
  if (!companyId || !email || !list) {
    console.error(
      "usage: tsx functions/tools/set-roles.ts <companyId> <email> <role,role,…|none>   roles: " + ROLES.join(", "),
    );
    process.exit(2);
  }
  const roles = list === "none" ? [] : list.split(",").map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) {
    console.error(`Rôle inconnu : ${unknown.join(", ")} (rôles : ${ROLES.join(", ")})`);
    process.exit(2);
  }
  const db = new Firestore();
  if (!(await db.collection(COMPANIES).doc(companyId).get()).exists) {
    console.error(`Société inconnue : ${companyId}`);
    process.exit(1);
  }
  const now = new Date();
  const actor = `script:${userInfo().username}`;
  const result = await runCommand(
    db,
    {
      companyId,
      actor,
      idempotencyKey: randomUUID(),
      route: "script set-roles",
      body: { email, roles },
      now,
      today: parisDay(now),
    },
    async (uow) => ({
      status: 200,
      body: await setRoles(uow, email, roles as Role[]),
    }),
  );
  console.log(JSON.stringify(result.body));
  await db.terminate();
}

void main();
