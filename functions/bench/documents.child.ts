/**
 * The measured part of the documents bench, in a fresh process with the
 * functions' V8 flags: 1,000 credit notes on a deposit at 20 / 10 / 5.5 %,
 * each a different partial refund, rendered one after the other as the
 * issuing pipeline does (Factur-X PDF/A-3B with its XML). Prints one JSON
 * line: the time of each document and the peak memory.
 */
import { creditNoteContent, depositInvoice, quoteRefund } from "../src/domain";
import { documentSeller } from "../src/workflow/company-settings";
import { MENUISERIE } from "../dev/demo-data/companies";
import { pdfAssets, renderFacturX } from "../src/documents/pdf";
import { sampleMemory } from "./support/sample-memory";

const [thirdParty, countArg] = process.argv.slice(2);
const COUNT = Number(countArg);

// The demo company's legal identity, as the issuing pipeline reads it from the settings.
const SELLER = documentSeller(MENUISERIE.settings);
const CUSTOMER = {
  name: "Garage Dupuis SAS",
  kind: "b2b" as const,
  siren: "552081317",
  vatNumber: "FR03552081317",
  address: "4 avenue Foch\n75016 Paris",
};

async function main(): Promise<void> {
  const deposit = depositInvoice({
    supplyKind: "goods",
    customerKind: "b2b",
    invoiceDate: "2026-01-15",
    cashedDate: "2026-01-15",
    order: {
      lines: [
        { vatRate: "20", net: "8000.00" },
        { vatRate: "10", net: "2500.00" },
        { vatRate: "5.5", net: "1333.33" },
      ],
    },
    deposit: { percent: "30" },
  });
  // Built one at a time, as the approvals issue them: the batch holds one document at a time.
  const noteOf = (i: number) => {
    const quote = quoteRefund({
      deposit: {
        number: "FA2026-0041",
        date: "2026-01-15",
        paidDate: "2026-01-15",
        kind: "acompte",
        customerKind: "b2b",
        supplyKind: "goods",
        lines: deposit.lines.map(({ vatRate, net, vat }) => ({ vatRate, net, vat })),
      },
      reason: "customer_cancels",
      scope: { kind: "amount", amount: `${100 + (i % 3000)}.00` },
      approvalDate: "2026-02-16",
      schedule: { kind: "single", date: "2026-02-16" },
    });
    return creditNoteContent({
      number: `AV2026-${String(i + 1).padStart(5, "0")}`,
      date: "2026-02-16",
      seller: { name: SELLER.name, siren: SELLER.siren },
      customer: CUSTOMER,
      invoice: { id: "inv-1", number: "FA2026-0041", date: "2026-01-15" },
      quote,
      refundId: `refund-${i}`,
      depositId: "deposit-1",
    });
  };
  const assets = pdfAssets(thirdParty);
  const baselineRss = process.memoryUsage().rss;
  noteOf(0);
  const memory = sampleMemory();
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const note = noteOf(i);
    const t = performance.now();
    const rendered = await renderFacturX(note, SELLER, assets);
    times.push(performance.now() - t);
    bytes += rendered.pdf.length;
  }
  const totalMs = performance.now() - started;
  const peaks = memory.stop();
  console.log(JSON.stringify({ times, totalMs, bytes, baselineRss, ...peaks }));
}

void main();
