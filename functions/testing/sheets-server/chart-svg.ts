/**
 * The embedded charts of a sheet as inline SVG for the HTML view: a basic
 * chart's spec (COLUMN, BAR or LINE; title, domain and first series ranges)
 * resolved against the stored cells, drawn on the server. No script runs in
 * the page and nothing is loaded from anywhere: the view stays a plain page
 * that refreshes itself, and a test can count the bars.
 */
import { formattedValue } from "./cell-values";
import { escapeXml as escape } from "../../src/domain/bank/xml-text";
import type { CellData, GridRange, StoredSheet, StoredSpreadsheet } from "./model";

const WIDTH = 520;
const HEIGHT = 300;
const TOP = 16;
const LEFT = 86;
const RIGHT = 16;
const BOTTOM = 78;

interface Point {
  label: string;
  value: number;
  shown: string;
}

interface BasicSpec {
  chartType?: string;
  headerCount?: number;
  domains?: { domain?: { sourceRange?: { sources?: GridRange[] } } }[];
  series?: { series?: { sourceRange?: { sources?: GridRange[] } } }[];
}

/** The cells of a one-column (or one-row) range, in order. */
function cells(s: StoredSpreadsheet, range: GridRange | undefined): (CellData | null)[] {
  const sheet = s.sheets.find((sh) => sh.properties.sheetId === range?.sheetId);
  if (!sheet || !range) return [];
  const r0 = range.startRowIndex ?? 0;
  const r1 = range.endRowIndex ?? sheet.rows.length;
  const c0 = range.startColumnIndex ?? 0;
  const c1 = range.endColumnIndex ?? c0 + 1;
  const out: (CellData | null)[] = [];
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out.push(sheet.rows[r]?.[c] ?? null);
  return out;
}

function points(s: StoredSpreadsheet, spec: BasicSpec): Point[] {
  const skip = spec.headerCount ?? 0;
  const domain = cells(s, spec.domains?.[0]?.domain?.sourceRange?.sources?.[0]).slice(skip);
  const series = cells(s, spec.series?.[0]?.series?.sourceRange?.sources?.[0]).slice(skip);
  const locale = s.properties.locale;
  return series.map((cell, i) => ({
    label: formattedValue(domain[i] ?? null, locale) ?? "",
    value: cell?.userEnteredValue?.numberValue ?? 0,
    shown: formattedValue(cell, locale) ?? "",
  }));
}

/** Round tick steps (1, 2, 5 × 10ⁿ) from the lowest to the highest value, zero included. */
function ticks(values: number[]): number[] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  if (low === high) return [0, 1];
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((m) => m >= rough) ?? 10 * power;
  const out: number[] = [];
  for (let t = Math.floor(low / step) * step; t < high + step; t += step) {
    out.push(Math.round(t / power) * power);
    if (t >= high) break;
  }
  return out;
}

const fixed = (n: number) => n.toFixed(1);

