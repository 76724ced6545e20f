/**
 * A small flowing layout over pdf-lib for A4 documents: wrapped text, table
 * rows and rules, a new page when the next block does not fit (a long list
 * paginates, its table header repeated), and on every page a footer with the
 * seller's legal mentions and « Page n / N ».
 */
import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { PdfaFrame } from "./pdfa";

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 48;
const FOOTER_SPACE = 56;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.75, 0.75, 0.78);
const SHADE = rgb(0.93, 0.94, 0.96);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  muted?: boolean;
}

export interface Column {
  width: number;
  align?: "left" | "right";
}

/** Cells of one table row: text per column, bold for a total. */
export interface Row {
  cells: string[];
  bold?: boolean;
  shaded?: boolean;
}

export class PageFlow {
  private readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  /** Drawn at the top of a page the current table continues on. */
  private continuedHeader: (() => void) | null = null;

  constructor(
    private readonly frame: PdfaFrame,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.frame.bold : this.frame.regular;
  }

  private newPage(): void {
    this.page = this.frame.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
    this.continuedHeader?.();
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  get cursor(): number {
    return this.y;
  }

  set cursor(y: number) {
    this.y = y;
  }

  /**
   * `text` cut into lines no wider than `width` (at spaces; a word longer
   * than the line is cut where it must). Each word is measured once and a
   * line's width summed from its words: laying out every candidate line
   * anew made wrapping the costliest part of a document.
   */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const font = this.font(style);
    const size = style.size ?? 9;
    const measure = (s: string) => font.widthOfTextAtSize(s, size);
    const space = measure(" ");
    const lines: string[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      let used = 0;
      // French typography: a line never starts with « % », « € » or a high punctuation mark.
      for (const word of paragraph.split(/ (?![%€»:;!?])/)) {
        const wordWidth = measure(word);
        if (line === "" ? wordWidth <= width : used + space + wordWidth <= width) {
          used = line === "" ? wordWidth : used + space + wordWidth;
          line = line === "" ? word : `${line} ${word}`;
          continue;
        }
        if (line !== "") lines.push(line);
        line = word;
        used = wordWidth;
        while (used > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
          used = measure(line);
        }
      }
      lines.push(line);
    }
    return lines;
  }

  private draw(text: string, x: number, y: number, style: TextStyle): void {
    if (text === "") return;
    this.page.drawText(text, {
      x,
      y,
      size: style.size ?? 9,
      font: this.font(style),
      color: style.muted ? MUTED : INK,
    });
  }

  /** A paragraph at `x` (from the left margin) wrapped to `width`, moving down. */
  text(text: string, style: TextStyle = {}, x = 0, width = CONTENT_WIDTH - x): void {
    const size = style.size ?? 9;
    const lines = this.wrap(text, width, style);
    const leading = size * 1.35;
    this.ensure(Math.min(lines.length, 3) * leading);
    for (const line of lines) {
      this.ensure(leading);
      this.y -= leading;
      this.draw(line, MARGIN + x, this.y + size * 0.3, style);
    }
  }

  /** Text placed in a column box without moving the flow (the header's blocks); returns the height used. */
  block(lines: { text: string; style?: TextStyle }[], x: number, top: number, width: number): number {
    let y = top;
    for (const { text, style = {} } of lines) {
      const size = style.size ?? 9;
      for (const line of this.wrap(text, width, style)) {
        y -= size * 1.35;
        this.draw(line, MARGIN + x, y + size * 0.3, style);
      }
    }
    return top - y;
  }

