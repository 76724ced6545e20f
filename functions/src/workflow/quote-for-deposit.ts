import { RefundQuote, money, outstandingAfterRequests, quoteRefund } from "../domain";
import { DEPOSITS, INVOICES, REFUNDS } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import { invoiceCopies, type InvoiceDoc } from "../model/invoice";
import { AWAITING_APPROVAL, RefundDoc } from "../model/refund";
import { conflict, notFound } from "../errors/api-error";
import type { DocReader } from "../storage/doc-reader";
import type { RefundBody } from "./bodies/refund-body";
import { customerKey } from "../model/amounts";
import { companyLegalRates } from "./company-legal-rates";
import { refuseOffsetOnFactored } from "./factored-invoice";

export interface DepositQuote {
  depositId: string;
  deposit: DepositDoc;
  quote: RefundQuote;
}

/**
 * The engine's quote for a proposed refund of a stored deposit: credit notes
 * already issued and requests still in flight are deducted from the balance,
 * the customer's open final invoices are offered for offsetting, less what
 * the customer's other requests awaiting approval already offset on them —
 * except those assigned to a factor (refuseOffsetOnFactored), which a
 * chosen offset may not name either.
 */
export async function quoteForDeposit(reader: DocReader, body: RefundBody, today: string): Promise<DepositQuote> {
  const depositId = body.depositId as string;
  const deposit = await reader.get<DepositDoc>(reader.collection(DEPOSITS).doc(depositId));
  if (!deposit) throw notFound(`Acompte introuvable : ${depositId}.`);
  if (deposit.status === "applied") {
    throw conflict(
      "DEPOSIT_APPLIED",
      `L'acompte ${deposit.invoiceNumber} a été déduit de la facture ${deposit.appliedBy?.number ?? ""} : il ne peut plus être remboursé en tant que tel.`,
    );
  }
  const key = customerKey(deposit.customer);
  const [inFlight, invoices, rates, customerInFlight] = await Promise.all([
    reader.query<RefundDoc>(
      reader
        .collection(REFUNDS)
        .where("depositId", "==", depositId)
        .where("status", "in", [...AWAITING_APPROVAL]),
    ),
    reader.query<InvoiceDoc>(reader.collection(INVOICES).where("customerKey", "==", key).where("type", "==", "final")),
    companyLegalRates(reader),
    reader.query<RefundDoc>(
      reader
        .collection(REFUNDS)
        .where("customerKey", "==", key)
        .where("status", "in", [...AWAITING_APPROVAL]),
    ),
  ]);
  for (const offset of body.settlement?.offsets ?? []) {
    const named = invoices.find((i) => i.data.content.number === offset.invoiceNumber);
    if (named) refuseOffsetOnFactored(named.data);
  }
  const quote = quoteRefund(
    {
      deposit: {
        number: deposit.invoiceNumber,
        date: deposit.invoiceDate,
        paidDate: deposit.cashedDate,
        kind: deposit.kind,
        customerKind: deposit.customer.kind,
        supplyKind: deposit.supplyKind,
        lines: deposit.lines,
      },
      issuedRefunds: deposit.creditNotes.map((c) => ({ lines: c.lines })),
      refundsInFlight: inFlight.map((r) => ({
        lines: r.data.quote.creditNote.lines.map(({ vatRate, net, vat }) => ({ vatRate, net, vat })),
      })),
      reason: body.reason,
      scope: body.scope,
      approvalDate: today,
      terminationDate: body.terminationDate,
      settlement: body.settlement,
      openInvoices: outstandingAfterRequests(
        invoices
          .filter((i) => !money(i.data.openAmount).isZero() && !i.data.content.factoring)
          .map((i) => {
            const sealed = invoiceCopies(i.data.content);
            return { number: sealed.number, dueDate: sealed.dueDate, outstanding: i.data.openAmount };
          }),
        customerInFlight.map((r) => r.data.quote.settlement.offset),
      ),
      schedule: body.schedule,
    },
    rates,
  );
  return { depositId, deposit, quote };
}
