/** Invalid inputs are refused with French messages naming the field and the problem. */
import {
  EngineRuleError,
  agedBalance,
  depositInvoice,
  dsoRatio,
  fieldErrors,
  latePaymentPenalties,
  quoteRefund,
  refundSchedule,
  schemas,
  vatBreakdown,
} from "../../functions/src/domain";
import { detailsOf } from "./refusals";

const goodDeposit = {
  customerKind: "b2b" as const,
  supplyKind: "goods" as const,
  order: { lines: [{ vatRate: "20", net: "12000.00" }] },
  deposit: { percent: "30" },
  invoiceDate: "2026-01-15",
};

const quoteBase = {
  deposit: {
    number: "FA2026-0042",
    date: "2026-01-15",
    paidDate: "2026-01-15",
    kind: "acompte" as const,
    customerKind: "b2b" as const,
    supplyKind: "goods" as const,
    lines: [{ vatRate: "20", net: "3600.00", vat: "720.00" }],
  },
  reason: "commercial_gesture" as const,
  scope: { kind: "full" as const },
  approvalDate: "2026-03-10",
  schedule: { kind: "single" as const, date: "2026-03-10" },
};

describe("amounts", () => {
  it.each([
    ["-5.00", "Montant HT (ligne 1) : le montant ne peut pas être négatif."],
    ["NaN", "Montant HT (ligne 1) : « NaN » n'est pas un montant décimal."],
    ["abc", "Montant HT (ligne 1) : « abc » n'est pas un montant décimal."],
    ["1e3", "Montant HT (ligne 1) : « 1e3 » n'est pas un montant décimal."],
    ["10.001", "Montant HT (ligne 1) : le montant a plus de deux décimales."],
  ])("refuses the net %s", (net, message) => {
    expect(detailsOf(() => vatBreakdown([{ vatRate: "20", net }]))).toEqual([{ path: "0.net", message }]);
  });

  it("refuses a number where a decimal string is expected (no floats)", () => {
    const details = detailsOf(() =>
      depositInvoice({ ...goodDeposit, order: { lines: [{ vatRate: "20", net: 12000 as unknown as string }] } }),
    );
    expect(details).toEqual([
      {
        path: "order.lines.0.net",
        message: "Montant HT (ligne 1) : doit être un montant en chaîne décimale.",
      },
    ]);
  });

  it("refuses a zero refund amount", () => {
    const details = detailsOf(() => quoteRefund({ ...quoteBase, scope: { kind: "amount", amount: "0.00" } }));
    expect(details).toEqual([
      { path: "scope.amount", message: "Montant à rembourser : le montant doit être supérieur à zéro." },
    ]);
  });
});

