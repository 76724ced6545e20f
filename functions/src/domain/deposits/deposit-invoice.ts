import { euros } from "../reminders/french-amount";
import { EngineRuleError } from "../errors/engine-error";
import { allocateCents } from "../money/allocate";
import { Money, ZERO, formatMoney, money, roundCents, sumMoney } from "../money/money";
import { fieldProblem, parseInput } from "../validation/field-errors";
import { DepositInvoiceInput, depositInvoiceInputSchema } from "../validation/deposit-schema";
import { splitGross } from "../vat/split-gross";
import { RateAmounts, VatBreakdown, breakdownOf, rateAmountsOf } from "../vat/vat-breakdown";
import { VatRate } from "../vat/vat-rates";
import { DepositKind, presumedDepositKind } from "./deposit-kind";
import { VatDue, vatDueDate } from "./vat-due-date";

/** The part of one order line a deposit covers (net), keeping the line's id and label. */
export interface DepositLine {
  id?: string;
  label?: string;
  vatRate: VatRate;
  /** The part of this order line's net the deposit covers. */
  net: string;
}

/** The deposit invoice depositInvoice computes: amounts per rate, per order line, and when its VAT is due. */
export interface DepositInvoice extends VatBreakdown {
  kind: DepositKind;
  /** The order's total on the invoice's basis (with VAT, or without for arrhes outside its scope): what the order's deposits together cannot pass. */
  orderGross: string;
  /** The deposit allocated to each order line (net), in order. */
  orderLines: DepositLine[];
  vatDue: VatDue;
  /** UNTDID 1001 type code of a deposit invoice. */
  documentType: "386";
  /**
   * The payment date the invoice must show because it differs from the
   * invoice date (CGI annexe II art. 242 nonies A); null when the same or unknown.
   */
  paymentDateToShow: string | null;
}

interface ParsedLine {
  id?: string;
  label?: string;
  vatRate: VatRate;
  net: Money;
}

interface Allocation {
  amounts: RateAmounts[];
  lineNets: Money[];
}

/** A percentage of the order: the deposit net is allocated to the cent by line weight, VAT per rate on the nets (BR-CO-17). */
function byPercent(lines: ParsedLine[], percent: Money): Allocation {
  const orderNet = sumMoney(lines.map((l) => l.net));
  const depositNet = roundCents(orderNet.times(percent).dividedBy(100));
  const lineNets = allocateCents(
    depositNet,
    lines.map((l) => l.net),
  );
  const amounts = rateAmountsOf(lines.map((l, i) => ({ vatRate: l.vatRate, net: lineNets[i] })));
  return { amounts, lineNets };
}

/**
 * A gross amount: shared between the rates in proportion to the order's
 * gross at each rate, each share split into net and VAT (so the invoice
 * totals exactly what was cashed), each rate's net shared between its lines.
 */
function byGrossAmount(lines: ParsedLine[], amount: Money): Allocation {
  const orderRates = rateAmountsOf(lines);
  const orderGross = sumMoney(orderRates.map((r) => r.net.plus(r.vat)));
  if (amount.greaterThan(orderGross)) {
    throw new EngineRuleError(
      "DEPOSIT_ABOVE_ORDER",
      `L'acompte (${euros(amount)} TTC) dépasse le total de la commande (${euros(orderGross)} TTC).`,
      [fieldProblem("deposit.amount", `l'acompte dépasse le total TTC de la commande (${euros(orderGross)})`)],
    );
  }
  const shares = allocateCents(
    amount,
    orderRates.map((r) => r.net.plus(r.vat)),
  );
  const amounts = orderRates.map((r, k) => ({ vatRate: r.vatRate, ...splitGross(shares[k], r.vatRate) }));
  const lineNets = lines.map(() => ZERO);
  for (const rate of amounts) {
    const indexes = lines.flatMap((l, i) => (l.vatRate === rate.vatRate ? [i] : []));
    allocateCents(
      rate.net,
      indexes.map((i) => lines[i].net),
    ).forEach((share, k) => (lineNets[indexes[k]] = share));
  }
  return { amounts, lineNets };
}

/**
 * The deposit invoice (UNTDID 1001 type 386) for a deposit that is a
 * percentage or a gross amount of a multi-rate order: the deposit per order
 * line, net/VAT/gross per rate (BR-CO-17) and when the VAT becomes due.
 * Arrhes under the company setting "no VAT on receipt" carry no VAT (their
 * lines are at rate 0, outside the scope) — whether VAT is due on arrhes is
 * unsettled (CJEU C-277/05 covers forfeited arrhes only).
 *
 * @example
 * depositInvoice({
 *   customerKind: "b2b", supplyKind: "goods", order: { lines: [{ vatRate: "20", net: "12000.00" }] },
 *   deposit: { percent: "30" }, invoiceDate: "2026-01-15", cashedDate: "2026-01-15",
 * });
 * // → { kind: "acompte", lines: [{ vatRate: "20", net: "3600.00", vat: "720.00", gross: "4320.00" }],
 * //     total: { net: "3600.00", vat: "720.00", gross: "4320.00" }, orderLines: [{ vatRate: "20", net: "3600.00" }],
 * //     vatDue: { basis: "cashing", date: "2026-01-15", period: "2026-01" }, documentType: "386",
 * //     paymentDateToShow: null } (the payment date when it differs from the invoice date)
 */
export function depositInvoice(rawInput: DepositInvoiceInput): DepositInvoice {
  const input = parseInput(depositInvoiceInputSchema, rawInput);
  const kind = presumedDepositKind(input.customerKind, input.kind);
  const vatApplies = !(kind === "arrhes" && input.arrhesVatOnReceipt === false);
  const lines: ParsedLine[] = input.order.lines.map((l) => ({ ...l, net: money(l.net) }));
  if (sumMoney(lines.map((l) => l.net)).isZero()) {
    throw new EngineRuleError("EMPTY_ORDER", "La commande a un total nul : pas d'acompte possible.", [
      fieldProblem("order.lines", "le total HT de la commande est nul"),
    ]);
  }
  // Arrhes without VAT on receipt: every line is outside the scope (rate 0).
  const taxed = vatApplies ? lines : lines.map((l) => ({ ...l, vatRate: "0" as VatRate }));
  const { amounts, lineNets } =
    input.deposit.percent !== undefined
      ? byPercent(taxed, money(input.deposit.percent))
      : byGrossAmount(taxed, money(input.deposit.amount as string));
  const charged = amounts.filter((a) => !a.net.isZero() || !a.vat.isZero());
  if (charged.length === 0) {
    throw new EngineRuleError("DEPOSIT_ZERO", "L'acompte calculé est nul (0,00 €) : augmentez le pourcentage.", [
      fieldProblem("deposit.percent", "l'acompte calculé sur cette commande est nul (0,00 €)"),
    ]);
  }
  return {
    kind,
    ...breakdownOf(charged),
    orderGross: breakdownOf(rateAmountsOf(taxed)).total.gross,
    orderLines: taxed.map((l, i) => ({
      ...(l.id ? { id: l.id } : {}),
      ...(l.label ? { label: l.label } : {}),
      vatRate: l.vatRate,
      net: formatMoney(lineNets[i]),
    })),
    vatDue: vatDueDate({
      supplyKind: input.supplyKind,
      invoiceDate: input.invoiceDate,
      cashedDate: input.cashedDate,
      vatOnDebits: input.vatOnDebits,
      vatApplies,
    }),
    documentType: "386",
    paymentDateToShow: input.cashedDate && input.cashedDate !== input.invoiceDate ? input.cashedDate : null,
  };
}
