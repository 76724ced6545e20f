import { parseCamt053 } from "../../../functions/src/bank/camt053";
import { matchStatement, StatementMatcher } from "../../../functions/src/domain/bank/matching";
import type { OpenInvoice, OpenItems, SentInstalment } from "../../../functions/src/domain/bank/open-items";
import type { StatementEntry } from "../../../functions/src/domain/bank/statement-entry";
import { camtStatement } from "../../../functions/testing/bank/camt-statement";

const ACCOUNT = "FR7630006000011234567890189";
const DUPONT_IBAN = "FR7630004000031234567890143";
const MARTIN_IBAN = "DE89370400440532013000";

const INSTALMENTS: SentInstalment[] = [
  {
    id: "R4-1",
    refundNumber: "AV-2026-000004",
    index: 1,
    count: 3,
    amount: "1440.00",
    creditorName: "Hélène Lefèvre",
    creditorIban: MARTIN_IBAN,
  },
  {
    id: "R4-2",
    refundNumber: "AV-2026-000004",
    index: 2,
    count: 3,
    amount: "1440.00",
    creditorName: "Hélène Lefèvre",
    creditorIban: MARTIN_IBAN,
  },
];

const invoice = (over: Partial<OpenInvoice> & Pick<OpenInvoice, "id" | "number" | "openAmount">): OpenInvoice => ({
  kind: "deposit_invoice",
  customerName: "Dupont & Fils SARL",
  customerIbans: [DUPONT_IBAN],
  dueDate: "2026-11-30",
  ...over,
});

const INVOICES: OpenInvoice[] = [
  invoice({ id: "I42", number: "FA-2026-0042", openAmount: "4320.00" }),
  invoice({ id: "I43", number: "FA-2026-0043", openAmount: "1200.00", dueDate: "2026-12-15" }),
  invoice({
    id: "I50",
    number: "FS-2026-0050",
    kind: "final_invoice",
    openAmount: "10080.00",
    creditorReference: "RF18539007547034",
  }),
  invoice({
    id: "X7",
    number: "EXT-7781",
    kind: "external_invoice",
    openAmount: "750.00",
    customerName: "Martin Conseil SAS",
    customerIbans: [MARTIN_IBAN],
  }),
  invoice({ id: "I60", number: "FA-2026-0060", openAmount: "999.00", customerName: "Bernard SA", customerIbans: [] }),
  invoice({ id: "I61", number: "FA-2026-0061", openAmount: "999.00", customerName: "Petit SAS", customerIbans: [] }),
];

const ITEMS: OpenItems = { instalments: INSTALMENTS, invoices: INVOICES };

let n = 0;
function entry(
  over: Partial<StatementEntry> & { tx?: Partial<StatementEntry["transactions"][number]> },
): StatementEntry {
  const { tx, ...rest } = over;
  const amount = rest.amount ?? "0.00";
  return {
    accountIban: ACCOUNT,
    statementId: "S1",
    entryRef: `E${++n}`,
    bookingDate: "2026-12-03",
    amount,
    direction: "credit",
    reversal: false,
    returned: false,
    transactions: [{ amount, ...tx }],
    ...rest,
  };
}

const one = (e: StatementEntry, items: OpenItems = ITEMS) => matchStatement([e], items)[0];

