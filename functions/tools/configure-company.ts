/**
 * Operator script: creates a company or changes its settings, and names its
 * first admin (afterwards admins manage roles with PUT …/users/{email}).
 * Validated like the api (French messages), one transaction, audit event.
 *
 *   npm run configure-company -- <companyId> <configuration.json> [first-admin-email]
 *
 * configuration.json: { "settings": { name, siren, vatOnDebits, arrhesVatOnReceipt,
 * accounts, approvalThreshold, paymentTerms, paymentPromiseMaxMonths?, fiscalYearEnd?, journalSheetMonths?,
 * bankIban?, bankBic?, ibanChangeHoldDays?, statementCsv? }, "reminderSettings": { … } }
 * (see functions/src/workflow/bodies/company-body.ts and docs/deploy.md).
 * Uses FIRESTORE_EMULATOR_HOST when set, otherwise the application default
 * credentials of the current gcloud project.
 */
import { Firestore } from "@google-cloud/firestore";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { EngineValidationError, parseInput } from "../src/domain";
import { parisDay } from "../src/domain/dates/calendar-day";
import { isValidDocumentId } from "../src/storage/document-id";
import { runCommand } from "../src/storage/run-command";
import { companyConfigurationSchema } from "../src/workflow/bodies/company-body";
import { configureCompany } from "../src/workflow/configure-company";
import { setRoles } from "../src/workflow/set-roles";

export async function runConfigureCompany(
  db: Firestore,
  companyId: string,
  configuration: unknown,
  firstAdmin?: string,
): Promise<unknown> {
  if (!isValidDocumentId(companyId)) throw new Error(`Identifiant de société invalide : ${companyId}`);
  const parsed = parseInput(companyConfigurationSchema, configuration);
  const now = new Date();
  const result = await runCommand(
    db,
    {
      companyId,
      actor: `script:${userInfo().username}`,
      idempotencyKey: randomUUID(),
      route: "script configure-company",
      body: { configuration: parsed, firstAdmin },
      now,
      today: parisDay(now),
    },
    async (uow) => {
      const company = await configureCompany(uow, parsed);
      const admin = firstAdmin ? await setRoles(uow, firstAdmin, ["admin"]) : undefined;
      return { status: 200, body: { companyId, settings: company.settings, ...(admin ? { admin } : {}) } };
    },
  );
  return result.body;
}

async function main(): Promise<void> {
  const [companyId, file, firstAdmin] = process.argv.slice(2);
  if (!companyId || !file) {
    console.error("usage: npm run configure-company -- <companyId> <configuration.json> [first-admin-email]");
    process.exit(2);
  }
  const db = new Firestore();
  try {
    console.log(
      JSON.stringify(
        await runConfigureCompany(db, companyId, JSON.parse(readFileSync(file, "utf8")), firstAdmin),
        null,
        2,
      ),
    );
  } catch (error) {
    if (error instanceof EngineValidationError) {
      for (const detail of error.details) console.error(detail.message);
      process.exitCode = 2;
    } else throw error;
  } finally {
    await db.terminate();
  }
}

if (require.main === module) void main();