function plot(type: string, data: Point[], locale: string): string {
  const scale = ticks(data.map((p) => p.value));
  const low = scale[0];
  const high = scale[scale.length - 1];
  const numbers = new Intl.NumberFormat(locale.replace("_", "-"), { maximumFractionDigits: 2 });
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const horizontal = type === "BAR";
  // Value → distance along the value axis (up for COLUMN/LINE, right for BAR).
  const along = (v: number) => ((v - low) / (high - low)) * (horizontal ? plotW : plotH);
  const slot = (horizontal ? plotH : plotW) / Math.max(1, data.length);
  const grid: string[] = [];
  const parts: string[] = [];
  for (const t of scale) {
    const text = escape(numbers.format(t));
    if (horizontal) {
      const x = LEFT + along(t);
      grid.push(`<line class="grid" x1="${fixed(x)}" y1="${TOP}" x2="${fixed(x)}" y2="${TOP + plotH}"/>`);
      grid.push(`<text class="tick" x="${fixed(x)}" y="${TOP + plotH + 14}" text-anchor="middle">${text}</text>`);
    } else {
      const y = TOP + plotH - along(t);
      grid.push(`<line class="grid" x1="${LEFT}" y1="${fixed(y)}" x2="${LEFT + plotW}" y2="${fixed(y)}"/>`);
      grid.push(`<text class="tick" x="${LEFT - 6}" y="${fixed(y + 4)}" text-anchor="end">${text}</text>`);
    }
  }
  const zero = along(0);
  const line: string[] = [];
  data.forEach((p, i) => {
    const tip = `<title>${escape(p.label)} : ${escape(p.shown)}</title>`;
    const middle = slot * (i + 0.5);
    const size = Math.abs(along(p.value) - zero);
    if (horizontal) {
      const y = TOP + slot * i + slot * 0.15;
      const x = LEFT + Math.min(zero, along(p.value));
      parts.push(
        `<rect class="bar" x="${fixed(x)}" y="${fixed(y)}" width="${fixed(size)}" height="${fixed(slot * 0.7)}">${tip}</rect>`,
      );
      parts.push(
        `<text class="label" x="${LEFT - 6}" y="${fixed(TOP + middle + 4)}" text-anchor="end">${escape(p.label)}</text>`,
      );
      return;
    }
    const x = LEFT + middle;
    if (type === "LINE") {
      const y = TOP + plotH - along(p.value);
      line.push(`${fixed(x)},${fixed(y)}`);
      parts.push(`<circle class="point" cx="${fixed(x)}" cy="${fixed(y)}" r="3.5">${tip}</circle>`);
    } else {
      const y = TOP + plotH - Math.max(zero, along(p.value));
      parts.push(
        `<rect class="bar" x="${fixed(LEFT + slot * i + slot * 0.15)}" y="${fixed(y)}" width="${fixed(slot * 0.7)}" height="${fixed(size)}">${tip}</rect>`,
      );
    }
    parts.push(
      `<text class="label" transform="translate(${fixed(x)},${TOP + plotH + 12}) rotate(-35)" text-anchor="end">${escape(p.label)}</text>`,
    );
  });
  const polyline = line.length ? `<polyline class="line" points="${line.join(" ")}"/>` : "";
  return grid.join("") + polyline + parts.join("");
}

/** One `<figure>` per chart of the sheet; COLUMN, BAR and LINE are drawn, any other type is named. */
export function chartFigures(s: StoredSpreadsheet, sheet: StoredSheet): string {
  return sheet.charts
    .map((chart) => {
      const spec = (chart.spec ?? {}) as { title?: string; basicChart?: BasicSpec };
      const title = escape(spec.title ?? "Graphique sans titre");
      const type = spec.basicChart?.chartType ?? "";
      const drawn = ["COLUMN", "BAR", "LINE"].includes(type);
      const body = drawn
        ? `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${plot(
            type,
            points(s, spec.basicChart!),
            s.properties.locale,
          )}</svg>`
        : `<p>Ce type de graphique n'est pas dessiné par la vue locale (${escape(type || "non basique")}).</p>`;
      return `<figure class="chart" data-chart-id="${escape(String(chart.chartId))}" data-chart-type="${escape(type)}"><figcaption>${title}</figcaption>${body}</figure>`;
    })
    .join("\n");
}

export const CHART_STYLE =
  "main{display:flex;align-items:flex-start;gap:24px}.charts{display:flex;flex-direction:column;gap:16px;padding:8px}" +
  "figure.chart{margin:0;border:1px solid #ddd;background:#fff;padding:8px}figcaption{font-weight:bold;font-size:14px;margin-bottom:4px}" +
  ".chart .bar{fill:#4285f4}.chart .point{fill:#4285f4}.chart .line{fill:none;stroke:#4285f4;stroke-width:2}" +
  ".chart .grid{stroke:#e0e0e0}.chart text{font-size:11px;fill:#555}";
