import type { CompanyDoc } from "../model/company";
import { companyRef } from "../storage/refs";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { CompanyConfiguration } from "./bodies/company-body";

/**
 * Creates a company or replaces its settings (and reminder settings when
 * given). Its bound spreadsheets and creation date are kept; the change is
 * an audit event with the settings before and after.
 */
export async function configureCompany(uow: UnitOfWork, configuration: CompanyConfiguration): Promise<CompanyDoc> {
  const ref = companyRef(uow.db, uow.companyId);
  const before = await uow.get<CompanyDoc>(ref);
  const doc: CompanyDoc = {
    ...before,
    settings: configuration.settings,
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
