import type { CompanyDoc } from "../model/company";
import { companyRef } from "../storage/refs";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { CompanyConfiguration } from "./bodies/company-body";

/**
 * Whether the company issues its documents when the configuration does not
 * say: a new company does (every document Acompte issues is real, #13); an
 * existing one keeps what it had — a company configured before #13 has no
 * `documentsEnabled` and stays off until an admin sets it (docs/einvoice.md,
 * « Turning it on »), so re-running the script for another change never
 * starts refusing its deposits.
 */
function documentsEnabled(configured: boolean | undefined, before: CompanyDoc | null): boolean | undefined {
  if (configured !== undefined) return configured;
  return before ? before.settings?.documentsEnabled : true;
}

/**
 * Creates a company or replaces its settings (and reminder settings when
 * given). Its bound spreadsheets and creation date are kept; the change is
 * an audit event with the settings before and after.
 */
export async function configureCompany(uow: UnitOfWork, configuration: CompanyConfiguration): Promise<CompanyDoc> {
  const ref = companyRef(uow.db, uow.companyId);
  const before = await uow.get<CompanyDoc>(ref);
  const enabled = documentsEnabled(configuration.settings.documentsEnabled, before);
  const doc: CompanyDoc = {
    ...before,
    settings: { ...configuration.settings, ...(enabled !== undefined ? { documentsEnabled: enabled } : {}) },
    reminderSettings: configuration.reminderSettings ?? before?.reminderSettings,
    createdAt: before?.createdAt ?? uow.timestamp,
  };
  uow.set(ref, doc);
  uow.event(
    before ? "company.settings_changed" : "company.created",
    { kind: "company", id: uow.companyId },
    before ? { settings: before.settings, reminderSettings: before.reminderSettings ?? null } : null,
    { settings: doc.settings, reminderSettings: doc.reminderSettings ?? null },
  );
  return doc;
}
