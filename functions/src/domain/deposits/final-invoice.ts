import { euros } from "../reminders/french-amount";
import { frenchDate } from "../dates/calendar-date";
import { EngineRuleError } from "../errors/engine-error";
import { formatMoney, money, sumMoney } from "../money/money";
import { fieldProblem, parseInput } from "../validation/field-errors";
import { frenchAmount } from "../reminders/french-amount";
import { vatRateLabel } from "../vocabulary/labels";
import { FinalInvoiceInput, finalInvoiceInputSchema } from "../validation/deposit-schema";
import {
  AmountsByRate,
  RateAmounts,
  Totals,
  VatBreakdown,
  breakdownOf,
  parseRateAmounts,
  rateAmountsOf,
  totalsOf,
} from "../vat/vat-breakdown";
import { VatRate, compareRates } from "../vat/vat-rates";
import { LegalRates, SHIPPED_LEGAL_RATES } from "../rates/legal-rates";
import { AdvanceInterestDeduction, advanceInterestDeduction } from "./advance-interest-deduction";

/** One deposit invoice a final invoice lists and deducts, with its totals. */
export interface DeductedDeposit extends Totals {
  number: string;
  date: string;
  /** "FA2026-0042 du 15/01/2026", as the final invoice lists it. */
  reference: string;
}

/** The final invoice finalInvoice computes: the full price per rate, the deposits deducted, the VAT it makes due. */
export interface FinalInvoice extends VatBreakdown {
  /** Deposits deducted, one per deposit invoice. */
  deposits: DeductedDeposit[];
  /** Net/VAT/gross already invoiced on deposits, per rate. */
  depositsByRate: AmountsByRate[];
  depositsTotal: Totals;
  /** VAT this invoice makes due, per rate: total VAT − VAT already due on the deposits. */
  vatDueByRate: { vatRate: VatRate; vat: string }[];
  vatDue: string;
  /** A consumer's advances on goods held over three months: L214-2 interest deducted from the balance (null when none). */
  advanceInterest: AdvanceInterestDeduction | null;
  /** Gross still to pay: total gross − deposits gross − L214-2 interest deducted. */
  amountDue: string;
}

function sumByRate(groups: readonly RateAmounts[][]): RateAmounts[] {
  const byRate = new Map<VatRate, RateAmounts>();
  for (const a of groups.flat()) {
    const seen = byRate.get(a.vatRate);
    byRate.set(a.vatRate, seen ? { vatRate: a.vatRate, net: seen.net.plus(a.net), vat: seen.vat.plus(a.vat) } : a);
  }
  return [...byRate.values()].sort((a, b) => compareRates(a.vatRate, b.vatRate));
}

/**
 * The final invoice (facture de solde): the full price per rate, the deposits
 * listed and deducted, and the VAT it makes due = total VAT − VAT already due
 * on the deposits, rate by rate (CGI art. 269-2; domain.md worked example 2).
 * For a consumer (`customerKind: "b2c"`) buying goods, given the delivery
 * `date` and each deposit's `paidDate`, advances held over three months earn
 * L214-2 interest, deducted from the amount due (never from the VAT base).
 * `legalRates` are the company's legal rate tables (the shipped ones by default).
 *
 * @example
 * finalInvoice({
 *   supplyKind: "goods", lines: [{ vatRate: "20", net: "12000.00" }],
 *   deposits: [{ number: "FA2026-0042", date: "2026-01-15", lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }] }],
 * });
 * // → { total: { net: "12000.00", vat: "2400.00", gross: "14400.00" },
 * //     deposits: [{ reference: "FA2026-0042 du 15/01/2026", net: "3600.00", vat: "720.00", gross: "4320.00", … }],
 * //     vatDue: "1680.00", amountDue: "10080.00", … }
 */
export function finalInvoice(rawInput: FinalInvoiceInput, legalRates: LegalRates = SHIPPED_LEGAL_RATES): FinalInvoice {
  const input = parseInput(finalInvoiceInputSchema, rawInput);
  const invoice = rateAmountsOf(input.lines.map((l) => ({ vatRate: l.vatRate, net: money(l.net) })));
  const depositAmounts = input.deposits.map((d) => parseRateAmounts(d.lines));
  const deposited = sumByRate(depositAmounts);
  const gross = sumMoney(invoice.map((a) => a.net.plus(a.vat)));
  const depositGross = sumMoney(deposited.map((a) => a.net.plus(a.vat)));
  if (depositGross.greaterThan(gross)) {
    throw new EngineRuleError(
      "DEPOSITS_ABOVE_INVOICE",
      `Les acomptes (${euros(depositGross)} TTC) dépassent le total de la facture (${euros(gross)} TTC) : remboursez l'excédent par un avoir.`,
      [fieldProblem("deposits", "le total des acomptes dépasse le total TTC de la facture")],
    );
  }
  // Per rate too: a rate's VAT already due on deposits cannot be taken back by a final invoice with less at that
  // rate. Deposits at 0 % (arrhes outside VAT) carry no VAT to take back: the total check covers them.
  for (const d of deposited.filter((a) => !a.vat.isZero() || a.vatRate !== "0")) {
    const invoiced = invoice.find((a) => a.vatRate === d.vatRate)?.net ?? money(0);
    if (d.net.greaterThan(invoiced))
      throw new EngineRuleError(
        "DEPOSITS_ABOVE_INVOICE",
        `Les acomptes au taux de ${vatRateLabel(d.vatRate)} (${frenchAmount(formatMoney(d.net))} HT) dépassent la facture à ce taux (${frenchAmount(formatMoney(invoiced))} HT) : remboursez l'excédent par un avoir.`,
        [
          fieldProblem(
            "lines",
            `au taux de ${vatRateLabel(d.vatRate)}, au moins ${frenchAmount(formatMoney(d.net))} HT déjà facturés en acomptes`,
          ),
        ],
      );
  }
  const rates = [...new Set([...invoice, ...deposited].map((a) => a.vatRate))].sort(compareRates);
  const vatDueByRate = rates.map((rate) => {
    const total = invoice.find((a) => a.vatRate === rate)?.vat ?? money(0);
    const already = deposited.find((a) => a.vatRate === rate)?.vat ?? money(0);
    return { vatRate: rate, vat: total.minus(already) };
  });
  const balance = gross.minus(depositGross);
  const advance =
    input.customerKind === "b2c" && input.supplyKind === "goods" && input.date
      ? advanceInterestDeduction(
          input.deposits.flatMap((d, i) =>
            d.paidDate
              ? [
                  {
                    reference: `${d.number} du ${frenchDate(d.date)}`,
                    gross: sumMoney(depositAmounts[i].map((a) => a.net.plus(a.vat))),
                    paidDate: d.paidDate,
                  },
                ]
              : [],
          ),
          input.date,
          balance,
          legalRates,
        )
      : null;
  return {
    ...breakdownOf(invoice),
    deposits: input.deposits.map((d, i) => ({
      number: d.number,
      date: d.date,
      reference: `${d.number} du ${frenchDate(d.date)}`,
      ...totalsOf(depositAmounts[i]),
    })),
    depositsByRate: breakdownOf(deposited).lines,
    depositsTotal: totalsOf(deposited),
    vatDueByRate: vatDueByRate.map((v) => ({ vatRate: v.vatRate, vat: formatMoney(v.vat) })),
    vatDue: formatMoney(sumMoney(vatDueByRate.map((v) => v.vat))),
    advanceInterest: advance,
    amountDue: formatMoney(advance ? balance.minus(money(advance.deducted)) : balance),
  };
}
