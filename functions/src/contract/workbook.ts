/** `POST …/sheets/binding-code`: the code the add-on writes into the workbook before setup (none when already bound). */
export type BindingCode =
  | { spreadsheetId: string; alreadyBound: true }
  | { spreadsheetId: string; alreadyBound: false; metadataKey: string; code: string; expiresAt: string };

/** What one sync of the workbook did. */
export interface SheetSync {
  status: "synced" | "deferred";
  passes: number;
  writeCalls: number;
  updatedRows: number;
  newRows: number;
  clearedRows: number;
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
  row: number;
  id?: string;
  message?: string;
}

/** `POST …/sheets/import`. */
export interface WorkbookImport {
  spreadsheetId: string;
  recorded: ImportedRow[];
  refused: ImportedRow[];
  sheets?: Record<string, { recorded: ImportedRow[]; refused: ImportedRow[] }>;
  sync: SheetSync;
}
