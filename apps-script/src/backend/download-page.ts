import type { DownloadedFile } from "./api-client";

/** Text safe in an element or a double-quoted attribute (an apostrophe stays as typed: French is full of them). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The dialog that hands a downloaded file to the browser: `intro` (plain
 * text, escaped here), then a download link carrying the file itself, so
 * what the person saves is the functions' file byte for byte.
 */
export function downloadPage(intro: string, file: DownloadedFile, mediaType: string): string {
  const name = escapeHtml(file.fileName);
  const data = Utilities.base64Encode(file.text, Utilities.Charset.UTF_8);
  return (
    `<p style="font-family:Arial,sans-serif">${escapeHtml(intro)}</p>` +
    `<p style="font-family:Arial,sans-serif"><a download="${name}" href="data:${mediaType};charset=utf-8;base64,${data}">Télécharger ${name}</a></p>`
  );
}
