/**
 * Full resync of a workbook at scale: 10,000 deposits (deposit invoice and
 * ledger entry each) and 10,000 refund requests, from the real Firestore
 * emulator into the local Sheets server. Prints the Sheets API calls by
 * method, the time, and the peak memory of the syncing process (a fresh
 * child run as deployed, so seeding does not count; goal ≤ 256 MiB), then
 * the same for a second resync where nothing changed.
 */
import { join } from "node:path";
import { Firestore, Timestamp } from "@google-cloud/firestore";
import { batchedWrites } from "./batched-writes";
import {
  benchCustomer,
  DEPOSIT_LINE,
  DEPOSIT_TOTAL,
  depositCashedEntry,
  depositInvoiceContent,
  pad,
} from "./support/deposit-fixture";
import { MAX_PAYLOAD_BYTES } from "../src/sheets/split-payload";
import type { DepositDoc } from "../src/model/deposit";
import type { InvoiceDoc } from "../src/model/invoice";
import type { JournalEntryDoc } from "../src/model/journal-entry";
import { customerTerms, type RefundDoc } from "../src/model/refund";
import { FUNCTION_HEAP_MB, runMeasuredChild } from "./support/measured-child";
import { withWorkbookStack } from "./support/workbook-stack";

const DEPOSITS = 10_000;
const COMPANY = "bench";
const WRITE_METHODS = [
  "spreadsheets.batchUpdate",
  "spreadsheets.values.batchUpdate",
  "spreadsheets.values.update",
  "spreadsheets.values.append",
];

async function seed(db: Firestore): Promise<void> {
  const c = `companies/${COMPANY}`;
  const ts = Timestamp.fromDate(new Date("2026-01-15T10:00:00Z"));
  const { put, done } = batchedWrites(db);
  await db.doc(c).set({ settings: { name: "Bench SA", siren: "552100554" }, spreadsheetIds: [] });
  // Ids as the workflow makes them (Firestore's 20-character auto ids): they fill column A and the references.
  const autoId = () => db.collection("_").doc().id;
  for (let i = 1; i <= DEPOSITS; i++) {
    const ids = { deposit: autoId(), invoice: autoId(), entry: autoId(), refund: autoId() };
    const number = `FA-2026-${pad(i)}`;
    const customer = benchCustomer(i);
    const deposit: DepositDoc = {
      customer,
      orderRef: `CMD-${pad(i)}`,
      kind: "acompte",
      supplyKind: "goods",
      lines: [DEPOSIT_LINE],
      total: DEPOSIT_TOTAL,
      gross: "4320.00",
      invoiceId: ids.invoice,
      invoiceNumber: number,
      invoiceDate: "2026-01-15",
      cashedDate: "2026-01-15",
      paymentMeans: "virement",
      vatDue: { basis: "cashing", date: "2026-01-15", period: "2026-01" },
      creditNotes: [],
      refundableBalance: "0.00",
      status: "open",
      journalEntryId: ids.entry,
      createdAt: ts,
      createdBy: "bench@acme.fr",
    };
    const invoice: InvoiceDoc = {
      content: depositInvoiceContent(i, deposit.orderRef),
      type: "deposit",
      number,
      gross: "4320.00",
      issuedOn: "2026-01-15",
      dueDate: "2026-01-15",
      openAmount: "0.00",
      paidOn: "2026-01-15",
      customerKey: `siren:${customer.siren}`,
      createdAt: ts,
      series: "invoice-2026",
      seq: i,
      prevHash: "",
      hash: "",
    };
    const entry: JournalEntryDoc = {
      content: depositCashedEntry(i, number, ids.deposit),
      number: `EC-2026-${pad(i)}`,
      date: "2026-01-15",
      createdAt: ts,
      series: "journal-2026",
      seq: i,
      prevHash: "",
      hash: "",
    };
    const refund: RefundDoc = {
      number: `RB-2026-${pad(i)}`,
      proposal: {
        source: { kind: "deposit", depositId: ids.deposit },
        scope: { kind: "full" },
        reason: "seller_cancels",
        schedule: { kind: "single" },
      },
      depositId: ids.deposit,
      depositNumber: number,
      orderRef: deposit.orderRef,
      customerTerms: customerTerms(customer.name),
      status: "submitted",
      grossAmount: "4320.00",
      customerName: customer.name,
      requestedBy: "rachel@acme.fr",
      requestedOn: "2026-03-10",
      // The sync never reads the stored quote; a stand-in keeps the document's size realistic.
      quote: {
        creditNote: { lines: [DEPOSIT_LINE], total: DEPOSIT_TOTAL },
        compensation: [],
        settlement: { paidOut: "4320.00", offset: [], keptAsCredit: "0.00" },
        schedule: [],
        total: "4320.00",
      } as unknown as RefundDoc["quote"],
      createdAt: ts,
      awaiting: ["sales_approver", "accounting_approver"],
      pendingApprovers: [],
      waitingStep: "sales_approver",
      waitingSinceDay: "2026-03-10",
      approvals: [],
      creditNoteId: null,
      creditNoteNumber: null,
      approvedOn: null,
      paidOn: null,
      consumerRefundDeadline: null,
      lateRefundScale: null,
      updatedAt: ts,
    };
    await put(`${c}/deposits/${ids.deposit}`, deposit);
    await put(`${c}/invoices/${ids.invoice}`, invoice);
    await put(`${c}/journalEntries/${ids.entry}`, entry);
    await put(`${c}/refunds/${ids.refund}`, refund);
  }
  await done();
}

