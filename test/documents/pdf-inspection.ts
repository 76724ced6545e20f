/**
 * Reading a generated PDF back with tools that did not write it (poppler:
 * pdfdetach, pdffonts, pdfinfo, pdftotext, pdftoppm): the embedded files,
 * the fonts, the page count, the text a reader sees, and the pages rendered to PNG with a count of the pixels
 * that are not white.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { euros } from "../../functions/src/domain/reminders/french-amount";
import { FACTUR_X_FILE_NAME } from "../../functions/src/documents/pdf";
import { ciiFacts } from "../../functions/testing/einvoice/cii-facts";
import { validateEn16931 } from "../../functions/testing/einvoice/en16931-validation";

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

function withFile<T>(pdf: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "acompte-pdf-"));
  try {
    const file = join(dir, "document.pdf");
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The embedded files' names (pdfdetach -list). */
export function embeddedFileNames(pdf: Uint8Array): string[] {
  return withFile(pdf, (file) =>
    run("pdfdetach", ["-list", file])
      .split("\n")
      .slice(1)
      .map((l) => l.replace(/^\s*\d+:\s*/, "").trim())
      .filter(Boolean),
  );
}

/** The embedded file `n` (1-based) as text (pdfdetach -save). */
export function embeddedFile(pdf: Uint8Array, n = 1): string {
  return withFile(pdf, (file, dir) => {
    const out = join(dir, "attachment");
    run("pdfdetach", ["-save", String(n), "-o", out, file]);
    return readFileSync(out, "utf8");
  });
}

/** pdffonts' table: name, type, embedded. */
export function fonts(pdf: Uint8Array): { name: string; type: string; embedded: boolean }[] {
  return withFile(pdf, (file) =>
    run("pdffonts", [file])
      .split("\n")
      .slice(2)
      .filter((l) => l.trim() !== "")
      .map((l) => {
        const [name, ...rest] = l.trim().split(/\s+/);
        // Columns after the name: type words…, encoding, emb, sub, uni, object ID (2).
        const emb = rest[rest.length - 5];
        return { name, type: rest.slice(0, rest.length - 6).join(" "), embedded: emb === "yes" };
      }),
  );
}

/** The text a reader sees (pdftotext), spaces of every kind made plain, so amounts read « 1 234,56 € ». */
export function readableText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => run("pdftotext", ["-layout", file, "-"]).replace(/[\u00a0\u202f]/g, " "));
}

/** An amount as the page prints it, spaces made plain like readableText does. */
export const printed = (amount: string) => euros(amount).replace(/[\u00a0\u202f]/g, " ");

export function pageCount(pdf: Uint8Array): number {
  return withFile(pdf, (file) => Number(/^Pages:\s+(\d+)/m.exec(run("pdfinfo", [file]))?.[1] ?? "0"));
}

/** The PDF's raw bytes as latin1 text, for structure checks (catalog keys, XMP packet). */
export const pdfText = (pdf: Uint8Array) => Buffer.from(pdf).toString("latin1");

/**
 * Decodes an 8-bit PNG without interlace (what pdftoppm writes: RGB, or
 * greyscale) into one value per pixel, its darkest channel.
 */
export function darkestChannel(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[png[25]];
  if (png[24] !== 8 || channels === undefined || png[28] !== 0) throw new Error("not an 8-bit PNG pdftoppm writes");
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString("latin1", at + 4, at + 8) === "IDAT") chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? rows[y * stride + x - channels] : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels] : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter];
      rows[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++)
    pixels[i] = Math.min(...rows.subarray(i * channels, i * channels + Math.min(channels, 3)));
  return { width, height, pixels };
}

export interface RenderedPage {
  file: string;
  bytes: number;
  width: number;
  height: number;
  /** Pixels darker than near-white: text, rules, shading. */
  inked: number;
}

/** Every page rendered to PNG by pdftoppm in `dir` as `<name>-<n>.png`. */
export function renderPages(pdf: Uint8Array, dir: string, name: string, dpi = 60): RenderedPage[] {
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png")))
    rmSync(join(dir, old));
  withFile(pdf, (file) => run("pdftoppm", ["-png", "-r", String(dpi), file, join(dir, name)]));
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => {
      const png = readFileSync(join(dir, f));
      const { width, height, pixels } = darkestChannel(png);
      return { file: f, bytes: png.length, width, height, inked: pixels.filter((v) => v < 200).length };
    });
}

/** Every page renders, none blank: a PNG per page in `dir` with text and rules on it. */
export function expectRenders(dir: string, name: string, pdf: Uint8Array): RenderedPage[] {
  const pages = renderPages(pdf, dir, name);
  expect(pages.length).toBe(pageCount(pdf));
  // The first page carries the head, the tables and the totals.
  expect(pages[0].inked).toBeGreaterThan(pages[0].width * 20);
  for (const page of pages) {
    expect(page.bytes).toBeGreaterThan(1000);
    expect(page.width).toBeGreaterThan(400);
    // Some ink (a last page may hold a few lines only), and far from a page filled black.
    expect(page.inked).toBeGreaterThan(300);
    expect(page.inked).toBeLessThan(page.width * page.height * 0.4);
  }
  return pages;
}

/** `pdf` kept in `dir` as `<name>.pdf` for review, its pages rendered beside it (expectRenders). */
export function keepRendered(dir: string, name: string, pdf: Uint8Array): RenderedPage[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  return expectRenders(dir, name, pdf);
}

/** What makes the file PDF/A-3B, read in its bytes and through poppler. */
export function expectPdfA3(pdf: Uint8Array, { facturX }: { facturX: boolean }) {
  const text = pdfText(pdf);
  expect(text.startsWith("%PDF-1.7")).toBe(true);
  // The XMP packet is stored uncompressed, so it can be read in the bytes.
  expect(text).toContain("<pdfaid:part>3</pdfaid:part>");
  expect(text).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
  expect(text).toMatch(/\/OutputIntents\s*\[/);
  expect(text).toMatch(/\/S \/GTS_PDFA1/);
  expect(text).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  for (const font of fonts(pdf)) expect(font).toEqual(expect.objectContaining({ embedded: true }));
  expect(fonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ""))).toEqual(
    expect.arrayContaining(["DejaVuSans", "DejaVuSans-Bold"]),
  );
  if (facturX) {
    expect(embeddedFileNames(pdf)).toEqual([FACTUR_X_FILE_NAME]);
    expect(text).toMatch(/\/AF \[ \d+ 0 R \]/);
    expect(text).toMatch(/\/AFRelationship \/Data/);
    expect(text).toContain("/Subtype /text#2Fxml");
    expect(text).toContain("<fx:DocumentType>INVOICE</fx:DocumentType>");
    expect(text).toContain(`<fx:DocumentFileName>${FACTUR_X_FILE_NAME}</fx:DocumentFileName>`);
    expect(text).toContain("<fx:Version>1.0</fx:Version>");
    expect(text).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
    expect(text).toContain("<pdfaSchema:prefix>fx</pdfaSchema:prefix>");
  } else {
    expect(embeddedFileNames(pdf)).toEqual([]);
    expect(text).not.toContain("/AF [");
  }
}

/** The XML poppler extracts from the PDF: valid to the official rules, and the one the renderer built. */
export async function expectValidXml(pdf: Uint8Array, built: string) {
  const xml = embeddedFile(pdf);
  expect(xml).toBe(built);
  const verdict = validateEn16931(xml);
  expect(verdict.schemaErrors).toEqual([]);
  expect(verdict.ruleErrors).toEqual([]);
  return ciiFacts(xml);
}
