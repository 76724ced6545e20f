/** The pure parts of #12 points 4 and 6: the notice of each step, the deposit's status as people read it. */
import { depositStatusLabel } from "../../functions/src/domain";
import { refundNotice, type RefundNoticeInput } from "../../functions/src/domain/reminders/refund-notice";
import { reminderId } from "../../functions/src/domain/reminders/reminder";

const base: RefundNoticeInput = {
  companyId: "acme",
  companyName: "Menuiserie Durand SAS",
  step: "submitted",
  requestRef: "R1",
  requestId: "R1",
  day: "2026-03-10",
  customerName: "Claire Dupont",
  reasonLabel: "Annulation par le vendeur",
  depositNumber: "FA-2026-000004",
  creditNoteGross: "864.00",
  creditNoteNumber: null,
  totalOwed: "1728.00",
  compensation: [{ label: "Arrhes restituées au double", amount: "864.00" }],
  schedule: [
    { n: 1, dueDate: "2026-03-31", amount: "864.00" },
    { n: 2, dueDate: "2026-04-30", amount: "864.00" },
  ],
  comment: null,
  requestedBy: "rachel@acme.fr",
  decidedBy: null,
  awaiting: ["accounting_approver"],
  approvers: ["alice@acme.fr"],
  approvalCount: 0,
  rejectionReason: null,
};

describe("refund notices", () => {
  it("the credit note's TTC and the total owed are two lines; compensation is outside VAT; French amounts and dates", () => {
    const notice = refundNotice(base)!;
    expect(notice.to).toEqual(["alice@acme.fr"]);
    expect(notice.text).toContain("Avoir (TTC) : 864,00\u00a0€");
    expect(notice.text).toContain("Arrhes restituées au double (hors TVA) : 864,00\u00a0€");
    expect(notice.text).toContain("Total dû au client : 1\u202f728,00\u00a0€");
    expect(notice.text).toContain("1/2 le 31/03/2026 : 864,00\u00a0€");
    expect(notice.text).not.toMatch(/\d\.\d{2}|\d{4}-\d{2}-\d{2}|TTC : 1\u202f728/);
    expect(notice.text.endsWith("Menuiserie Durand SAS – Acompte")).toBe(true);
  });

  it("each step has its own identity (one outbox entry each), the two approvals included", () => {
    const ids = [
      refundNotice(base)!,
      refundNotice({ ...base, step: "approved_step", approvalCount: 1, decidedBy: "sam@acme.fr" })!,
      refundNotice({ ...base, step: "approved", approvalCount: 2, decidedBy: "alice@acme.fr", approvers: [] })!,
    ].map(reminderId);
    expect(new Set(ids).size).toBe(3);
  });

  it("the final approval and a rejection go to the requester; nobody to tell, no notice", () => {
    const approved = refundNotice({
      ...base,
      step: "approved",
      creditNoteNumber: "AV-2026-000002",
      decidedBy: "alice@acme.fr",
      approvers: [],
      awaiting: [],
    })!;
    expect(approved.to).toEqual(["rachel@acme.fr"]);
    expect(approved.text).toContain("l'avoir AV-2026-000002 est émis");
    const rejected = refundNotice({ ...base, step: "rejected", decidedBy: "sam@acme.fr", rejectionReason: "Doublon" })!;
    expect(rejected.to).toEqual(["rachel@acme.fr"]);
    expect(rejected.text).toContain("Motif du refus : Doublon");
    expect(refundNotice({ ...base, approvers: [] })).toBeNull();
  });

  it("a customer credit has no credit note line, and nothing to pay says so", () => {
    const notice = refundNotice({
      ...base,
      depositNumber: null,
      creditNoteGross: null,
      compensation: [],
      schedule: [],
    })!;
    expect(notice.text).not.toContain("Avoir");
    expect(notice.text).toContain("Échéancier : rien à verser au client.");
  });

  it("a late payment's supplement goes to the approvers who approved, the requester in copy, once per instalment paid late", () => {
    const late = (paidInstalment: number) =>
      refundNotice({
        ...base,
        step: "late_supplement",
        creditNoteNumber: "AV-2026-000002",
        approvers: ["sam@acme.fr", "alice@acme.fr"],
        approvalCount: 2,
        supplement: {
          paidInstalment,
          paidOn: "2026-04-20",
          instalment: 3,
          lines: [
            {
              label: "Complément : Majoration de 50 % pour remboursement tardif",
              legalBasis: "Code de la consommation L216-7, L241-4",
              amount: "1728.00",
            },
          ],
          total: "1728.00",
        },
      })!;
    const notice = late(1);
    expect(notice.to).toEqual(["alice@acme.fr", "sam@acme.fr"]);
    expect(notice.cc).toEqual(["rachel@acme.fr"]);
    expect(notice.subject).toBe(
      "Demande de remboursement R1 payée en retard : complément dû – Claire Dupont – 1\u202f728,00\u00a0€",
    );
    expect(notice.text).toContain("a été payée le 20/04/2026 (échéance 1), plus tard que prévu");
    expect(notice.text).toContain(
      "Complément : Majoration de 50 % pour remboursement tardif (Code de la consommation L216-7, L241-4) : 1\u202f728,00\u00a0€",
    );
    expect(reminderId(late(1))).toBe(reminderId(notice));
    expect(reminderId(late(2))).not.toBe(reminderId(notice));
  });
});

describe("the deposit's status follows its instalments", () => {
  it("Avoir émis → Remboursement en cours (k/N payée) → Remboursé", () => {
    expect(depositStatusLabel("open", 0, undefined)).toBe("Ouvert");
    expect(depositStatusLabel("refunded", 1, { instalments: 3, paid: 0 })).toBe("Avoir émis");
    expect(depositStatusLabel("refunded", 1, { instalments: 3, paid: 1 })).toBe("Remboursement en cours (1/3 payée)");
    expect(depositStatusLabel("refunded", 1, { instalments: 3, paid: 2 })).toBe("Remboursement en cours (2/3 payées)");
    expect(depositStatusLabel("refunded", 1, { instalments: 3, paid: 3 })).toBe("Remboursé");
    // Nothing to pay out (all offset, forfeited arrhes): refunded at once.
    expect(depositStatusLabel("refunded", 1, { instalments: 0, paid: 0 })).toBe("Remboursé");
    // A partial refund still being paid, on a deposit that stays open.
    expect(depositStatusLabel("open", 1, { instalments: 2, paid: 0 })).toBe("Avoir émis");
    expect(depositStatusLabel("open", 1, { instalments: 2, paid: 2 })).toBe("Ouvert");
  });
});
