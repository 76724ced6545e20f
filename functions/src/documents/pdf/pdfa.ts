/**
 * The PDF/A-3B frame of a document (ISO 19005-3, conformance B) with pdf-lib:
 * XMP metadata equal to the document information dictionary, an sRGB output
 * intent, and for a Factur-X invoice the CII XML embedded as `factur-x.xml`
 * (associated file of the catalog, Factur-X 1.0.07 § 6 and its XMP extension
 * schema).
 *
 * The bytes are deterministic: the storage records the document's SHA-256 in
 * the hash chain and serves it byte-identical, so the dates are the
 * document's own (midnight UTC of its date), the trailer ID comes from the
 * content's hash, and pdf-lib's random resource and font names are replaced
 * by counters.
 */
import fontkit from "@pdf-lib/fontkit";
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFString, type PDFFont } from "pdf-lib";
import { escapeXml } from "../../domain/bank/xml-text";
import type { PdfAssets } from "./assets";

export const FACTUR_X_FILE_NAME = "factur-x.xml";
/**
 * Factur-X 1.0.07 admits Data, Source or Alternative; Data is the French
 * choice (the XML carries the invoice's data beside the readable PDF).
 */
export const FACTUR_X_RELATIONSHIP = "Data";
const FACTUR_X_NAMESPACE = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
const PRODUCER = "Acompte (pdf-lib)";

export interface PdfaFrame {
  doc: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
}

export interface PdfaDescription {
  /** The document's own date, YYYY-MM-DD: creation and modification dates. */
  date: string;
  title: string;
  subject: string;
  author: string;
  /** Hex SHA-256 of what the document says: its trailer ID, XMP document ID and font subset tags. */
  contentHash: string;
}

/** Six capital letters from the content's hash: the subset tag PDF names a subset font with (ISO 32000-1 § 9.6.4). */
function subsetTag(hash: string, salt: number): string {
  return [...hash.slice(salt * 6, salt * 6 + 6)].map((h) => String.fromCharCode(65 + (parseInt(h, 16) % 26))).join("");
}

type Fontkit = typeof fontkit;
type FontkitFont = ReturnType<Fontkit["create"]>;
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/**
 * fontkit parsing each document's fonts anew costs more than drawing the
 * document: the parsed fonts are kept per font file (each document still
 * gets its own subset, made from the glyphs it uses).
 */
const cachingFontkit: Fontkit = {
  ...fontkit,
  create(buffer: Uint8Array, postscriptName?: string) {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let font = parsedFonts.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

/** A new document whose fonts are embedded subsets of DejaVu Sans, with no random name anywhere. */
export async function pdfaFrame(assets: PdfAssets, contentHash: string): Promise<PdfaFrame> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  let counter = 0;
  // pdf-lib names page resources and fonts with Math.random(): counters keep the bytes reproducible.
  doc.context.addRandomSuffix = (prefix: string) => `${prefix}${++counter}`;
  doc.registerFontkit(cachingFontkit);
  const regular = await doc.embedFont(assets.regular, {
    subset: true,
    customName: `${subsetTag(contentHash, 0)}+DejaVuSans`,
  });
  const bold = await doc.embedFont(assets.bold, {
    subset: true,
    customName: `${subsetTag(contentHash, 1)}+DejaVuSans-Bold`,
  });
  return { doc, regular, bold };
}

const isoInstant = (date: string) => `${date}T00:00:00Z`;
const dateOf = (date: string) => new Date(`${date}T00:00:00Z`);

function xmp(description: PdfaDescription, facturX: boolean): string {
  const e = escapeXml;
  const instant = isoInstant(description.date);
  const h = description.contentHash;
  const uuid = `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  const property = (name: string, text: string) =>
    `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${text}</pdfaProperty:description></rdf:li>`;
  const fx = facturX
    ? `
<rdf:Description rdf:about="" xmlns:fx="${FACTUR_X_NAMESPACE}">
<fx:DocumentType>INVOICE</fx:DocumentType>
<fx:DocumentFileName>${FACTUR_X_FILE_NAME}</fx:DocumentFileName>
<fx:Version>1.0</fx:Version>
<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${FACTUR_X_NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${property("DocumentFileName", "The name of the embedded XML document")}
${property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER")}
${property("Version", "The actual version of the standard applying to the embedded XML document")}
${property("ConformanceLevel", "The conformance level of the embedded XML document")}
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`
    : "";
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(description.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${e(description.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(description.subject)}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${PRODUCER}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>Acompte</xmp:CreatorTool>
<xmp:CreateDate>${instant}</xmp:CreateDate>
<xmp:ModifyDate>${instant}</xmp:ModifyDate>
<xmp:MetadataDate>${instant}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>
<xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>
</rdf:Description>${fx}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Embeds `xml` as factur-x.xml, an associated file of the document (catalog /AF and /Names /EmbeddedFiles). */
function embedFacturX(doc: PDFDocument, xml: string, date: string): void {
  const { context, catalog } = doc;
  const bytes = new TextEncoder().encode(xml);
  const file = context.register(
    context.flateStream(bytes, {
      Type: "EmbeddedFile",
      Subtype: "text/xml",
      Params: { Size: bytes.length, ModDate: PDFString.fromDate(dateOf(date)) },
    }),
  );
  const spec = context.register(
    context.obj({
      Type: "Filespec",
      F: PDFString.of(FACTUR_X_FILE_NAME),
      UF: PDFHexString.fromText(FACTUR_X_FILE_NAME),
      Desc: PDFString.of("Factur-X EN 16931"),
      AFRelationship: FACTUR_X_RELATIONSHIP,
      EF: { F: file, UF: file },
    }),
  );
  catalog.set(PDFName.of("Names"), context.obj({ EmbeddedFiles: { Names: [PDFString.of(FACTUR_X_FILE_NAME), spec] } }));
  catalog.set(PDFName.of("AF"), context.obj([spec]));
}

/**
 * Makes the document PDF/A-3B and returns its bytes: information dictionary
 * and XMP from `description`, sRGB output intent, the Factur-X XML when
 * given, trailer ID from the content hash.
 */
export async function savePdfa(
  frame: PdfaFrame,
  assets: PdfAssets,
  description: PdfaDescription,
  facturXml?: string,
): Promise<Uint8Array> {
  const { doc } = frame;
  const { context, catalog } = doc;
  const when = dateOf(description.date);
  doc.setTitle(description.title, { showInWindowTitleBar: true });
  doc.setAuthor(description.author);
  doc.setSubject(description.subject);
  doc.setCreator("Acompte");
  doc.setProducer(PRODUCER);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  doc.setLanguage("fr-FR");

  const metadata = context.register(
    context.stream(new TextEncoder().encode(xmp(description, facturXml !== undefined)), {
      Type: "Metadata",
      Subtype: "XML",
    }),
  );
  catalog.set(PDFName.of("Metadata"), metadata);

  const profile = context.register(context.flateStream(assets.srgbIcc, { N: 3 }));
  const intent = context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
    Info: PDFString.of("sRGB IEC61966-2.1"),
    DestOutputProfile: profile,
  });
  catalog.set(PDFName.of("OutputIntents"), context.obj([intent]));

  if (facturXml !== undefined) embedFacturX(doc, facturXml, description.date);

  const id = PDFHexString.of(description.contentHash.slice(0, 32).toUpperCase());
  context.trailerInfo.ID = PDFArray.withContext(context);
  (context.trailerInfo.ID as PDFArray).push(id);
  (context.trailerInfo.ID as PDFArray).push(id);
  return doc.save({ useObjectStreams: false });
}