interface SyncMeasure {
  ms: number;
  peakRss: number;
  peakHeap: number;
  startRss: number;
  valueCallBytes: number[];
  sheetBytes: Record<string, number>;
  result: unknown;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export default async function bench(): Promise<void> {
  await withWorkbookStack(
    "demo-sheets-bench",
    seed,
    async ({ emulator, sheetsServer, gateway, spreadsheetId, childEnv: env, seededSeconds }) => {
      console.log(`seeded ${DEPOSITS} deposits, invoices, ledger entries and refund requests in ${seededSeconds} s`);
      for (const label of ["full resync (empty sheets)", "resync, nothing changed"]) {
        sheetsServer.resetCalls();
        const run = await runMeasuredChild<SyncMeasure>(
          join(__dirname, "sheets-sync.child.ts"),
          [emulator.projectId, COMPANY, spreadsheetId],
          env,
        );
        const calls = sheetsServer.calls();
        const writes = WRITE_METHODS.reduce((t, m) => t + (calls[m] ?? 0), 0);
        console.log(
          `${label}: ${(run.ms / 1000).toFixed(2)} s, peak RSS ${mib(run.peakRss)} (goal ≤ 256 MiB, heap limited to ${FUNCTION_HEAP_MB} MiB as deployed; ${mib(run.startRss)} before the sync), peak heap ${mib(run.peakHeap)}`,
        );
        console.log(`  Sheets API calls: ${JSON.stringify(calls)} → ${writes} write call(s)`);
        if (run.valueCallBytes.length)
          console.log(
            `  values.batchUpdate bodies: ${run.valueCallBytes.map((b) => `${(b / 1e6).toFixed(2)} MB`).join(", ")} (split past ${MAX_PAYLOAD_BYTES / 1e6} MB)`,
          );
        if (Object.keys(run.sheetBytes).length)
          console.log(
            `  by sheet: ${Object.entries(run.sheetBytes)
              .map(([sheet, b]) => `${sheet} ${(b / 1e6).toFixed(2)} MB`)
              .join(", ")}`,
          );
        console.log(`  ${JSON.stringify(run.result)}`);
      }
      const [acomptes] = await gateway.readValues(spreadsheetId, ["'Acomptes'!A:A"]);
      console.log(`Acomptes rows after both syncs: ${acomptes.length - 1} (expected ${DEPOSITS})`);
    },
  );
}
