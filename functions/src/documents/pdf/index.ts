/** The documents' PDFs: Factur-X invoices and credit notes, the refund statement (docs/einvoice.md). */
export { pdfAssets, THIRD_PARTY, type PdfAssets } from "./assets";
export {
  ciiOf,
  LATEST_FACTUR_X_EDITION,
  renderFacturX,
  type FacturXContent,
  type FacturXEdition,
  type FacturXOptions,
  type RenderedFacturX,
  type RenderedPdf,
} from "./factur-x-pdf";
export { FACTUR_X_FILE_NAME, FACTUR_X_RELATIONSHIP } from "./pdfa";
export { REFUND_STATEMENT_TITLE, renderRefundStatement, type RefundStatement } from "./refund-statement-pdf";
