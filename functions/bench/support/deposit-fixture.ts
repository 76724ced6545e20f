/**
 * The documents of the benches' seeded deposits: deposit `i` is a
 * 3 600,00 € HT goods deposit (20 % VAT) of customer `Client i SARL`,
 * invoiced and cashed on 15/01/2026, with its bank entry. One source, so
 * the benches that seed deposits (sheets, integrity) write the same ones.
 */
import type { InvoiceContent } from "../../src/model/invoice";
import type { JournalEntryContent } from "../../src/model/journal-entry";

export const pad = (n: number) => String(n).padStart(6, "0");

export const DEPOSIT_LINE = { vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" };
export const DEPOSIT_TOTAL = { net: "3600.00", vat: "720.00", gross: "4320.00" };

export function benchCustomer(i: number) {
  return { name: `Client ${i} SARL`, kind: "b2b" as const, siren: String(300000000 + i) };
}

/** The deposit invoice FA-2026-<i>. */
export function depositInvoiceContent(i: number, orderRef: string): InvoiceContent {
  return {
    type: "deposit",
    typeCode: "386",
    number: `FA-2026-${pad(i)}`,
    date: "2026-01-15",
    seller: { name: "Bench SA", siren: "552100554" },
    customer: benchCustomer(i),
    orderRef,
    lines: [DEPOSIT_LINE],
    total: DEPOSIT_TOTAL,
    paymentDate: "2026-01-15",
    depositKind: "acompte",
    supplyKind: "goods",
  };
}

/** The bank entry EC-2026-<i> of the deposit `depositId` cashed under invoice `invoiceNumber`. */
export function depositCashedEntry(i: number, invoiceNumber: string, depositId: string): JournalEntryContent {
  return {
    kind: "deposit_cashed",
    journal: "BQ",
    date: "2026-01-15",
    pieceRef: invoiceNumber,
    label: `Acompte ${invoiceNumber}`,
    number: `EC-2026-${pad(i)}`,
    source: { kind: "deposit", id: depositId },
    lines: [
      { account: "512", label: "Banque", debit: "4320.00", credit: "0.00" },
      { account: "4191", label: "Acomptes reçus", debit: "0.00", credit: "3600.00" },
      { account: "44571", label: "TVA collectée", debit: "0.00", credit: "720.00" },
    ],
  } as JournalEntryContent;
}
