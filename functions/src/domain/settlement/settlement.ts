import { euros } from "../reminders/french-amount";
import { z } from "zod";
import { EngineRuleError } from "../errors/engine-error";
import { Money, ZERO, formatMoney, money, sumMoney } from "../money/money";
import { spendInOrder } from "./payment-allocation";
import { fieldProblem, parseInput } from "../validation/field-errors";
import {
  SettlementInput,
  openInvoiceSchema,
  settlementChoiceSchema,
  settlementInputSchema,
} from "../validation/refund-schema";

/** How a refund's total is settled: paid out, offset against open invoices, kept as credit. */
export interface Settlement {
  /** Paid back to the customer (by the schedule). */
  paidOut: string;
  /** Set against the customer's other open invoices (lettrage). */
  offset: { invoiceNumber: string; amount: string }[];
  /** Left on the customer's account for a later order. */
  keptAsCredit: string;
  /** True when the offsets were proposed by the engine rather than chosen. */
  proposed: boolean;
}

type OpenInvoice = z.output<typeof openInvoiceSchema>;
type Choice = z.output<typeof settlementChoiceSchema>;

/** Offsets proposed against open invoices, the oldest due first, until `amount` is used up. */
function proposeOffsets(amount: Money, openInvoices: OpenInvoice[]): { invoiceNumber: string; amount: Money }[] {
  const oldestFirst = [...openInvoices].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number),
  );
  const { used } = spendInOrder(
    amount,
    oldestFirst.map((i) => money(i.outstanding)),
  );
  return oldestFirst
    .map((invoice, k) => ({ invoiceNumber: invoice.number, amount: used[k] }))
    .filter((o) => !o.amount.isZero());
}

function chosenOffsets(
  choice: Choice,
  openInvoices: OpenInvoice[],
  prefix: string,
): { invoiceNumber: string; amount: Money }[] {
  const seen = new Set<string>();
  return (choice.offsets ?? []).map((o, i) => {
    const invoice = openInvoices.find((inv) => inv.number === o.invoiceNumber);
    const path = `${prefix}.offsets.${i}`;
    if (!invoice || seen.has(o.invoiceNumber)) {
      throw new EngineRuleError(
        "OFFSET_INVOICE_UNKNOWN",
        `La facture ${o.invoiceNumber} n'est pas une facture ouverte de ce client (ou figure deux fois).`,
        [
          fieldProblem(
            `${path}.invoiceNumber`,
            `${o.invoiceNumber} n'est pas une facture ouverte de ce client, ou figure deux fois`,
          ),
        ],
      );
    }
    seen.add(o.invoiceNumber);
    if (money(o.amount).greaterThan(money(invoice.outstanding))) {
      throw new EngineRuleError(
        "OFFSET_ABOVE_OUTSTANDING",
        `La compensation sur ${o.invoiceNumber} dépasse son reste dû (${euros(invoice.outstanding)}).`,
        [
          fieldProblem(
            `${path}.amount`,
            `la compensation dépasse le reste dû de la facture ${o.invoiceNumber} (${euros(invoice.outstanding)})`,
          ),
        ],
      );
    }
    return { invoiceNumber: o.invoiceNumber, amount: money(o.amount) };
  });
}

/** settleRefund on parsed values (the refund quote uses it). */
/** `prefix`: where the choice sits in the caller's input, for error paths. */
export function settle(
  total: Money,
  openInvoices: OpenInvoice[],
  choice: Choice | undefined,
  prefix = "settlement",
): Settlement {
  const kept = choice?.keepAsCredit ? money(choice.keepAsCredit) : ZERO;
  if (kept.greaterThan(total)) {
    throw new EngineRuleError(
      "SETTLEMENT_ABOVE_TOTAL",
      `Le montant gardé en avoir (${euros(kept)}) dépasse le montant dû au client (${euros(total)}).`,
      [fieldProblem(`${prefix}.keepAsCredit`, `dépasse le montant dû au client (${euros(total)})`)],
    );
  }
  const proposed = choice?.offsets === undefined;
  const offsets = proposed
    ? proposeOffsets(total.minus(kept), openInvoices)
    : chosenOffsets(choice as Choice, openInvoices, prefix);
  const paidOut = total.minus(kept).minus(sumMoney(offsets.map((o) => o.amount)));
  if (paidOut.isNegative()) {
    throw new EngineRuleError(
      "SETTLEMENT_ABOVE_TOTAL",
      `Compensations et avoir conservé dépassent le montant dû au client (${euros(total)}).`,
      [
        fieldProblem(
          `${prefix}.offsets`,
          `avec le montant gardé en avoir, dépasse le montant dû au client (${euros(total)})`,
        ),
      ],
    );
  }
  return {
    paidOut: formatMoney(paidOut),
    offset: offsets.map((o) => ({ invoiceNumber: o.invoiceNumber, amount: formatMoney(o.amount) })),
    keptAsCredit: formatMoney(kept),
    proposed,
  };
}

/**
 * Splits what a credit note gives back into paid out, offset against the
 * customer's other open invoices (proposed automatically, oldest due first,
 * unless offsets are chosen) and kept as a credit. The three sum to the total.
 * Offsetting is compensation between mutual debts (Code civil art. 1347).
 *
 * @example
 * settleRefund({ total: "4320.00", openInvoices: [{ number: "FA2026-0050", dueDate: "2026-02-15", outstanding: "1000.00" }] });
 * // → { paidOut: "3320.00", offset: [{ invoiceNumber: "FA2026-0050", amount: "1000.00" }], keptAsCredit: "0.00", proposed: true }
 */
export function settleRefund(rawInput: SettlementInput): Settlement {
  const input = parseInput(settlementInputSchema, rawInput);
  return settle(money(input.total), input.openInvoices, input.choice, "choice");
}
