/**
 * A consumer's refund paid later than its schedule planned: the increase
 * and the interest are recomputed on the actual payment date and the
 * difference is owed on top. Legal basis: Code de la consommation L216-7
 * (refund within 14 days of the termination for non-delivery), L241-4
 * (increased by 10 % up to 14 days late, 20 % up to 30 days, 50 % beyond),
 * L214-2 (legal interest on an advance for goods, from three months after
 * the payment until it is paid back). Worked examples computed by hand.
 */
import { SHIPPED_LEGAL_RATES, latePaymentSupplements, money, refundEntitlement } from "../../functions/src/domain";

const NON_DELIVERY_GOODS = refundEntitlement({
  depositKind: "acompte",
  customerKind: "b2c",
  supplyKind: "goods",
  reason: "non_delivery",
});
/** 4 320,00 € cashed 15/01/2026; terminated for non-delivery on 01/03/2026: refund due by 15/03/2026 (L216-7). */
const CONTEXT = {
  entitlement: NON_DELIVERY_GOODS,
  creditGross: money("4320.00"),
  depositPaidDate: "2026-01-15",
  terminationDate: "2026-03-01",
  rates: SHIPPED_LEGAL_RATES,
};

test("worked example: planned on 25/03 (10 days late, +10 %), paid on 20/04 (36 days late, +50 %, and 5 days of L214-2 interest)", () => {
  // The quote, for the planned 25/03/2026: 10 days after the 15/03 deadline → +10 % = 432,00 €; the advance
  // was not yet held three months (they end on 15/04/2026): no interest. Granted: 432,00 €.
  // Paid on 20/04/2026: 36 days late → +50 % (L241-4, beyond 30 days) = 2 160,00 €, i.e. 1 728,00 € more;
  // L214-2: 16/04 → 20/04 = 5 days at 6,67 %: 4 320,00 × 6,67 % × 5 / 365 = 3,9472… → 3,95 €.
  const supplements = latePaymentSupplements({
    ...CONTEXT,
    paidOn: "2026-04-20",
    granted: [{ kind: "late_refund_increase", amount: "432.00" }],
  });
  expect(supplements).toEqual([
    {
      kind: "advance_interest",
      label:
        "Complément (remboursement versé le 20/04/2026) : Intérêts au taux légal sur l'avance, du 16/04/2026 au 20/04/2026 (sans TVA), déjà accordé 0,00\u00a0€",
      legalBasis: "Code de la consommation L214-2",
      recomputed: "3.95",
      alreadyGranted: "0.00",
      amount: "3.95",
    },
    {
      kind: "late_refund_increase",
      label:
        "Complément (remboursement versé le 20/04/2026) : Majoration de 50 % pour remboursement tardif (36 jours après le 15/03/2026, sans TVA), déjà accordé 432,00\u00a0€",
      legalBasis: "Code de la consommation L216-7, L241-4",
      recomputed: "2160.00",
      alreadyGranted: "432.00",
      amount: "1728.00",
    },
  ]);
});

test("paid on the planned day, or earlier, nothing more is owed; what was granted stays granted", () => {
  for (const paidOn of ["2026-03-25", "2026-03-20", "2026-03-10"])
    expect(
      latePaymentSupplements({ ...CONTEXT, paidOn, granted: [{ kind: "late_refund_increase", amount: "432.00" }] }),
    ).toEqual([]);
});

test("a second late payment owes only what the first supplement did not already give", () => {
  // Granted: 432,00 at quote time, then 1 728,00 (to 50 %) and 3,95 of interest for the 20/04 payment.
  // Paid again on 30/04: the increase stays 50 % (2 160,00: nothing more); interest 16/04 → 30/04 = 15 days:
  // 4 320,00 × 6,67 % × 15 / 365 = 11,8417… → 11,84, i.e. 7,89 more.
  const supplements = latePaymentSupplements({
    ...CONTEXT,
    paidOn: "2026-04-30",
    granted: [
      { kind: "late_refund_increase", amount: "432.00" },
      { kind: "late_refund_increase", amount: "1728.00" },
      { kind: "advance_interest", amount: "3.95" },
    ],
  });
  expect(supplements.map((s) => [s.kind, s.recomputed, s.alreadyGranted, s.amount])).toEqual([
    ["advance_interest", "11.84", "3.95", "7.89"],
  ]);
});

test("a company's refund, or a consumer's without a termination date, gets no increase", () => {
  const b2b = refundEntitlement({
    depositKind: "acompte",
    customerKind: "b2b",
    supplyKind: "goods",
    reason: "non_delivery",
  });
  expect(latePaymentSupplements({ ...CONTEXT, entitlement: b2b, paidOn: "2026-04-20", granted: [] })).toEqual([]);
  const undated = latePaymentSupplements({ ...CONTEXT, terminationDate: undefined, paidOn: "2026-04-20", granted: [] });
  expect(undated.map((s) => s.kind)).toEqual(["advance_interest"]);
});
