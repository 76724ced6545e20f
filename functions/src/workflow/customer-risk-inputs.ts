/**
 * One customer's RiskInputs read from Firestore: its invoices by its keys
 * (`customerKey` is a top-level copy on every invoice), what settled them,
 * their dunning state and letters, and its open deposits (orders in progress
 * and deposits held). Deposit invoices are issued paid: they only lead to
 * the deposits.
 */
import type { RiskInputs } from "../domain";
import { ordersInProgress } from "../domain/customers/orders-in-progress";
import { DEPOSITS, INVOICES } from "../model/collections";
import type { CustomerDoc } from "../model/customer";
import type { DepositDoc } from "../model/deposit";
import type { InvoiceDoc } from "../model/invoice";
import type { DocReader } from "../storage/doc-reader";
import { inChunks, invoiceSettlements } from "./invoice-settlements";

async function inQuery<T>(reader: DocReader, collection: string, field: string, values: readonly string[]) {
  const found = await Promise.all(
    inChunks(values).map((chunk) => reader.query<T>(reader.collection(collection).where(field, "in", chunk))),
  );
  return found.flat();
}

export async function loadRiskInputs(
  reader: DocReader,
  customer: Pick<CustomerDoc, "keys" | "creditLimit" | "insurance">,
  asOf: string,
): Promise<RiskInputs> {
  const invoices = await inQuery<InvoiceDoc>(reader, INVOICES, "customerKey", customer.keys);
  const receivables = invoices.filter((i) => i.data.type !== "deposit");
  const depositInvoices = invoices.filter((i) => i.data.type === "deposit").map((i) => i.id);
  const [settled, deposits] = await Promise.all([
    invoiceSettlements(reader, receivables),
    inQuery<DepositDoc>(reader, DEPOSITS, "invoiceId", depositInvoices),
  ]);
  const held = ordersInProgress(
    deposits.map(({ data: d }) => ({
      status: d.status,
      net: d.total.net,
      gross: d.gross,
      orderNet: d.order?.net ?? null,
      refundableBalance: d.refundableBalance,
    })),
  );
  return {
    asOf,
    invoices: receivables.map(({ id, data }) => ({
      invoiceId: id,
      number: data.number,
      issuedOn: data.issuedOn,
      dueDate: data.dueDate,
      gross: data.gross,
      openAmount: data.openAmount,
      payments: settled
        .get(id)!
        .map((s) => ({ on: s.date, amount: s.amount }))
        .sort((a, b) => a.on.localeCompare(b.on)),
      disputed: data.dunning?.disputed ?? false,
      promiseUntil: data.dunning?.promiseUntil ?? null,
      dunningLevel: data.lastDunningLetter?.level ?? 0,
    })),
    ...held,
    creditLimit: customer.creditLimit ?? null,
    insuredLimit: customer.insurance?.limit ?? null,
  };
}
