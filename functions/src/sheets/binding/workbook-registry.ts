/**
 * The global registry of bound workbooks (`workbooks/{spreadsheetId}`): a
 * workbook is bound to the company its entry names and to no other. Every
 * path that writes to or reads from a workbook for a company — setup,
 * resync, import, the sync after each change, the jobs — asks here.
 */
import type { Firestore } from "@google-cloud/firestore";
import { WORKBOOKS } from "../../model/collections";
import type { WorkbookDoc } from "../../model/workbook";

export function workbookRef(db: Firestore, spreadsheetId: string) {
  return db.collection(WORKBOOKS).doc(spreadsheetId);
}

/** The company the workbook is bound to, or null when it is bound to none. */
export async function workbookOwner(db: Firestore, spreadsheetId: string): Promise<string | null> {
  const snap = await workbookRef(db, spreadsheetId).get();
  return snap.exists ? (snap.data() as WorkbookDoc).companyId : null;
}

/**
 * The workbooks bound to a company, from the registry. A spreadsheet id in
 * companies/{c}.spreadsheetIds without its registry entry (written before
 * the registry existed, or by hand) is not bound: it is neither written nor
 * read until an admin binds it.
 */
export async function companySpreadsheets(deps: { db: Firestore }, companyId: string): Promise<string[]> {
  const snap = await deps.db.collection(WORKBOOKS).where("companyId", "==", companyId).get();
  return snap.docs.map((d) => d.id);
}
