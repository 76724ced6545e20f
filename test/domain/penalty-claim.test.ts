/**
 * The penalty invoice's content (Code de commerce L441-10, D441-5): worked
 * examples computed by hand in the comments, on the shipped rates — ECB
 * reference rate 2,15 % for the first half of 2026 (so 12,15 % with the
 * 10 points of L441-10), 2,15 % + 10 = 12,15 % for the second half of 2025
 * as well, 3,15 % + 10 = 13,15 % for its first half; 365-day year.
 */
import {
  EngineRuleError,
  PENALTY_LEGAL_BASIS,
  PENALTY_VAT_TREATMENT,
  penaltyClaim,
  penaltyInvoiceEntry,
} from "../../functions/src/domain";
import { refusal } from "./refusals";

const invoice = { number: "FA-2026-000050", date: "2026-01-01", dueDate: "2026-01-31", amountDue: "10000.00" };
const b2b = { customerKind: "b2b" as const, invoice, earlierClaims: [] };

const refused = (run: () => unknown) => refusal(run, EngineRuleError);

describe("penalty invoice content (Code de commerce L441-10, D441-5)", () => {
  it("worked example: 10 000,00 € due 31/01/2026, paid 02/03/2026", () => {
    // Penalties run from the day after the due date (01/02) to the payment day (02/03) inclusive:
    // 28 days of February + 2 of March = 30 days, at 2,15 % (ECB, 1 January 2026) + 10 points = 12,15 %.
    // 10 000,00 × 12,15 % × 30 / 365 = 99,863… → 99,86 €; plus the flat indemnity of 40,00 € (D441-5): 139,86 €.
    const claim = penaltyClaim({
      ...b2b,
      settlements: [{ date: "2026-03-02", amount: "10000.00" }],
      claimDate: "2026-03-05",
    });
    expect(claim).toEqual({
      tranches: [
        {
          amount: "10000.00",
          until: "2026-03-02",
          paid: true,
          daysLate: 30,
          segments: [{ from: "2026-02-01", to: "2026-03-02", days: 30, rate: "12.15", amount: "99.86" }],
          penalties: "99.86",
        },
      ],
      accruedPenalties: "99.86",
      alreadyInvoiced: "0.00",
      penalties: "99.86",
      indemnity: "40.00",
      total: "139.86",
      legalBasis: PENALTY_LEGAL_BASIS,
      vatTreatment: PENALTY_VAT_TREATMENT,
    });
    expect(claim.legalBasis).toMatch(/L441-10.*D441-5/);
    expect(claim.vatTreatment).toMatch(/Hors champ de la TVA \(CGI art\. 256\)/);
  });

  it("a partial payment earns penalties up to its own day, the rest up to the claim date", () => {
    // 4 000,00 € paid 10/02/2026: 10 days → 4 000 × 12,15 % × 10 / 365 = 13,315… → 13,32 €.
    // 6 000,00 € still unpaid on the claim date 02/03/2026: 30 days → 6 000 × 12,15 % × 30 / 365 = 59,917… → 59,92 €.
    // Penalties 73,24 € + indemnity 40,00 € = 113,24 €.
    const claim = penaltyClaim({
      ...b2b,
      settlements: [{ date: "2026-02-10", amount: "4000.00" }],
      claimDate: "2026-03-02",
    });
    expect(claim.tranches.map((t) => [t.amount, t.until, t.paid, t.daysLate, t.penalties])).toEqual([
      ["4000.00", "2026-02-10", true, 10, "13.32"],
      ["6000.00", "2026-03-02", false, 30, "59.92"],
    ]);
    expect([claim.penalties, claim.indemnity, claim.total]).toEqual(["73.24", "40.00", "113.24"]);
  });

  it("a payment made on time earns nothing; only what was paid late counts", () => {
    // 6 000,00 € paid on the due date, 4 000,00 € on 10/02: 13,32 € (as above) + 40,00 €.
    const claim = penaltyClaim({
      ...b2b,
      settlements: [
        { date: "2026-01-31", amount: "6000.00" },
        { date: "2026-02-10", amount: "4000.00" },
      ],
      claimDate: "2026-03-02",
    });
    expect(claim.tranches.map((t) => t.amount)).toEqual(["4000.00"]);
    expect(claim.total).toBe("53.32");
  });

  it("follows the rate of each half-year the delay runs through", () => {
    // Due 20/06/2025, paid 10/07/2025: 10 days of June at 3,15 % + 10 = 13,15 % → 10 000 × 13,15 % × 10 / 365 = 36,027… → 36,03 €;
    // 10 days of July at 2,15 % + 10 = 12,15 % → 33,287… → 33,29 €. Penalties 69,32 €.
    const claim = penaltyClaim({
      customerKind: "b2b",
      invoice: { number: "FA-2025-000010", date: "2025-05-21", dueDate: "2025-06-20", amountDue: "10000.00" },
      settlements: [{ date: "2025-07-10", amount: "10000.00" }],
      claimDate: "2025-07-15",
      earlierClaims: [],
    });
    expect(claim.tranches[0].segments.map((s) => [s.from, s.to, s.days, s.rate, s.amount])).toEqual([
      ["2025-06-21", "2025-06-30", 10, "13.15", "36.03"],
      ["2025-07-01", "2025-07-10", 10, "12.15", "33.29"],
    ]);
    expect(claim.penalties).toBe("69.32");
  });

  it("a second claim invoices only the penalties accrued since, never the indemnity again", () => {
    // First claim on 02/03/2026 while unpaid: 30 days → 99,86 € + 40,00 €.
    const first = penaltyClaim({ ...b2b, settlements: [], claimDate: "2026-03-02" });
    expect([first.penalties, first.indemnity]).toEqual(["99.86", "40.00"]);
    // Paid 31/03/2026: 59 days since the due date → 10 000 × 12,15 % × 59 / 365 = 196,397… → 196,40 €;
    // already invoiced 99,86 €, so the second claim invoices 96,54 € and no indemnity (one per invoice, D441-5).
    // (29 days alone would round to 96,53 €: the claims add up to the penalty of the whole delay, to the cent.)
    const second = penaltyClaim({
      ...b2b,
      settlements: [{ date: "2026-03-31", amount: "10000.00" }],
      claimDate: "2026-04-02",
      earlierClaims: [{ number: "FA-2026-000060", date: "2026-03-02", penalties: "99.86", indemnity: "40.00" }],
    });
    expect(second).toMatchObject({
      accruedPenalties: "196.40",
      alreadyInvoiced: "99.86",
      penalties: "96.54",
      indemnity: "0.00",
      total: "96.54",
    });
  });

  it("claims the indemnity later when the company left it out of an earlier claim", () => {
    const without = penaltyClaim({ ...b2b, settlements: [], claimDate: "2026-03-02", claimIndemnity: false });
    expect([without.indemnity, without.total]).toEqual(["0.00", "99.86"]);
    const later = penaltyClaim({
      ...b2b,
      settlements: [],
      claimDate: "2026-03-02",
      earlierClaims: [{ number: "FA-2026-000060", date: "2026-03-02", penalties: "99.86", indemnity: "0.00" }],
    });
    expect([later.penalties, later.indemnity, later.total]).toEqual(["0.00", "40.00", "40.00"]);
  });

  it("refuses a consumer customer: L441-10 and D441-5 apply between professionals", () => {
    const error = refused(() =>
      penaltyClaim({ ...b2b, customerKind: "b2c", settlements: [], claimDate: "2026-03-02" }),
    );
    expect(error.code).toBe("PENALTIES_B2B_ONLY");
    expect(error.message).toContain("FA-2026-000050 est adressée à un particulier");
  });

  it.each([
    [
      "paid on the due date",
      [{ date: "2026-01-31", amount: "10000.00" }],
      "2026-03-02",
      "réglée à l'échéance du 31/01/2026",
    ],
    ["not due yet", [], "2026-01-31", "n'est pas en retard : son échéance est le 31/01/2026"],
  ])("refuses an invoice that is not late (%s)", (_, settlements, claimDate, message) => {
    const error = refused(() => penaltyClaim({ ...b2b, settlements, claimDate }));
    expect(error.code).toBe("NOT_LATE");
    expect(error.message).toContain(message);
  });

  it("refuses a claim that adds nothing, naming the earlier penalty invoice", () => {
    const error = refused(() =>
      penaltyClaim({
        ...b2b,
        settlements: [{ date: "2026-03-02", amount: "10000.00" }],
        claimDate: "2026-03-20",
        earlierClaims: [{ number: "FA-2026-000060", date: "2026-03-05", penalties: "99.86", indemnity: "40.00" }],
      }),
    );
    expect(error.code).toBe("NOTHING_TO_CLAIM");
    // euros() writes the amount with a no-break space before €.
    expect(error.message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Rien de plus à réclamer sur la facture FA-2026-000050 : les pénalités dues à ce jour (99,86 €) sont déjà facturées (FA-2026-000060 du 05/03/2026), ainsi que l'indemnité forfaitaire de 40 €.",
    );
  });

  it("refuses an invoice the deposits paid in full: nothing was ever late", () => {
    const paidByDeposits = { ...invoice, amountDue: "0.00" };
    expect(
      refused(() => penaltyClaim({ ...b2b, invoice: paidByDeposits, settlements: [], claimDate: "2026-03-02" })).code,
    ).toBe("NOT_LATE");
  });

  it("refuses settlements above the invoice", () => {
    const error = refused(() =>
      penaltyClaim({ ...b2b, settlements: [{ date: "2026-03-02", amount: "10000.01" }], claimDate: "2026-03-02" }),
    );
    expect(error.code).toBe("BALANCE_INCONSISTENT");
  });
});

describe("penalty invoice entry (PCG, règlement ANC 2022-06)", () => {
  it("posts D411 the total / C7631 the penalties / C7588 the indemnity, no VAT, in the sales journal", () => {
    const entry = penaltyInvoiceEntry({
      date: "2026-03-05",
      pieceRef: "FA-2026-000060",
      penalties: "99.86",
      indemnity: "40.00",
    });
    expect([entry.kind, entry.journal, entry.label]).toEqual([
      "penalty_invoice",
      "VT",
      "Pénalités de retard FA-2026-000060",
    ]);
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ["411", "139.86", "0.00"],
      ["7631", "0.00", "99.86"],
      ["7588", "0.00", "40.00"],
    ]);
  });

  it("drops the indemnity line on a later claim, and follows the company's chart", () => {
    const entry = penaltyInvoiceEntry({
      date: "2026-04-02",
      pieceRef: "FA-2026-000061",
      penalties: "96.54",
      indemnity: "0.00",
      chart: { customers: "4110001", latePenaltiesReceived: "7632" },
    });
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ["4110001", "96.54", "0.00"],
      ["7632", "0.00", "96.54"],
    ]);
  });
});