describe("VAT rates, unknown and missing fields", () => {
  it("refuses an unknown VAT rate and lists the French rates", () => {
    const details = detailsOf(() =>
      depositInvoice({ ...goodDeposit, order: { lines: [{ vatRate: "19.6", net: "100.00" }] } }),
    );
    expect(details).toEqual([
      {
        path: "order.lines.0.vatRate",
        message:
          "Taux de TVA (ligne 1) : taux de TVA inconnu « 19.6 » (taux admis : 20\u00a0%, 10\u00a0%, 5,5\u00a0%, 2,1\u00a0%, 0\u00a0%).",
      },
    ]);
  });

  it("accepts 5.50 as the 5.5 % rate", () => {
    expect(vatBreakdown([{ vatRate: "5.50", net: "100.00" }]).lines).toEqual([
      { vatRate: "5.5", net: "100.00", vat: "5.50", gross: "105.50" },
    ]);
  });

  it("refuses unknown fields, one detail per field, at every level", () => {
    const details = detailsOf(() =>
      depositInvoice({
        ...goodDeposit,
        discount: "5",
        order: { lines: [{ vatRate: "20", net: "1.00", colour: "red" }] },
      } as never),
    );
    expect(details).toEqual(
      expect.arrayContaining([
        { path: "discount", message: "Champ « discount » : champ inconnu, refusé." },
        { path: "order.lines.0.colour", message: "Champ « colour » (ligne 1) : champ inconnu, refusé." },
      ]),
    );
    expect(details).toHaveLength(2);
  });

  it("names a missing field", () => {
    const withoutDate: Partial<typeof goodDeposit> = { ...goodDeposit };
    delete withoutDate.invoiceDate;
    expect(detailsOf(() => depositInvoice(withoutDate as never))).toEqual([
      { path: "invoiceDate", message: "Date de facture : obligatoire, absent." },
    ]);
  });

  it("refuses an unknown reason and an unknown schedule kind", () => {
    const details = detailsOf(() =>
      quoteRefund({ ...quoteBase, reason: "bored" as never, schedule: { kind: "weekly" } as never }),
    );
    expect(details).toEqual([
      {
        path: "reason",
        message:
          "Motif : motif inconnu (motifs admis : « Annulation par le client », « Annulation par le vendeur », « Défaut de livraison », « Trop-perçu », « Paiement en double », « Geste commercial », « Rétractation du consommateur »).",
      },
      {
        path: "schedule.kind",
        message:
          "Type d'échéancier : type d'échéancier inconnu (paiement unique, échéances égales, pourcentages ou dates).",
      },
    ]);
  });

  it("names what a refund scope lacks", () => {
    expect(detailsOf(() => quoteRefund({ ...quoteBase, scope: { kind: "amount" } as never }))).toEqual([
      { path: "scope.amount", message: "Montant à rembourser : obligatoire, absent." },
    ]);
    expect(detailsOf(() => quoteRefund({ ...quoteBase, scope: { kind: "lines", lines: [] } }))).toEqual([
      { path: "scope.lines", message: "Montants HT à rembourser : au moins une ligne." },
    ]);
    expect(
      detailsOf(() => quoteRefund({ ...quoteBase, schedule: { kind: "equal", count: 2.5, firstDate: "2026-03-31" } })),
    ).toEqual([
      {
        path: "schedule.count",
        message: "Nombre d'échéances : doit être un nombre entier.",
      },
    ]);
  });

  it("refuses a percentage and an amount given together", () => {
    expect(detailsOf(() => depositInvoice({ ...goodDeposit, deposit: { percent: "30", amount: "100.00" } }))).toEqual([
      {
        path: "deposit",
        message: "Acompte : indiquez soit un pourcentage, soit un montant TTC, pas les deux.",
      },
    ]);
  });

  it("refuses a percentage above 100", () => {
    expect(detailsOf(() => depositInvoice({ ...goodDeposit, deposit: { percent: "120" } }))).toEqual([
      {
        path: "deposit.percent",
        message: "Pourcentage d'acompte : le pourcentage ne peut pas dépasser 100.",
      },
    ]);
  });
});

describe("dates", () => {
  it("refuses an impossible date", () => {
    expect(detailsOf(() => depositInvoice({ ...goodDeposit, invoiceDate: "2026-02-30" }))).toEqual([
      {
        path: "invoiceDate",
        message: "Date de facture : date invalide (format attendu AAAA-MM-JJ).",
      },
    ]);
  });

  it("refuses a DSO period that ends before it starts", () => {
    expect(
      detailsOf(() => dsoRatio({ receivables: "1.00", sales: "2.00", from: "2026-03-31", to: "2026-01-01" })),
    ).toEqual([{ path: "to", message: "Fin de période : la fin de période précède son début." }]);
  });

  it("refuses penalties computed to a day before the due date", () => {
    expect(
      detailsOf(() => latePaymentPenalties({ amount: "100.00", dueDate: "2026-03-01", asOf: "2026-02-01" })),
    ).toEqual([{ path: "asOf", message: "Date d'arrêté : la date d'arrêté précède la date d'échéance." }]);
  });

  it("refuses an instalment before the approval date, and instalments out of order", () => {
    const plan = {
      kind: "dates" as const,
      instalments: [
        { dueDate: "2026-03-09", amount: "50.00" },
        { dueDate: "2026-04-30", amount: "25.00" },
        { dueDate: "2026-04-01", amount: "25.00" },
      ],
    };
    expect(detailsOf(() => refundSchedule({ total: "100.00", approvalDate: "2026-03-10", plan }))).toEqual([
      {
        path: "plan.instalments.0.dueDate",
        message:
          "Date d'échéance (ligne 1) : l'échéance du 09/03/2026 est antérieure à la date d'approbation (10/03/2026).",
      },
      {
        path: "plan.instalments.2.dueDate",
        message:
          "Date d'échéance (ligne 3) : les échéances doivent être dans l'ordre chronologique (01/04/2026 avant 30/04/2026).",
      },
    ]);
  });

  it("refuses, in a quote, a payment date before the approval date, at the quote's own field", () => {
    expect(detailsOf(() => quoteRefund({ ...quoteBase, schedule: { kind: "single", date: "2026-03-09" } }))).toEqual([
      {
        path: "schedule.date",
        message: "Date du paiement : l'échéance du 09/03/2026 est antérieure à la date d'approbation (10/03/2026).",
      },
    ]);
  });

  it("refuses a refund paid before its approval", () => {
    expect(detailsOf(() => quoteRefund({ ...quoteBase, refundDate: "2026-03-01" }))).toEqual([
      {
        path: "refundDate",
        message: "Date de remboursement : la date de remboursement précède la date d'approbation.",
      },
    ]);
  });

  it("refuses aged-balance items without a customer", () => {
    expect(
      detailsOf(() =>
        agedBalance({
          asOf: "2026-03-31",
          items: [{ customer: "", reference: "FA1", kind: "invoice", dueDate: "2026-03-01", amount: "1.00" }],
        }),
      ),
    ).toEqual([{ path: "items.0.customer", message: "Client (ligne 1) : le client est obligatoire." }]);
  });
});

