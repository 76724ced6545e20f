/**
 * The files every document embeds: DejaVu Sans regular and bold (PDF/A asks
 * for every font to be embedded, and Cloud Functions have no system fonts)
 * and the sRGB ICC profile of the PDF/A output intent. Vendored in
 * third_party/fonts and third_party/icc with their licences; read once per
 * process.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface PdfAssets {
  regular: Uint8Array;
  bold: Uint8Array;
  /** sRGB IEC 61966-2.1 profile (3 components). */
  srgbIcc: Uint8Array;
}

/**
 * Where the files are: beside a deployed bundle, `npm run build` copies them
 * to `<function>/third_party/` (a bundle has no repository around it);
 * from the sources, the repository's third_party/.
 */
export const THIRD_PARTY = existsSync(join(__dirname, "third_party", "fonts"))
  ? join(__dirname, "third_party")
  : resolve(__dirname, "../../../../third_party");

const loaded = new Map<string, PdfAssets>();

export function pdfAssets(thirdParty = THIRD_PARTY): PdfAssets {
  let assets = loaded.get(thirdParty);
  if (!assets) {
    assets = {
      regular: readFileSync(join(thirdParty, "fonts/DejaVuSans.ttf")),
      bold: readFileSync(join(thirdParty, "fonts/DejaVuSans-Bold.ttf")),
      srgbIcc: readFileSync(join(thirdParty, "icc/sRGB.icc")),
    };
    loaded.set(thirdParty, assets);
  }
  return assets;
}