describe("matching outgoing entries (refund instalments)", () => {
  it("a debit carrying our end-to-end id pays its instalment on the booking date", () => {
    const m = one(entry({ direction: "debit", amount: "1440.00", tx: { endToEndId: "ACP-R4-1" } }));
    expect(m).toMatchObject({
      status: "matched",
      action: "instalment_paid",
      date: "2026-12-03",
      unallocated: "0.00",
      allocations: [
        {
          itemKind: "instalment",
          itemId: "R4-1",
          reference: "AV-2026-000004 échéance 1/3",
          amount: "1440.00",
          settles: true,
        },
      ],
    });
    expect(m.explanation).toBe(
      "Virement débité le 03/12/2026 avec la référence de bout en bout de l'échéance AV-2026-000004 échéance 1/3 : payée à cette date.",
    );
  });

  it("a batch debit pays each instalment it carries", () => {
    const m = one(
      entry({
        direction: "debit",
        amount: "2880.00",
        transactions: [
          { amount: "1440.00", endToEndId: "ACP-R4-1" },
          { amount: "1440.00", endToEndId: "ACP-R4-2" },
        ],
      }),
    );
    expect(m.status).toBe("matched");
    expect(m.allocations.map((a) => a.itemId)).toEqual(["R4-1", "R4-2"]);
  });

  it("a returned transfer reopens the instalment and alerts treasury, with the reason in French", () => {
    const m = one(
      entry({
        direction: "credit",
        amount: "1440.00",
        reversal: true,
        returned: true,
        tx: { endToEndId: "ACP-R4-1", returnReason: "AC04" },
      }),
    );
    expect(m).toMatchObject({ status: "matched", action: "instalment_returned", allocations: [{ itemId: "R4-1" }] });
    expect(m.explanation).toBe(
      "Virement retourné le 03/12/2026 (compte clôturé (AC04)) : l'échéance AV-2026-000004 échéance 1/3 est rouverte, la trésorerie doit vérifier les coordonnées bancaires.",
    );
  });

  it("a credit with our reference but no return information, or a return without our reference, goes to a person", () => {
    const odd = one(entry({ amount: "1440.00", tx: { endToEndId: "ACP-R4-1" } }));
    expect(odd).toMatchObject({ status: "to_review", allocations: [] });
    expect(odd.explanation).toContain("sans information de retour");
    const foreign = one(entry({ amount: "80.00", returned: true, reversal: true, tx: { returnReason: "MD07" } }));
    expect(foreign.status).toBe("to_review");
    expect(foreign.explanation).toBe(
      "Virement retourné du 03/12/2026 (80,00\u00a0€, titulaire décédé (MD07)) sans référence Acompte : à rapprocher.",
    );
  });

  it("never pays an instalment twice, and questions a wrong amount", () => {
    const [first, second] = matchStatement(
      [
        entry({ direction: "debit", amount: "1440.00", tx: { endToEndId: "ACP-R4-1" } }),
        entry({ direction: "debit", amount: "1440.00", tx: { endToEndId: "ACP-R4-1" } }),
      ],
      ITEMS,
    );
    expect(first.status).toBe("matched");
    expect(second.status).toBe("to_review");
    expect(second.explanation).toContain(
      "l'échéance AV-2026-000004 échéance 1/3 est déjà rapprochée d'une autre opération",
    );
    const wrong = one(entry({ direction: "debit", amount: "1400.00", tx: { endToEndId: "ACP-R4-2" } }));
    expect(wrong.status).toBe("to_review");
    expect(wrong.explanation).toContain("montant 1\u202f400,00\u00a0€ au lieu de 1\u202f440,00\u00a0€");
    expect(wrong.suggestions[0].allocations[0].itemId).toBe("R4-2");
  });

  it("a debit without our reference is suggested from the amount and payee, never matched silently", () => {
    const m = one(
      entry({
        direction: "debit",
        amount: "1440.00",
        tx: { counterpartyIban: MARTIN_IBAN, counterpartyName: "Helene Lefevre" },
      }),
    );
    expect(m.status).toBe("to_review");
    expect(m.suggestions.map((s) => [s.allocations[0].itemId, s.score])).toEqual([
      ["R4-1", 65],
      ["R4-2", 65],
    ]);
    expect(one(entry({ direction: "debit", amount: "12.00" })).status).toBe("unknown");
  });
});

