import type { Firestore } from "@google-cloud/firestore";
import { parisDay } from "../../functions/src/domain/dates/calendar-day";
import { bindWorkbookAsOperator } from "../../functions/src/sheets/binding/bind-workbook";

/** Binds a workbook the way `npm start` binds its demo workbooks: the registry's transaction, an operator's proof. */
export async function bindAsOperator(db: Firestore, companyId: string, spreadsheetId: string): Promise<void> {
  const now = new Date();
  await bindWorkbookAsOperator(
    db,
    { companyId, actor: "tests@acompte.test", now, today: parisDay(now) },
    spreadsheetId,
  );
}