describe("business rules (422)", () => {
  it("refuses a refund above the refundable balance, counting requests in flight", () => {
    const details = detailsOf(
      () =>
        quoteRefund({
          ...quoteBase,
          refundsInFlight: [{ lines: [{ vatRate: "20", net: "3000.00", vat: "600.00" }] }],
          scope: { kind: "amount", amount: "1000.00" },
        }),
      EngineRuleError,
    );
    expect(details).toEqual([
      {
        path: "scope.amount",
        message:
          "Montant à rembourser : le remboursement demandé (1\u202f000,00\u00a0€) dépasse le solde remboursable (720,00\u00a0€ TTC).",
      },
    ]);
  });

  it("refuses a net per line above what is left at that rate", () => {
    const details = detailsOf(
      () => quoteRefund({ ...quoteBase, scope: { kind: "lines", lines: [{ vatRate: "20", net: "3600.01" }] } }),
      EngineRuleError,
    );
    expect(details).toEqual([
      {
        path: "scope.lines.0.net",
        message:
          "Montant HT à rembourser (ligne 1) : le remboursement demandé (3\u202f600,01\u00a0€) dépasse le solde remboursable (3\u202f600,00\u00a0€ HT au taux de 20\u00a0%).",
      },
    ]);
  });

  it("refuses explicit instalments that do not add up to the amount paid out", () => {
    const error = (() => {
      try {
        quoteRefund({
          ...quoteBase,
          schedule: { kind: "dates", instalments: [{ dueDate: "2026-03-31", amount: "4000.00" }] },
        });
      } catch (e) {
        return e as EngineRuleError;
      }
    })();
    expect(error?.code).toBe("SCHEDULE_TOTAL_MISMATCH");
    expect(error?.details).toEqual([
      {
        path: "schedule.instalments",
        message:
          "Échéances : la somme des échéances (4\u202f000,00\u00a0€) doit être égale au montant à rembourser (4\u202f320,00\u00a0€).",
      },
    ]);
  });
});

describe("fieldErrors, for the HTTP layer", () => {
  it("turns a ZodError from an exported schema into French details", () => {
    const result = schemas.refundQuoteInputSchema.safeParse({
      ...quoteBase,
      deposit: { ...quoteBase.deposit, lines: [{ vatRate: "7", net: "-1", vat: "0.123" }] },
      extra: true,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual([
      {
        path: "deposit.lines.0.vatRate",
        message:
          "Taux de TVA (ligne 1) : taux de TVA inconnu « 7 » (taux admis : 20\u00a0%, 10\u00a0%, 5,5\u00a0%, 2,1\u00a0%, 0\u00a0%).",
      },
      {
        path: "deposit.lines.0.net",
        message: "Montant HT (ligne 1) : le montant ne peut pas être négatif.",
      },
      {
        path: "deposit.lines.0.vat",
        message: "Montant de TVA (ligne 1) : le montant a plus de deux décimales.",
      },
      { path: "extra", message: "Champ « extra » : champ inconnu, refusé." },
    ]);
  });
});
