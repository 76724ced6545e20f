import type { CallResult } from "../interfaces/result";

/** Shows a menu action's outcome in a dialog: the success text, or the French error. */
export function alertResult<T>(title: string, result: CallResult<T>, success: (data: T) => string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, result.ok ? success(result.data) : result.error.message, ui.ButtonSet.OK);
}
