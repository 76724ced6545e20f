// The Apps Script globals (SpreadsheetApp, UrlFetchApp, …) for the server-side code.
/// <reference types="google-apps-script" />
