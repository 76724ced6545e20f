/**
 * The Factur-X XML (`factur-x.xml`, profile EN 16931) of a CiiInvoice: the
 * UN/CEFACT Cross Industry Invoice D16B syntax, elements in the order its
 * schema requires. Pure and deterministic: the same document always gives
 * the same bytes, so its SHA-256 can be sealed and the download compared.
 */
import { escapeXml } from "../bank/xml-text";
import type { CiiInvoice, CiiParty } from "./cii-invoice";

/** BT-24: the EN 16931 core, which Factur-X's EN 16931 profile declares. */
export const EN16931_GUIDELINE = "urn:cen.eu:en16931:2017";

const NAMESPACES = [
  'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"',
  'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"',
  'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"',
  'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"',
].join(" ");

/** An element with escaped text, or nothing when the value is absent. */
function el(name: string, value: string | undefined, attributes = ""): string {
  return value === undefined || value === "" ? "" : `<${name}${attributes}>${escapeXml(value)}</${name}>`;
}

/** YYYY-MM-DD → the CII's format 102 (YYYYMMDD). */
function date102(day: string): string {
  return day.replace(/-/g, "");
}

function dateTime(name: string, day: string): string {
  return `<${name}><udt:DateTimeString format="102">${date102(day)}</udt:DateTimeString></${name}>`;
}

function party(tag: string, p: CiiParty): string {
  const a = p.address;
  return [
    `<ram:${tag}>`,
    el("ram:Name", p.name),
    el("ram:Description", p.legalMentions),
    p.siren
      ? `<ram:SpecifiedLegalOrganization>${el("ram:ID", p.siren, ' schemeID="0002"')}</ram:SpecifiedLegalOrganization>`
      : "",
    "<ram:PostalTradeAddress>",
    el("ram:PostcodeCode", a.postcode),
    el("ram:LineOne", a.line1),
    el("ram:LineTwo", a.line2),
    el("ram:LineThree", a.line3),
    el("ram:CityName", a.city),
    el("ram:CountryID", a.country),
    "</ram:PostalTradeAddress>",
    p.electronicAddress
      ? `<ram:URIUniversalCommunication>${el("ram:URIID", p.electronicAddress, ' schemeID="0225"')}</ram:URIUniversalCommunication>`
      : "",
    p.vatNumber
      ? `<ram:SpecifiedTaxRegistration>${el("ram:ID", p.vatNumber, ' schemeID="VA"')}</ram:SpecifiedTaxRegistration>`
      : "",
    `</ram:${tag}>`,
  ].join("");
}

function lineItem(line: CiiInvoice["lines"][number]): string {
  return [
    "<ram:IncludedSupplyChainTradeLineItem>",
    `<ram:AssociatedDocumentLineDocument>${el("ram:LineID", line.id)}</ram:AssociatedDocumentLineDocument>`,
    `<ram:SpecifiedTradeProduct>${el("ram:Name", line.name)}</ram:SpecifiedTradeProduct>`,
    `<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice>${el("ram:ChargeAmount", line.net)}</ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>`,
    '<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>',
    "<ram:SpecifiedLineTradeSettlement>",
    "<ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>",
    el("ram:CategoryCode", line.category),
    // Not subject to VAT: no rate at all (BR-O-05).
    line.category === "O" ? "" : el("ram:RateApplicablePercent", line.vatRate),
    "</ram:ApplicableTradeTax>",
    `<ram:SpecifiedTradeSettlementLineMonetarySummation>${el("ram:LineTotalAmount", line.net)}</ram:SpecifiedTradeSettlementLineMonetarySummation>`,
    "</ram:SpecifiedLineTradeSettlement>",
    "</ram:IncludedSupplyChainTradeLineItem>",
  ].join("");
}

function vatBreakdown(v: CiiInvoice["vat"][number]): string {
  return [
    "<ram:ApplicableTradeTax>",
    el("ram:CalculatedAmount", v.vat),
    "<ram:TypeCode>VAT</ram:TypeCode>",
    el("ram:ExemptionReason", v.exemptionReason),
    el("ram:BasisAmount", v.basis),
    el("ram:CategoryCode", v.category),
    el("ram:ExemptionReasonCode", v.exemptionCode),
    el("ram:RateApplicablePercent", v.category === "O" ? undefined : v.vatRate),
    "</ram:ApplicableTradeTax>",
  ].join("");
}

