/**
 * Plugs the jobs into the Sheets layer: after a reminders run, the
 * `Relances` sheet of every bound workbook shows the outbox; after a
 * dashboard run, `Tableau de bord` shows the figures (and, during it,
 * `Tableau clients` gets the customer table as it streams); the anchors job
 * appends the day's anchor to `Intégrité`.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { DashboardFigures } from "../domain/dashboard/dashboard-accumulator";
import { COMPANIES } from "../model/collections";
import type { SheetsGateway } from "../sheets/sheets-gateway";
import type { AnchorDoc } from "../model/anchor";
import { companySpreadsheets } from "../sheets/binding/workbook-registry";
import type { CustomerRowSink } from "./company-dashboard";
import { openCustomerTableSheet, type CustomerTableWriter } from "./customer-table-sheet-writer";
import { writeDashboardSheet } from "./dashboard-sheet-writer";
import { appendIntegrityRows } from "./integrity-sheet-writer";
import { recentOutbox, writeRelancesSheet } from "./relances-sheet-writer";

export function publishDashboard(gateway: SheetsGateway) {
  return async (db: Firestore, companyId: string, figures: DashboardFigures): Promise<void> => {
    for (const spreadsheetId of await companySpreadsheets({ db }, companyId))
      await writeDashboardSheet(gateway, spreadsheetId, figures);
  };
}

/** The customer table's rows as they come, into every workbook bound to the company. */
export interface CustomerTableSink extends CustomerRowSink {
  /** Finishes every sheet; throws, after finishing the others, when one of them could not be written. */
  close(): Promise<void>;
}

export function customerTableSheets(gateway: SheetsGateway, chunkRows?: number) {
  return async (db: Firestore, companyId: string): Promise<CustomerTableSink> => {
    const failed: string[] = [];
    const writers: { spreadsheetId: string; writer: CustomerTableWriter }[] = [];
    const failing = (spreadsheetId: string) => (error: unknown) => {
      // The figures and the other workbooks still get theirs; this one is rewritten whole by the next run.
      console.error(`Tableau clients of ${spreadsheetId} not written`, error);
      failed.push(spreadsheetId);
    };
    for (const spreadsheetId of await companySpreadsheets({ db }, companyId)) {
      await openCustomerTableSheet(gateway, spreadsheetId, chunkRows).then(
        (writer) => writers.push({ spreadsheetId, writer }),
        failing(spreadsheetId),
      );
    }
    const each = async (fn: (w: CustomerTableWriter) => Promise<unknown>) => {
      for (const w of writers.filter((x) => !failed.includes(x.spreadsheetId)))
        await fn(w.writer).catch(failing(w.spreadsheetId));
    };
    return {
      add: (row) => each((w) => w.add(row)),
      async close() {
        await each((w) => w.close());
        if (failed.length > 0) throw new Error(`Feuille Tableau clients non écrite pour : ${failed.join(", ")}`);
      },
    };
  };
}

export function publishIntegrity(gateway: SheetsGateway) {
  return async (db: Firestore, companyId: string, anchor: AnchorDoc): Promise<void> => {
    for (const spreadsheetId of await companySpreadsheets({ db }, companyId))
      await appendIntegrityRows(gateway, spreadsheetId, anchor);
  };
}

export function publishRelances(gateway: SheetsGateway, now: () => Date = () => new Date()) {
  return async (db: Firestore): Promise<void> => {
    // Companies are few (one per customer firm): list them, keep those with a workbook.
    const companies = await db.collection(COMPANIES).select().get();
    const failed: string[] = [];
    for (const company of companies.docs) {
      const spreadsheets = await companySpreadsheets({ db }, company.id);
      if (spreadsheets.length === 0) continue;
      const entries = await recentOutbox(db, company.id, now());
      for (const spreadsheetId of spreadsheets) {
        try {
          await writeRelancesSheet(gateway, spreadsheetId, entries);
        } catch (error) {
          // The next workbook still gets its rows; the run fails at the end so Scheduler retries (nothing is resent).
          console.error(`Relances of ${spreadsheetId} not written`, error);
          failed.push(spreadsheetId);
        }
      }
    }
    if (failed.length > 0) throw new Error(`Feuille Relances non écrite pour : ${failed.join(", ")}`);
  };
}
