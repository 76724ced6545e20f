/**
 * The measured part of the bank-matching bench, in its own process: builds
 * the open items (as the import would load them), then streams a generated
 * camt.053 statement through the reader and matches every entry. Prints one
 * JSON line: times, counts by status and memory peaks.
 *   node bank-matching.child.js <entries> <openItems>
 */
import { composeIBAN } from "ibantools";
import { Camt053Reader } from "../src/bank/camt053";
import { StatementMatcher, type MatchStatus } from "../src/domain/bank/matching";
import type { OpenInvoice, SentInstalment } from "../src/domain/bank/open-items";
import { camtStatementChunks, type FakeEntry } from "../testing/bank/camt-statement";
import { sampleMemory } from "./support/sample-memory";

const ACCOUNT = "FR7630006000011234567890189";
const pad = (n: number, width = 6) => String(n).padStart(width, "0");
const iban = (n: number) => composeIBAN({ countryCode: "DE", bban: `37040044${pad(n, 10)}` })!;
const cents = (n: number) => `${100 + (n % 9000)}.${pad(n % 100, 2)}`;

function openItems(count: number): { invoices: OpenInvoice[]; instalments: SentInstalment[] } {
  const customers = Math.max(1, Math.floor(count / 5));
  const invoices: OpenInvoice[] = [];
  const instalments: SentInstalment[] = [];
  for (let i = 1; i <= count; i++) {
    const customer = i % customers;
    if (i % 10 === 0)
      instalments.push({
        id: `R${i}-1`,
        refundNumber: `AV-2026-${pad(i)}`,
        index: 1,
        count: 1,
        amount: cents(i),
        creditorName: `Client ${customer} SARL`,
        creditorIban: iban(customer),
      });
    else
      invoices.push({
        kind: i % 7 === 0 ? "final_invoice" : i % 11 === 0 ? "external_invoice" : "deposit_invoice",
        id: `I${i}`,
        number: `FA-2026-${pad(i)}`,
        creditorReference: i % 3 === 0 ? `RF${pad(i, 8)}` : undefined,
        openAmount: cents(i),
        customerName: `Client ${customer} SARL`,
        customerIbans: [iban(customer)],
        dueDate: `2026-${pad(1 + (i % 12), 2)}-15`,
      });
  }
  return { invoices, instalments };
}

/** A mix of what a statement holds: referenced payments, payments without reference, our refunds, partials, unknowns. */
function* entries(count: number, items: number): Generator<FakeEntry> {
  const customers = Math.max(1, Math.floor(items / 5));
  for (let n = 1; n <= count; n++) {
    const i = 1 + ((n * 7919) % items);
    const customer = i % customers;
    const base = { ref: `BQ-${pad(n, 8)}`, bookingDate: "2026-12-01" };
    const kind = n % 20;
    if (i % 10 === 0)
      yield {
        ...base,
        direction: "debit",
        amount: cents(i),
        endToEndId: `ACP-R${i}-1`,
        counterpartyName: `Client ${customer}`,
        counterpartyIban: iban(customer),
      };
    else if (kind < 8)
      yield {
        ...base,
        direction: "credit",
        amount: cents(i),
        remittance: [`Facture FA-2026-${pad(i)}`],
        counterpartyName: `CLIENT ${customer}`,
      };
    else if (kind < 12 && i % 3 === 0)
      yield { ...base, direction: "credit", amount: cents(i), creditorReference: `RF${pad(i, 8)}` };
    else if (kind < 16)
      yield {
        ...base,
        direction: "credit",
        amount: cents(i),
        counterpartyName: `Client ${customer} SARL`,
        counterpartyIban: iban(customer),
      };
    else if (kind < 18)
      yield { ...base, direction: "credit", amount: "50.00", remittance: [`Acompte partiel FA-2026-${pad(i)}`] };
    else
      yield {
        ...base,
        direction: "credit",
        amount: "12.34",
        remittance: ["Loyer decembre"],
        counterpartyName: "Inconnu",
      };
  }
}

async function main(entryCount: number, itemCount: number): Promise<void> {
  const memory = sampleMemory();
  const building = performance.now();
  const items = openItems(itemCount);
  const generatedMs = performance.now() - building;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const matcher = new StatementMatcher(items);
  const indexedMs = performance.now() - started;
  const byStatus: Record<MatchStatus, number> = { matched: 0, to_review: 0, unknown: 0, duplicate: 0 };
  let bytes = 0;
  const reader = new Camt053Reader({
    onEntry: (entry) => byStatus[matcher.match(entry).status]++,
    maxBytes: 64 * 1024 * 1024,
  });
  for (const chunk of camtStatementChunks({ id: "BENCH", iban: ACCOUNT, entries: entries(entryCount, itemCount) })) {
    bytes += Buffer.byteLength(chunk);
    reader.write(chunk);
  }
  reader.end();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    JSON.stringify({
      ms,
      cpuMs,
      indexedMs,
      generatedMs,
      bytes,
      invoices: items.invoices.length,
      instalments: items.instalments.length,
      byStatus,
      ...memory.stop(),
    }),
  );
}

main(Number(process.argv[2]), Number(process.argv[3])).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