function referencedDocument(tag: string, number: string, day: string): string {
  return [
    `<ram:${tag}>`,
    el("ram:IssuerAssignedID", number),
    `<ram:FormattedIssueDateTime><qdt:DateTimeString format="102">${date102(day)}</qdt:DateTimeString></ram:FormattedIssueDateTime>`,
    `</ram:${tag}>`,
  ].join("");
}

/**
 * The CII XML of `doc`, UTF-8, one element per line for people who read it.
 *
 * @example
 * ciiXml(depositInvoiceCii(content, seller)); // → '<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice …'
 */
export function ciiXml(doc: CiiInvoice): string {
  const settlement = [
    "<ram:ApplicableHeaderTradeSettlement>",
    "<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>",
    // The schema puts the payee after the currency and before the payment means.
    doc.payee ? `<ram:PayeeTradeParty>${el("ram:Name", doc.payee.name)}</ram:PayeeTradeParty>` : "",
    doc.creditTransfer
      ? [
          "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode>",
          `<ram:PayeePartyCreditorFinancialAccount>${el("ram:IBANID", doc.creditTransfer.iban)}</ram:PayeePartyCreditorFinancialAccount>`,
          doc.creditTransfer.bic
            ? `<ram:PayeeSpecifiedCreditorFinancialInstitution>${el("ram:BICID", doc.creditTransfer.bic)}</ram:PayeeSpecifiedCreditorFinancialInstitution>`
            : "",
          "</ram:SpecifiedTradeSettlementPaymentMeans>",
        ].join("")
      : "",
    ...doc.vat.map(vatBreakdown),
    doc.paymentTerms !== undefined || doc.dueDate !== undefined
      ? [
          "<ram:SpecifiedTradePaymentTerms>",
          el("ram:Description", doc.paymentTerms),
          doc.dueDate ? dateTime("ram:DueDateDateTime", doc.dueDate) : "",
          "</ram:SpecifiedTradePaymentTerms>",
        ].join("")
      : "",
    "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
    el("ram:LineTotalAmount", doc.totals.net),
    el("ram:TaxBasisTotalAmount", doc.totals.net),
    el("ram:TaxTotalAmount", doc.totals.vat, ' currencyID="EUR"'),
    el("ram:GrandTotalAmount", doc.totals.gross),
    el("ram:TotalPrepaidAmount", doc.prepaid),
    el("ram:DuePayableAmount", doc.duePayable),
    "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
    doc.precedingInvoice
      ? referencedDocument("InvoiceReferencedDocument", doc.precedingInvoice.number, doc.precedingInvoice.date)
      : "",
    "</ram:ApplicableHeaderTradeSettlement>",
  ];
  const body = [
    `<rsm:CrossIndustryInvoice ${NAMESPACES}>`,
    "<rsm:ExchangedDocumentContext>",
    `<ram:GuidelineSpecifiedDocumentContextParameter>${el("ram:ID", EN16931_GUIDELINE)}</ram:GuidelineSpecifiedDocumentContextParameter>`,
    "</rsm:ExchangedDocumentContext>",
    "<rsm:ExchangedDocument>",
    el("ram:ID", doc.number),
    el("ram:TypeCode", doc.typeCode),
    dateTime("ram:IssueDateTime", doc.issueDate),
    ...doc.notes.map(
      (n) => `<ram:IncludedNote>${el("ram:Content", n.text)}${el("ram:SubjectCode", n.subject)}</ram:IncludedNote>`,
    ),
    "</rsm:ExchangedDocument>",
    "<rsm:SupplyChainTradeTransaction>",
    ...doc.lines.map(lineItem),
    "<ram:ApplicableHeaderTradeAgreement>",
    party("SellerTradeParty", doc.seller),
    party("BuyerTradeParty", doc.buyer),
    doc.orderRef
      ? `<ram:BuyerOrderReferencedDocument>${el("ram:IssuerAssignedID", doc.orderRef)}</ram:BuyerOrderReferencedDocument>`
      : "",
    ...doc.supportingDocuments.map(
      (d) =>
        `<ram:AdditionalReferencedDocument>${el("ram:IssuerAssignedID", d.id)}<ram:TypeCode>916</ram:TypeCode></ram:AdditionalReferencedDocument>`,
    ),
    "</ram:ApplicableHeaderTradeAgreement>",
    "<ram:ApplicableHeaderTradeDelivery/>",
    ...settlement,
    "</rsm:SupplyChainTradeTransaction>",
    "</rsm:CrossIndustryInvoice>",
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body.filter((s) => s !== "").join("\n")}\n`;
}