describe("matching incoming entries (invoices)", () => {
  it("by the document number in the remittance, however it is written", () => {
    const m = one(entry({ amount: "4320.00", tx: { remittance: "VIR DUPONT fa 2026/0042 merci" } }));
    expect(m).toMatchObject({ status: "matched", action: "invoice_payment", unallocated: "0.00" });
    expect(m.allocations).toEqual([
      { itemKind: "deposit_invoice", itemId: "I42", reference: "FA-2026-0042", amount: "4320.00", settles: true },
    ]);
    expect(m.explanation).toBe(
      "Virement reçu le 03/12/2026 de 4\u202f320,00\u00a0€, libellé citant FA-2026-0042 : facture d'acompte FA-2026-0042 (Dupont & Fils SARL) soldée (4\u202f320,00\u00a0€).",
    );
  });

  it("by the structured creditor reference, for a final invoice", () => {
    const m = one(entry({ amount: "10080.00", tx: { creditorReference: "RF18 5390 0754 7034" } }));
    expect(m.allocations).toEqual([
      { itemKind: "final_invoice", itemId: "I50", reference: "FS-2026-0050", amount: "10080.00", settles: true },
    ]);
  });

  it("the reference wins over a misleading amount or payer", () => {
    const m = one(
      entry({
        amount: "750.00",
        tx: { remittance: "FA-2026-0043", counterpartyIban: MARTIN_IBAN, counterpartyName: "Martin Conseil" },
      }),
    );
    expect(m.allocations.map((a) => [a.itemId, a.amount, a.settles])).toEqual([["I43", "750.00", false]]);
  });

  it("partial payments, then several transfers for one invoice until it is settled", () => {
    const matcher = new StatementMatcher(ITEMS);
    const first = matcher.match(entry({ amount: "1000.00", tx: { remittance: "Acompte FA-2026-0042" } }));
    expect(first.allocations).toEqual([
      { itemKind: "deposit_invoice", itemId: "I42", reference: "FA-2026-0042", amount: "1000.00", settles: false },
    ]);
    expect(first.explanation).toContain("payée en partie : 1\u202f000,00\u00a0€, reste 3\u202f320,00\u00a0€ dû");
    const second = matcher.match(entry({ amount: "3000.00", tx: { remittance: "FA-2026-0042 suite" } }));
    expect(second.allocations[0]).toMatchObject({ amount: "3000.00", settles: false });
    // The last one comes without a reference: its amount is what remains open, from the customer's IBAN.
    const third = matcher.match(
      entry({ amount: "320.00", tx: { counterpartyIban: DUPONT_IBAN, counterpartyName: "DUPONT ET FILS" } }),
    );
    expect(third).toMatchObject({
      status: "matched",
      allocations: [{ itemId: "I42", amount: "320.00", settles: true }],
    });
    // Settled: nothing more can land on it.
    const fourth = matcher.match(entry({ amount: "320.00", tx: { remittance: "FA-2026-0042" } }));
    expect(fourth.allocations.some((a) => a.itemId === "I42")).toBe(false);
  });

  it("one transfer for several invoices named in the remittance", () => {
    const m = one(entry({ amount: "5520.00", tx: { remittance: "FA-2026-0042 FA-2026-0043" } }));
    expect(m.status).toBe("matched");
    expect(m.allocations.map((a) => [a.reference, a.amount, a.settles])).toEqual([
      ["FA-2026-0042", "4320.00", true],
      ["FA-2026-0043", "1200.00", true],
    ]);
    expect(m.explanation).toContain(
      "FA-2026-0042 (Dupont & Fils SARL) soldée (4\u202f320,00\u00a0€) ; facture d'acompte FA-2026-0043",
    );
  });

  it("a short payment for several named invoices is proposed, oldest first, for a person to confirm", () => {
    const m = one(entry({ amount: "5000.00", tx: { remittance: "FA-2026-0042 FA-2026-0043" } }));
    expect(m.status).toBe("to_review");
    expect(m.allocations).toEqual([]);
    expect(m.suggestions[0].allocations.map((a) => [a.reference, a.amount])).toEqual([
      ["FA-2026-0042", "4320.00"],
      ["FA-2026-0043", "680.00"],
    ]);
  });

  it("one transfer for all of a customer's invoices without reference, recognised by IBAN and total", () => {
    const m = one(
      entry({ amount: "15600.00", tx: { counterpartyIban: DUPONT_IBAN, counterpartyName: "Dupont et Fils" } }),
    );
    expect(m.status).toBe("matched");
    expect(m.allocations.map((a) => a.reference).sort()).toEqual(["FA-2026-0042", "FA-2026-0043", "FS-2026-0050"]);
    expect(m.explanation).toContain("Les 3 factures ouvertes de Dupont & Fils SARL");
  });

  it("by amount, customer name and IBAN when nothing names the invoice", () => {
    const m = one(
      entry({ amount: "750.00", tx: { counterpartyIban: MARTIN_IBAN, counterpartyName: "MARTIN CONSEIL" } }),
    );
    expect(m).toMatchObject({
      status: "matched",
      allocations: [{ itemKind: "external_invoice", itemId: "X7", settles: true }],
    });
    expect(m.explanation).toBe(
      "Virement reçu le 03/12/2026 de 750,00\u00a0€ sans référence de facture, rapproché : facture EXT-7781 (Martin Conseil SAS) : même montant, même IBAN (DE89 **** **** **** **30 00), même client.",
    );
    // The name alone with the amount is enough; the amount alone is not.
    expect(one(entry({ amount: "750.00", tx: { counterpartyName: "Martin Conseil" } })).status).toBe("matched");
    expect(one(entry({ amount: "750.00" })).status).toBe("to_review");
  });

  it("ambiguous: two invoices of the same amount, ranked suggestions, nothing recorded", () => {
    const m = one(entry({ amount: "999.00", tx: { counterpartyName: "Inconnu SARL" } }));
    expect(m.status).toBe("to_review");
    expect(m.allocations).toEqual([]);
    expect(m.explanation).toContain("plusieurs pièces correspondent autant, à choisir");
    expect(m.suggestions.map((s) => [s.allocations[0].reference, s.score])).toEqual([
      ["FA-2026-0060", 25],
      ["FA-2026-0061", 25],
    ]);
    // The payer's name breaks the tie.
    const withName = one(entry({ amount: "999.00", tx: { counterpartyName: "Petit" } }));
    expect(withName).toMatchObject({ status: "matched", allocations: [{ reference: "FA-2026-0061" }] });
  });

  it("a partial payment without reference is suggested from the customer's IBAN, not recorded", () => {
    const m = one(entry({ amount: "100.00", tx: { counterpartyIban: MARTIN_IBAN } }));
    expect(m.status).toBe("to_review");
    expect(m.suggestions[0]).toMatchObject({ allocations: [{ itemId: "X7", amount: "100.00", settles: false }] });
    expect(m.suggestions[0].explanation).toContain("paiement partiel ou groupé ?");
  });

  it("an overpayment settles the invoice and leaves the rest to reconcile", () => {
    const m = one(entry({ amount: "4400.00", tx: { remittance: "FA-2026-0042" } }));
    expect(m).toMatchObject({ status: "matched", unallocated: "80.00" });
    expect(m.explanation).toContain("Trop-perçu de 80,00\u00a0€ à rapprocher.");
  });

  it("unknown money is left to a person", () => {
    const m = one(entry({ amount: "12.34", tx: { remittance: "Loyer decembre" } }));
    expect(m.status).toBe("unknown");
    expect(m.explanation).toBe(
      "Virement reçu le 03/12/2026 de 12,34\u00a0€ sans référence de facture : aucune pièce ouverte ne correspond, à rapprocher.",
    );
  });

  it("an entry met twice is a duplicate", () => {
    const e = entry({ amount: "4320.00", tx: { remittance: "FA-2026-0042" } });
    const [, again] = matchStatement([e, { ...e }], ITEMS);
    expect(again).toMatchObject({ status: "duplicate", allocations: [] });
  });
});

describe("matching a parsed camt.053 statement", () => {
  it("goes from the bank's file to explained matches", () => {
    const { entries } = parseCamt053(
      camtStatement({
        id: "S-DEC",
        iban: ACCOUNT,
        entries: [
          { ref: "B1", amount: "1440.00", direction: "debit", bookingDate: "2026-12-04", endToEndId: "ACP-R4-1" },
          {
            ref: "B2",
            amount: "4320.00",
            direction: "credit",
            bookingDate: "2026-12-04",
            remittance: ["FA-2026-0042"],
          },
          {
            ref: "B3",
            amount: "1440.00",
            direction: "credit",
            bookingDate: "2026-12-09",
            reversal: true,
            endToEndId: "ACP-R4-1",
            returnReason: "AC01",
          },
        ],
      }),
    );
    expect(matchStatement(entries, ITEMS).map((m) => [m.entryKey, m.status, m.action, m.date])).toEqual([
      [`${ACCOUNT}|B1`, "matched", "instalment_paid", "2026-12-04"],
      [`${ACCOUNT}|B2`, "matched", "invoice_payment", "2026-12-04"],
      [`${ACCOUNT}|B3`, "matched", "instalment_returned", "2026-12-09"],
    ]);
  });
});
