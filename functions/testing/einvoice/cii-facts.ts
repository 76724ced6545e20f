/**
 * What a CII invoice states, read back with XPath (SaxonJS) so that tests
 * compare the XML's figures with the sealed document's rather than trust
 * the builder that wrote them.
 */
const NS = {
  rsm: "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
  ram: "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  udt: "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
  qdt: "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
};

interface Saxon {
  getResource(options: { text: string; type: "xml" }): Promise<unknown>;
  XPath: { evaluate(xpath: string, context: unknown, options: object): unknown };
}

export interface CiiFacts {
  typeCode: string;
  number: string;
  /** Header VAT breakdown (BG-23): rate ("" when none is written), basis, VAT. */
  vat: { vatRate: string; basis: string; vat: string }[];
  categories: string[];
  totals: { net: string; vat: string; gross: string; prepaid: string; due: string };
  sellerLegalId?: { id: string; scheme: string };
  sellerVatId?: string;
  sellerMentions?: string;
  buyerLegalId?: { id: string; scheme: string };
  buyerVatId?: string;
  buyerAddress: Record<string, string>;
  notes: { subject: string; text: string }[];
  preceding?: { number: string; date: string };
  supportingDocuments: string[];
  dueDate?: string;
  iban?: string;
  /** BG-16: the payment means code (BT-81) and the payee's BIC (BT-86). */
  paymentMeansCode?: string;
  bic?: string;
  /** BT-20. */
  paymentTerms?: string;
  /** BG-10: the payee's name (BT-59), when it is not the seller. */
  payee?: string;
}

export async function ciiFacts(xml: string): Promise<CiiFacts> {
  // SaxonJS ships no types: the little used here is typed by hand.
  const SaxonJS = require("saxon-js") as Saxon;
  const doc = await SaxonJS.getResource({ text: xml, type: "xml" });
  const all = (xpath: string): string[] =>
    (SaxonJS.XPath.evaluate(`for $n in ${xpath} return string($n)`, doc, {
      namespaceContext: NS,
      resultForm: "array",
    }) as string[]) ?? [];
  const one = (xpath: string): string | undefined => all(xpath)[0];
  const tx = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction";
  const agreement = `${tx}/ram:ApplicableHeaderTradeAgreement`;
  const settlement = `${tx}/ram:ApplicableHeaderTradeSettlement`;
  const sum = `${settlement}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`;
  const legalId = (party: string) => {
    const id = one(`${agreement}/ram:${party}/ram:SpecifiedLegalOrganization/ram:ID`);
    const scheme = one(`${agreement}/ram:${party}/ram:SpecifiedLegalOrganization/ram:ID/@schemeID`);
    return id === undefined ? undefined : { id, scheme: scheme ?? "" };
  };
  const taxes = all(`count(${settlement}/ram:ApplicableTradeTax)`).map(Number)[0] ?? 0;
  const precedingNumber = one(`${settlement}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID`);
  const buyerAddress: Record<string, string> = {};
  for (const [key, element] of [
    ["line1", "LineOne"],
    ["line2", "LineTwo"],
    ["postcode", "PostcodeCode"],
    ["city", "CityName"],
    ["country", "CountryID"],
  ]) {
    const value = one(`${agreement}/ram:BuyerTradeParty/ram:PostalTradeAddress/ram:${element}`);
    if (value !== undefined) buyerAddress[key] = value;
  }
  return {
    typeCode: one("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode") ?? "",
    number: one("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID") ?? "",
    vat: Array.from({ length: taxes }, (_, i) => {
      const tax = `${settlement}/ram:ApplicableTradeTax[${i + 1}]`;
      return {
        vatRate: one(`${tax}/ram:RateApplicablePercent`) ?? "",
        basis: one(`${tax}/ram:BasisAmount`) ?? "",
        vat: one(`${tax}/ram:CalculatedAmount`) ?? "",
      };
    }),
    categories: all(`${settlement}/ram:ApplicableTradeTax/ram:CategoryCode`),
    totals: {
      net: one(`${sum}/ram:TaxBasisTotalAmount`) ?? "",
      vat: one(`${sum}/ram:TaxTotalAmount`) ?? "",
      gross: one(`${sum}/ram:GrandTotalAmount`) ?? "",
      prepaid: one(`${sum}/ram:TotalPrepaidAmount`) ?? "",
      due: one(`${sum}/ram:DuePayableAmount`) ?? "",
    },
    sellerLegalId: legalId("SellerTradeParty"),
    sellerVatId: one(`${agreement}/ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']`),
    sellerMentions: one(`${agreement}/ram:SellerTradeParty/ram:Description`),
    buyerLegalId: legalId("BuyerTradeParty"),
    buyerVatId: one(`${agreement}/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']`),
    buyerAddress,
    notes: Array.from(
      { length: Number(one("count(/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote)") ?? 0) },
      (_, i) => {
        const note = `/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote[${i + 1}]`;
        return { subject: one(`${note}/ram:SubjectCode`) ?? "", text: one(`${note}/ram:Content`) ?? "" };
      },
    ),
    preceding:
      precedingNumber === undefined
        ? undefined
        : {
            number: precedingNumber,
            date:
              one(`${settlement}/ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString`) ?? "",
          },
    supportingDocuments: all(`${agreement}/ram:AdditionalReferencedDocument[ram:TypeCode='916']/ram:IssuerAssignedID`),
    dueDate: one(`${settlement}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString`),
    iban: one(
      `${settlement}/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID`,
    ),
    paymentMeansCode: one(`${settlement}/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode`),
    bic: one(
      `${settlement}/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID`,
    ),
    paymentTerms: one(`${settlement}/ram:SpecifiedTradePaymentTerms/ram:Description`),
    payee: one(`${settlement}/ram:PayeeTradeParty/ram:Name`),
  };
}
