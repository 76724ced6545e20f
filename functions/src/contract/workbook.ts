/** `POST …/sheets/binding-code`: the code the add-on writes into the workbook before setup (none when already bound). */
export type BindingCode =
  | { spreadsheetId: string; alreadyBound: true }
  | { spreadsheetId: string; alreadyBound: false; metadataKey: string; code: string; expiresAt: string };

/** What one sync of the workbook did (sheets/sync/sync-spreadsheet.ts). */
export interface SheetSync {
  status: "synced" | "deferred";
  passes: number;
  writeCalls: number;
  updatedRows: number;
  newRows: number;
  /** Rows that repeated a document's id, emptied. */
  clearedRows: number;
  /** A previous sync failed or died before it ended: this one wrote every sheet, not only the change's. */
  replayed: boolean;
}

/** `POST …/sheets/setup`. */
export interface WorkbookSetup {
  spreadsheetId: string;
  binding: "new" | "existing";
  layoutChanges: number;
  sync: SheetSync;
}

/** `POST …/sheets/resync`. */
export interface WorkbookResync {
  spreadsheetId: string;
  sync: SheetSync;
}

/** A typed row of the import: its sheet row, the id recorded or the French reason it was refused. */
export interface ImportedRow {
  /** Sheet row number (1-based, as people see it). */
  row: number;
  id?: string;
  message?: string;
  /**
   * A recorded row's French note, also in its « Message » cell: for a
   * deposit, the limit warning of its customer and the policy's
   * recommendation when the deposit is below it; absent when there is none.
   */
  notice?: string;
}

/** `POST …/sheets/import`. */
export interface WorkbookImport {
  spreadsheetId: string;
  recorded: ImportedRow[];
  refused: ImportedRow[];
  sheets?: Record<string, { recorded: ImportedRow[]; refused: ImportedRow[] }>;
  sync: SheetSync;
}