  /**
   * Paragraphs in a ruled frame across the content width, kept on one page:
   * what the reader must not miss (the payee of an invoice assigned to a
   * factor, whose payment elsewhere does not discharge the debt).
   */
  framed(paragraphs: { text: string; style?: TextStyle }[]): void {
    const padding = 6;
    const width = CONTENT_WIDTH - 2 * padding;
    const laid = paragraphs.flatMap(({ text, style = {} }) =>
      this.wrap(text, width, style).map((line) => ({ line, style, leading: (style.size ?? 9) * 1.35 })),
    );
    const height = laid.reduce((h, l) => h + l.leading, 0) + 2 * padding;
    this.ensure(height);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width: CONTENT_WIDTH,
      height,
      borderColor: INK,
      borderWidth: 1,
    });
    let y = this.y - padding;
    for (const { line, style, leading } of laid) {
      y -= leading;
      this.draw(line, MARGIN + padding, y + (style.size ?? 9) * 0.3, style);
    }
    this.y -= height;
  }

  rule(x = 0, width = CONTENT_WIDTH): void {
    this.page.drawLine({
      start: { x: MARGIN + x, y: this.y },
      end: { x: MARGIN + x + width, y: this.y },
      thickness: 0.6,
      color: RULE,
    });
  }

  /** A section title, kept on the page of what follows it (room for the title, a table header and two rows). */
  heading(text: string): void {
    this.ensure(80);
    this.gap(10);
    this.text(text, { size: 11, bold: true });
    this.gap(2);
    this.rule();
    this.gap(2);
  }

  /** One table row; its cells wrap in their column, the row as tall as its tallest cell. */
  row(columns: readonly Column[], row: Row, x = 0): void {
    const size = 9;
    const style: TextStyle = { size, bold: row.bold };
    const padding = 4;
    const cells = row.cells.map((cell, i) => this.wrap(cell, columns[i].width - 2 * padding, style));
    const leading = size * 1.35;
    const height = Math.max(...cells.map((c) => c.length)) * leading + 4;
    this.ensure(height);
    if (row.shaded)
      this.page.drawRectangle({
        x: MARGIN + x,
        y: this.y - height,
        width: columns.reduce((w, c) => w + c.width, 0),
        height,
        color: SHADE,
      });
    let left = MARGIN + x;
    cells.forEach((lines, i) => {
      const column = columns[i];
      lines.forEach((line, k) => {
        const width = this.font(style).widthOfTextAtSize(line, size);
        const at = column.align === "right" ? left + column.width - padding - width : left + padding;
        this.draw(line, at, this.y - (k + 1) * leading + size * 0.3, style);
      });
      left += column.width;
    });
    this.y -= height;
  }

  /** A table: header row shaded and repeated on each page the rows run onto. */
  table(columns: readonly Column[], header: string[], rows: readonly Row[], x = 0): void {
    const drawHeader = () => this.row(columns, { cells: header, bold: true, shaded: true }, x);
    // Never a header alone at the foot of a page.
    this.ensure(36);
    drawHeader();
    this.continuedHeader = drawHeader;
    for (const row of rows) this.row(columns, row, x);
    this.continuedHeader = null;
    this.gap(2);
    this.rule(
      x,
      columns.reduce((w, c) => w + c.width, 0),
    );
  }

  /** Footers drawn once every page exists: the seller's mentions and « Page n / N ». */
  finish(): void {
    const size = 7;
    this.pages.forEach((page, i) => {
      this.page = page;
      const lines = this.wrap(this.footer, CONTENT_WIDTH - 60, { size });
      lines.forEach((line, k) =>
        this.draw(line, MARGIN, MARGIN - 4 + (lines.length - 1 - k) * 9, { size, muted: true }),
      );
      const label = `Page ${i + 1} / ${this.pages.length}`;
      const width = this.frame.regular.widthOfTextAtSize(label, size);
      this.draw(label, A4.width - MARGIN - width, MARGIN - 4, { size, muted: true });
      page.drawLine({
        start: { x: MARGIN, y: MARGIN + 8 + (lines.length - 1) * 9 },
        end: { x: A4.width - MARGIN, y: MARGIN + 8 + (lines.length - 1) * 9 },
        thickness: 0.4,
        color: RULE,
      });
    });
  }
}
