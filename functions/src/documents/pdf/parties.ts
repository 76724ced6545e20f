/**
 * The head of every document: the seller's identity on the left (CGI annex II
 * art. 242 nonies A, Code de commerce R123-237), the title, number and dates
 * on the right, then the customer's block.
 */
import { addressParts, type DocumentSeller } from "../../domain/einvoice/factur-x-content";
import { sellerLegalMentions, spacedSiren } from "../../domain/einvoice/french-mentions";
import type { DocumentCustomer } from "../../domain/refunds/credit-note-content";
import { CONTENT_WIDTH, type PageFlow, type TextStyle } from "./layout";

type Lines = { text: string; style?: TextStyle }[];

export function sellerLines(seller: DocumentSeller): Lines {
  const a = seller.address;
  return [
    { text: seller.name, style: { size: 13, bold: true } },
    ...(a
      ? [a.line1, a.line2, `${a.postcode} ${a.city}`, a.country !== "FR" ? a.country : undefined]
          .filter((l): l is string => l !== undefined && l !== "")
          .map((text) => ({ text }))
      : []),
    { text: sellerLegalMentions(seller, false) ?? "", style: { size: 8, muted: true } },
    ...(seller.vatNumber ? [{ text: `N° TVA intracommunautaire : ${seller.vatNumber}`, style: { size: 8 } }] : []),
  ];
}

/** The seller's legal line printed in every page's footer. */
export function footerText(seller: DocumentSeller, extra: string): string {
  const a = seller.address;
  const where = a ? ` – ${[a.line1, a.line2, `${a.postcode} ${a.city}`].filter(Boolean).join(", ")}` : "";
  return `${seller.name}${where} – ${sellerLegalMentions(seller, true) ?? ""}. ${extra}`;
}

export function customerLines(customer: DocumentCustomer): Lines {
  const address = addressParts(customer.address);
  const professional = customer.kind === "b2b";
  return [
    { text: professional ? "Client professionnel" : "Client", style: { size: 8, muted: true } },
    { text: customer.name, style: { size: 10, bold: true } },
    ...[address.line1, address.line2, address.line3, address.postcode ? `${address.postcode} ${address.city}` : ""]
      .filter((l): l is string => l !== undefined && l !== "")
      .map((text) => ({ text })),
    ...(professional && customer.siren ? [{ text: `SIREN : ${spacedSiren(customer.siren)}` }] : []),
    ...(customer.vatNumber ? [{ text: `N° TVA intracommunautaire : ${customer.vatNumber}` }] : []),
  ];
}

/** Seller left, title and references right, customer below the references; the flow continues under the lowest. */
export function documentHead(
  flow: PageFlow,
  seller: DocumentSeller,
  title: string,
  references: string[],
  customer: DocumentCustomer,
): void {
  const top = flow.cursor;
  const right = CONTENT_WIDTH * 0.55;
  const rightWidth = CONTENT_WIDTH - right;
  const left = flow.block(sellerLines(seller), 0, top, right - 20);
  const refs = flow.block(
    [{ text: title, style: { size: 16, bold: true } }, ...references.map((text) => ({ text }))],
    right,
    top,
    rightWidth,
  );
  const client = flow.block(customerLines(customer), right, top - refs - 14, rightWidth);
  flow.cursor = top - Math.max(left, refs + 14 + client) - 16;
  flow.rule();
}
