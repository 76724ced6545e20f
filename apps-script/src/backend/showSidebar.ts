/** The sidebar: one HTML file with its CSS and script inlined by the build. */
export const SIDEBAR_FILE = "Sidebar";
export const SIDEBAR_TITLE = "Acompte";

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
