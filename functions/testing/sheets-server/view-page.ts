/** `/view/{id}`: the spreadsheet as a French HTML page, one tab per sheet, so a person sees the sheets fill in. */
import { formattedValue } from "./cell-values";
import { CHART_STYLE, chartFigures } from "./chart-svg";
import { escapeXml as escape } from "../../src/domain/bank/xml-text";
import { columnLetter } from "../../src/sheets/layout/a1";
import { DEFAULT_COLUMN_WIDTH, type StoredSpreadsheet } from "./model";

export function viewPage(s: StoredSpreadsheet, selected: string | null): string {
  const sheets = [...s.sheets].sort((a, b) => a.properties.index - b.properties.index);
  const current = sheets.find((sh) => sh.properties.title === selected) ?? sheets[0];
  const tabs = sheets
    .map(
      (sh) =>
        `<a class="tab${sh === current ? " on" : ""}" href="?onglet=${encodeURIComponent(sh.properties.title)}">${escape(sh.properties.title)}</a>`,
    )
    .join("");
  // Formatted but empty cells (a whole column's number format) are not shown.
  const hasValue = (line: (typeof current.rows)[number]) => line.some((c) => c?.userEnteredValue);
  let height = current.rows.length;
  while (height > 0 && !hasValue(current.rows[height - 1])) height--;
  const shown = current.rows.slice(0, height);
  const width = Math.max(1, ...shown.map((r) => r.reduce((w, c, i) => (c?.userEnteredValue ? i + 1 : w), 0)));
  const frozen = current.properties.gridProperties.frozenRowCount ?? 0;
  const head = Array.from(
    { length: width },
    (_, c) =>
      `<th style="min-width:${current.columnWidths[String(c)] ?? DEFAULT_COLUMN_WIDTH}px">${columnLetter(c)}</th>`,
  ).join("");
  const body = shown
    .map((line, r) => {
      const cells = Array.from({ length: width }, (_, c) => {
        const cell = line[c] ?? null;
        const text = formattedValue(cell, s.properties.locale) ?? "";
        const numeric = cell?.userEnteredValue?.numberValue !== undefined;
        return `<td${numeric ? ' class="n"' : ""}>${escape(text)}</td>`;
      }).join("");
      return `<tr${r < frozen ? ' class="frozen"' : ""}><th>${r + 1}</th>${cells}</tr>`;
    })
    .join("\n");
  const charts = chartFigures(s, current);
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>${escape(s.properties.title)} — Sheets local</title>
<style>
body{font-family:Arial,sans-serif;margin:0}header{padding:8px 12px;background:#0f9d58;color:#fff}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:2px 6px;white-space:nowrap}
th{background:#f1f3f4;font-weight:normal;color:#555}td.n{text-align:right}tr.frozen td{font-weight:bold;background:#e8f0fe}
nav{position:fixed;bottom:0;left:0;right:0;background:#f1f3f4;padding:4px}.tab{padding:4px 10px;margin-right:2px;color:#333;text-decoration:none}
.tab.on{background:#fff;border-bottom:3px solid #0f9d58}main{overflow:auto;margin-bottom:40px}
${CHART_STYLE}
</style></head><body>
<header>${escape(s.properties.title)} · onglet « ${escape(current.properties.title)} » · actualisation toutes les 5 secondes</header>
<main><table><tr><th></th>${head}</tr>
${body || `<tr><td>Cet onglet est vide.</td></tr>`}
</table>${charts ? `\n<section class="charts" aria-label="Graphiques">${charts}</section>` : ""}</main>
<nav>${tabs}</nav>
</body></html>`;
}

export function indexPage(list: StoredSpreadsheet[]): string {
  const items = list
    .map((s) => `<li><a href="/view/${encodeURIComponent(s.spreadsheetId)}">${escape(s.properties.title)}</a></li>`)
    .join("");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Sheets local</title></head><body>
<h1>Classeurs du serveur Sheets local</h1>${items ? `<ul>${items}</ul>` : "<p>Aucun classeur pour l'instant.</p>"}</body></html>`;
}
