import { escapeXml as escapeHtml } from "../../../functions/src/domain/bank/xml-text";
import type { DownloadedFile } from "./api-client";

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
