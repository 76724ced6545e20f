import { approvalWaitingReminder, WaitingApproval } from "../../functions/src/domain/reminders/approval-waiting";
import { consumerRefundDeadlineReminder } from "../../functions/src/domain/reminders/consumer-refund-deadline";
import {
  customerOverdueReminder,
  letterSent,
  type DunningLevel,
  type OverdueInvoice,
} from "../../functions/src/domain/reminders/customer-overdue";
import { instalmentDueReminder, OpenInstalment } from "../../functions/src/domain/reminders/instalment-due";
import { latestOccurrence } from "../../functions/src/domain/dates/calendar-day";
import { frenchAmount } from "../../functions/src/domain/reminders/french-amount";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import { reminderId } from "../../functions/src/domain/reminders/reminder";
import { latePaymentPenalties } from "../../functions/src/domain";
import { wordingProblems } from "../support/french-wording";

const settings = reminderSettingsSchema.parse({
  companyName: "Menuiserie Lefèvre",
  recipients: { treasury: ["tresorerie@lefevre.fr"], accounting: ["compta@lefevre.fr"] },
});

describe("calendar and formatting", () => {
  it("derives the latest occurrence from the start day, not from the run day", () => {
    expect(latestOccurrence("2026-03-10", 2, "2026-03-09")).toBeNull();
    expect(latestOccurrence("2026-03-10", 2, "2026-03-10")).toBe("2026-03-10");
    expect(latestOccurrence("2026-03-10", 2, "2026-03-11")).toBe("2026-03-10");
    expect(latestOccurrence("2026-03-10", 2, "2026-03-12")).toBe("2026-03-12");
    expect(latestOccurrence("2026-02-27", 7, "2026-03-06")).toBe("2026-03-06");
    expect(latestOccurrence("2026-03-10", 0, "2026-12-31")).toBe("2026-03-10");
  });

  it("writes amounts the French way from the decimal string", () => {
    expect(frenchAmount("4320.00")).toBe("4\u202f320,00\u00a0€");
    expect(frenchAmount("1234567.5")).toBe("1\u202f234\u202f567,50\u00a0€");
    expect(frenchAmount("-40.00")).toBe("−40,00\u00a0€");
    expect(frenchAmount("0.07")).toBe("0,07\u00a0€");
  });
});

describe("approval waiting", () => {
  const req: WaitingApproval = {
    companyId: "lefevre",
    requestId: "r7XkQ2mP9aLwZ3bN8cVd",
    requestNumber: "RB-2026-000007",
    customerName: "Dupont & Fils",
    amount: "4320.00",
    step: "accounting_approver",
    waitingSince: "2026-03-02",
    approvers: ["zoe@lefevre.fr", "anne@lefevre.fr"],
  };

  it("is silent before N days, then reminds the approvers every R days with a stable id per occurrence", () => {
    expect(approvalWaitingReminder(req, settings, "2026-03-03")).toBeNull();
    const first = approvalWaitingReminder(req, settings, "2026-03-04")!;
    expect(first).toMatchObject({
      rule: "approval-waiting",
      day: "2026-03-04",
      to: ["anne@lefevre.fr", "zoe@lefevre.fr"],
    });
    expect(first.subject).toBe("Remboursement en attente de votre validation comptable – Dupont & Fils");
    expect(first.text).toContain("attend votre validation comptable depuis le 02/03/2026");
    expect(first.text).toContain("4\u202f320,00\u00a0€");
    // People read the request's number; its id only keys the reminder.
    expect(first.text).toContain("La demande de remboursement RB-2026-000007 (Dupont & Fils");
    expect(first.text).not.toContain(req.requestId);
    expect(reminderId(approvalWaitingReminder(req, settings, "2026-03-05")!)).toBe(reminderId(first));
    expect(approvalWaitingReminder(req, settings, "2026-03-06")!.day).toBe("2026-03-06");
  });

  it("sends nothing when nobody but the requester could approve", () => {
    expect(approvalWaitingReminder({ ...req, approvers: [] }, settings, "2026-03-20")).toBeNull();
  });
});

describe("instalment due", () => {
  const inst: OpenInstalment = {
    companyId: "lefevre",
    requestId: "r3XkQ2mP9aLwZ3bN8cVd",
    requestNumber: "RB-2026-000003",
    creditNoteNumber: "AV-2026-000001",
    customerName: "Durand SARL",
    number: 2,
    count: 3,
    amount: "1440.00",
    dueDate: "2026-03-15",
  };

  it("tells treasury N days before, once, then every week while overdue", () => {
    expect(instalmentDueReminder(inst, settings, "2026-03-11")).toBeNull();
    const soon = instalmentDueReminder(inst, settings, "2026-03-12")!;
    expect(soon).toMatchObject({ level: 1, day: "2026-03-12", to: ["tresorerie@lefevre.fr"] });
    expect(soon.subject).toBe("Échéance de remboursement à payer le 15/03/2026 – Durand SARL");
    expect(instalmentDueReminder(inst, settings, "2026-03-15")!.day).toBe("2026-03-12");
    const late = instalmentDueReminder(inst, settings, "2026-03-16")!;
    expect(late).toMatchObject({ level: 2, day: "2026-03-16" });
    expect(late.text).toContain("était attendu le 15/03/2026");
    expect(late.text).toContain("du remboursement RB-2026-000003 (avoir AV-2026-000001");
    expect(late.text).not.toContain(inst.requestId);
    expect(instalmentDueReminder(inst, settings, "2026-03-22")!.day).toBe("2026-03-16");
    expect(instalmentDueReminder(inst, settings, "2026-03-23")!.day).toBe("2026-03-23");
  });
});

describe("Relances sheet row", () => {
  it("labels rule, level and status in French and keeps the outbox id as key", async () => {
    const { relancesRow, RELANCES_COLUMNS } = await import("../../functions/src/sheets/layout/relances-row");
    const inst = instalmentDueReminder(
      {
        companyId: "lefevre",
        requestId: "DR-3",
        requestNumber: "RB-2026-000003",
        creditNoteNumber: "AV-2026-000001",
        customerName: '=HYPERLINK("x")',
        number: 1,
        count: 2,
        amount: "10.00",
        dueDate: "2026-03-01",
      },
      settings,
      "2026-03-05",
    )!;
    const row = relancesRow({
      ...inst,
      id: reminderId(inst),
      status: "FAILED",
      attempts: 2,
      sentAt: null,
      lastError: "550 refusé",
    });
    expect(row).toHaveLength(RELANCES_COLUMNS.length);
    expect(row.slice(0, 4)).toEqual([reminderId(inst), "2026-03-02", "Échéance de remboursement", "En retard"]);
    expect(row.slice(7)).toEqual(["Échec d'envoi", 2, null, "550 refusé"]);
    // The subject carries the customer name as typed; its column is declared text so the writer never evaluates it.
    expect(RELANCES_COLUMNS[6]).toEqual({ header: "Objet", type: "text" });
  });
});

describe("consumer refund deadline (engine's L241-4 scale)", () => {
  const refund = {
    companyId: "lefevre",
    requestId: "r9XkQ2mP9aLwZ3bN8cVd",
    requestNumber: "RB-2026-000009",
    customerName: "Mme Martin",
    amount: "1000.00",
    scale: "L241-4" as const,
    terminationDate: "2026-03-01", // deadline 15/03
  };

  it("warns accounting 3 days before the deadline with the first increase to come", () => {
    expect(consumerRefundDeadlineReminder(refund, settings, "2026-03-11")).toBeNull();
    const r = consumerRefundDeadlineReminder(refund, settings, "2026-03-12")!;
    expect(r.text).toContain("(demande RB-2026-000009)");
    expect(r.text).not.toContain(refund.requestId);
    expect(r).toMatchObject({ level: 1, day: "2026-03-12", to: ["compta@lefevre.fr"] });
    expect(r.subject).toBe("Remboursement consommateur à faire avant le 15/03/2026 – Mme Martin");
    expect(r.text).toContain("À partir du 16/03/2026, la majoration passera à 100,00\u00a0€ (10 %).");
    expect(consumerRefundDeadlineReminder(refund, settings, "2026-03-15")!.day).toBe("2026-03-12");
  });

  it("once late, states the increase owed now and the next step, one reminder per step", () => {
    const r = consumerRefundDeadlineReminder(refund, settings, "2026-03-20")!;
    expect(r).toMatchObject({ level: 2, day: "2026-03-16" });
    expect(r.text).toContain(
      "Avec 5 jour(s) de retard, la majoration légale due aujourd'hui est de 100,00\u00a0€ (10 %",
    );
    expect(r.text).toContain("À partir du 30/03/2026, la majoration passera à 200,00\u00a0€ (20 %).");
    const step2 = consumerRefundDeadlineReminder(refund, settings, "2026-04-02")!;
    expect(step2.day).toBe("2026-03-30");
    expect(step2.text).toContain("due aujourd'hui est de 200,00\u00a0€ (20 %");
    expect(step2.text).toContain("À partir du 15/04/2026, la majoration passera à 500,00\u00a0€ (50 %).");
    const last = consumerRefundDeadlineReminder(refund, settings, "2026-05-20")!;
    expect(last.day).toBe("2026-04-15");
    expect(last.text).toContain("500,00\u00a0€ (50 %");
    expect(last.text).not.toContain("passera");
  });
});

describe("customer overdue invoice (engine's B2B penalties)", () => {
  const invoice: OverdueInvoice = {
    companyId: "lefevre",
    invoiceId: "inv1",
    number: "FA-2026-000050",
    issuedOn: "2026-01-01",
    dueDate: "2026-01-31",
    openAmount: "10000.00",
    customerName: "Durand SARL",
    customerKind: "b2b" as const,
    customerEmail: "compta@durand.fr",
    disputed: false,
    promiseUntil: null,
    lastLetter: null,
  };
  const after = (level: DunningLevel, sentOn: string): OverdueInvoice => ({
    ...invoice,
    lastLetter: { level, sentOn },
  });

  it("sends level 1 first, from due date + 7 days, even when every delay has long passed", () => {
    expect(customerOverdueReminder(invoice, settings, "2026-02-06")).toBeNull();
    const first = customerOverdueReminder(invoice, settings, "2026-02-07")!;
    expect(first).toMatchObject({ level: 1, day: "2026-02-07" });
    const late = customerOverdueReminder(invoice, settings, "2026-06-30")!;
    expect(late).toMatchObject({ level: 1, day: "2026-02-07" });
    expect(late.subject).toBe("Rappel – facture FA-2026-000050 – 10\u202f000,00\u00a0€");
    expect(late.text).not.toContain("précédent");
    // Same state, same id whatever the run day: a replay is deduplicated by the outbox.
    expect(reminderId(late)).toBe(reminderId(first));
  });

  it("sends level 2 only 21 − 7 = 14 days after level 1 was actually sent, and says when that was", () => {
    // Level 1 went out late (job outage): the calendar alone would now call for a formal notice (due + 45 = 17/03).
    const sent = after(1, "2026-03-16");
    expect(customerOverdueReminder(sent, settings, "2026-03-29")).toBeNull();
    const firm = customerOverdueReminder(sent, settings, "2026-03-30")!;
    expect(firm).toMatchObject({ level: 2, day: "2026-03-30" });
    expect(firm.subject).toBe("Second rappel – facture FA-2026-000050 – 10\u202f000,00\u00a0€");
    expect(firm.text).toContain("Malgré notre précédent rappel du 16/03/2026, la facture FA-2026-000050");
    expect(customerOverdueReminder(sent, settings, "2026-09-01")).toMatchObject({ level: 2, day: "2026-03-30" });
  });

  it("sends the formal notice only after the firm letter, 45 − 21 = 24 days later, and nothing above level 3", () => {
    const firm = after(2, "2026-03-30");
    expect(customerOverdueReminder(firm, settings, "2026-04-22")).toBeNull();
    const notice = customerOverdueReminder(firm, settings, "2026-04-23")!;
    expect(notice).toMatchObject({ level: 3, day: "2026-04-23", to: ["compta@durand.fr"], cc: ["compta@lefevre.fr"] });
    expect(notice.subject).toBe("Mise en demeure de payer – facture FA-2026-000050 – 10\u202f000,00\u00a0€");
    expect(notice.text).toContain("Malgré nos rappels, dont le dernier du 30/03/2026, la facture FA-2026-000050");
    expect(notice.text).toContain("vaut mise en demeure");
    expect(customerOverdueReminder(after(3, "2026-04-23"), settings, "2027-01-01")).toBeNull();
  });

  it("after a payment promise or a dispute, resumes at the level after the last one sent", () => {
    const promised = { ...after(1, "2026-02-07"), promiseUntil: "2026-04-30" };
    expect(customerOverdueReminder(promised, settings, "2026-04-30")).toBeNull();
    // 90 days overdue: the calendar says formal notice, but only the courtesy letter was sent.
    expect(customerOverdueReminder(promised, settings, "2026-05-01")).toMatchObject({ level: 2, day: "2026-02-21" });
    const neverSent = { ...invoice, promiseUntil: "2026-04-30" };
    expect(customerOverdueReminder(neverSent, settings, "2026-05-01")).toMatchObject({ level: 1 });
    const disputed = { ...after(2, "2026-02-21"), disputed: true };
    expect(customerOverdueReminder(disputed, settings, "2026-05-01")).toBeNull();
    expect(customerOverdueReminder({ ...disputed, disputed: false }, settings, "2026-05-01")).toMatchObject({
      level: 3,
    });
  });

  it("records a letter as sent only when the invoice's last letter is still the one before it", () => {
    expect(letterSent(null, { level: 1 }, "2026-03-10")).toEqual({ level: 1, sentOn: "2026-03-10" });
    expect(letterSent({ level: 1, sentOn: "2026-02-07" }, { level: 2 }, "2026-03-10")).toEqual({
      level: 2,
      sentOn: "2026-03-10",
    });
    // Another run already recorded this letter (or a later one): nothing to record, nothing to enqueue.
    expect(letterSent({ level: 1, sentOn: "2026-03-10" }, { level: 1 }, "2026-03-11")).toBeNull();
    expect(letterSent({ level: 2, sentOn: "2026-03-10" }, { level: 1 }, "2026-03-11")).toBeNull();
  });

  it("shows the engine's penalties and the €40 indemnity to a business customer (domain example: 30 days → 99.86)", () => {
    const r = customerOverdueReminder(after(1, "2026-02-07"), settings, "2026-03-02")!;
    expect(r.level).toBe(2);
    expect(r.text).toContain("99,86\u00a0€ à ce jour (30 jours)");
    expect(r.text).toContain("40,00\u00a0€ (article D441-5), soit 139,86\u00a0€");
  });

  it("still sends the letter when the half-year's rates are not in the table yet, stating the right without an amount", () => {
    const late = { ...invoice, issuedOn: "2099-01-01", dueDate: "2099-01-31" };
    const r = customerOverdueReminder(late, settings, "2099-03-02")!;
    expect(r.level).toBe(1);
    expect(r.text).toContain("sont dues de plein droit depuis le 01/02/2099, au taux prévu");
    expect(r.text).toContain("leur montant vous sera précisé sur notre décompte");
    expect(r.text).toContain("40,00\u00a0€ (article D441-5)");
    expect(r.text).not.toMatch(/à ce jour \(\d+ jours\)/);
  });

  it("writes no B2B penalty to a consumer", () => {
    const r = customerOverdueReminder({ ...invoice, customerKind: "b2c" }, settings, "2026-03-02")!;
    expect(r.text).not.toContain("L441-10");
  });

  it("stops when paid, disputed, or under a payment promise; then starts with the courtesy letter", () => {
    expect(customerOverdueReminder({ ...invoice, openAmount: "0.00" }, settings, "2026-03-02")).toBeNull();
    expect(customerOverdueReminder({ ...invoice, disputed: true }, settings, "2026-03-02")).toBeNull();
    expect(customerOverdueReminder({ ...invoice, promiseUntil: "2026-03-05" }, settings, "2026-03-02")).toBeNull();
    expect(customerOverdueReminder({ ...invoice, promiseUntil: "2026-03-05" }, settings, "2026-03-06")).toMatchObject({
      level: 1,
    });
  });

  it("sends to accounting when the customer has no e-mail address", () => {
    const r = customerOverdueReminder({ ...invoice, customerEmail: null }, settings, "2026-03-02")!;
    expect(r.to).toEqual(["compta@lefevre.fr"]);
    expect(r.text).toContain("adresse électronique du client absente");
  });

  /**
   * Once some penalties were invoiced by a penalty invoice (L441-10, D441-5):
   * the letter names each penalty invoice with its date and amounts, asks
   * "en sus" only what accrued after the last one, and never the €40
   * indemnity twice (D441-5: one indemnity per late invoice). Shipped rates:
   * first half of 2026 at 2,15 % (ECB, 1 January 2026) + 10 points = 12,15 %.
   */
  describe("after a penalty invoice", () => {
    // Its courtesy letter went on 21/03/2026, so the firm one goes on 04/04/2026.
    const afterCourtesy: OverdueInvoice = { ...invoice, lastLetter: { level: 1, sentOn: "2026-03-21" } };
    /**
     * Penalty invoice of 05/03/2026: 01/02 to 05/03 inclusive = 33 days,
     * 10 000 × 12,15 % × 33 / 365 = 109,849… → 109,85 €, and the 40,00 € indemnity.
     */
    const FIRST = { number: "FA-2026-000060", date: "2026-03-05", penalties: "109.85", indemnity: "40.00" };

    function letter(inv: Partial<OverdueInvoice>, today = "2026-04-04"): string {
      const r = customerOverdueReminder({ ...afterCourtesy, ...inv }, settings, today);
      expect(r).not.toBeNull();
      expect(wordingProblems(r!.text)).toEqual([]);
      return r!.text;
    }

    it("before any penalty invoice the letter asks every penalty to date and the indemnity, as before", () => {
      // 01/02 to 04/04 inclusive = 63 days: 10 000 × 12,15 % × 63 / 365 = 209,712… → 209,71 €, + 40,00 € = 249,71 €.
      const text = letter({ invoicedPenalties: [] });
      expect(text).toContain("depuis le 01/02/2026 : 209,71\u00a0€ à ce jour (63 jours)");
      expect(text).toContain("soit 249,71\u00a0€ en plus du principal, sans TVA.");
    });

    it("after a penalty invoice with the indemnity, the letter cites it and asks only the penalties accrued since", () => {
      const text = letter({ invoicedPenalties: [FIRST] });
      expect(text).toContain(
        "Celles courues jusqu'au 05/03/2026 vous ont été facturées par notre facture de pénalités n° FA-2026-000060 du 05/03/2026 " +
          "(pénalités de retard : 109,85\u00a0€ ; indemnité forfaitaire pour frais de recouvrement : 40,00\u00a0€), soit 149,85\u00a0€, à régler séparément.",
      );
      // 06/03 to 04/04 inclusive = 30 days: 10 000 × 12,15 % × 30 / 365 = 99,863… → 99,86 €; no second indemnity.
      expect(text).toContain(
        "Depuis le 06/03/2026, de nouvelles pénalités courent sur les 10\u202f000,00\u00a0€ restant dus : 99,86\u00a0€ à ce jour (30 jours) en sus, sans TVA.",
      );
      expect(text).not.toContain("(article D441-5)");
      expect(text).not.toContain("209,71");
      // Invoiced + asked = every penalty to date, to the cent: 109,85 + 99,86 = 209,71 (the 63 days above).
      const toDate = latePaymentPenalties({ amount: "10000.00", dueDate: "2026-01-31", asOf: "2026-04-04" });
      expect(toDate.penalties).toBe("209.71");
    });

    it("penalties since run on what is still owed after a partial payment", () => {
      // 4 000,00 € still owed: 4 000 × 12,15 % × 30 / 365 = 39,945… → 39,95 €.
      const text = letter({ openAmount: "4000.00", invoicedPenalties: [FIRST] });
      expect(text).toContain("sur les 4\u202f000,00\u00a0€ restant dus : 39,95\u00a0€ à ce jour (30 jours) en sus");
    });

    it("a penalty invoice that left the indemnity out: the letter still asks the indemnity, once, en sus", () => {
      const text = letter({ invoicedPenalties: [{ ...FIRST, indemnity: "0.00" }] });
      expect(text).toContain("(pénalités de retard : 109,85\u00a0€), soit 109,85\u00a0€, à régler séparément.");
      expect(text).toContain(
        ": 99,86\u00a0€ à ce jour (30 jours), ainsi que l'indemnité forfaitaire pour frais de recouvrement de 40,00\u00a0€ (article D441-5), soit 139,86\u00a0€ en sus, sans TVA.",
      );
    });

    it("two penalty invoices: both cited in date order, penalties asked from the day after the last", () => {
      // Second penalty invoice of 04/04/2026: the 30 days since 06/03, 99,86 €, no indemnity.
      const second = { number: "FA-2026-000070", date: "2026-04-04", penalties: "99.86", indemnity: "0.00" };
      const text = letter(
        { lastLetter: { level: 2, sentOn: "2026-04-04" }, invoicedPenalties: [second, FIRST] },
        "2026-04-28",
      );
      expect(text).toContain(
        "par nos factures de pénalités n° FA-2026-000060 du 05/03/2026 (pénalités de retard : 109,85\u00a0€ ; indemnité forfaitaire pour frais de recouvrement : 40,00\u00a0€), " +
          "n° FA-2026-000070 du 04/04/2026 (pénalités de retard : 99,86\u00a0€), soit 249,71\u00a0€, à régler séparément.",
      );
      // 05/04 to 28/04 inclusive = 24 days: 10 000 × 12,15 % × 24 / 365 = 79,890… → 79,89 €.
      expect(text).toContain(
        "Depuis le 05/04/2026, de nouvelles pénalités courent sur les 10\u202f000,00\u00a0€ restant dus : 79,89\u00a0€ à ce jour (24 jours) en sus",
      );
    });

    it("a letter on the penalty invoice's own day asks nothing more", () => {
      const text = letter({ invoicedPenalties: [{ ...FIRST, date: "2026-04-04" }] });
      expect(text).toContain("Aucune pénalité n'a couru depuis.");
      expect(text).not.toContain("en sus");
    });

    it("rates not yet published after the penalty invoice: the letter cites it and leaves the new amount to the statement", () => {
      const late = { issuedOn: "2099-01-01", dueDate: "2099-01-31", lastLetter: null };
      const text = letter({ ...late, invoicedPenalties: [{ ...FIRST, date: "2099-03-05" }] }, "2099-03-20");
      expect(text).toContain("n° FA-2026-000060 du 05/03/2099");
      expect(text).toContain(
        "Depuis le 06/03/2099, de nouvelles pénalités courent sur la somme restant due (leur montant vous sera précisé sur notre décompte), en sus, sans TVA.",
      );
      expect(text).not.toContain("(article D441-5)");
    });

    it("a penalty invoice's own letters carry no penalties, and a consumer's none either", () => {
      expect(letter({ penaltyInvoice: true, invoicedPenalties: [] })).not.toContain("L441-10");
      expect(letter({ customerKind: "b2c" })).not.toContain("L441-10");
    });

    it("a letter is recorded only if it cites every penalty invoice the invoice records by then", () => {
      const before = customerOverdueReminder({ ...afterCourtesy, invoicedPenalties: [] }, settings, "2026-04-04")!;
      const after = customerOverdueReminder({ ...afterCourtesy, invoicedPenalties: [FIRST] }, settings, "2026-04-04")!;
      expect(before.penaltyInvoicesCited).toBeUndefined();
      expect(after.penaltyInvoicesCited).toEqual(["FA-2026-000060"]);
      const sent = { level: 1 as const, sentOn: "2026-03-21" };
      // FA-2026-000060 issued while the run computed the letter without it: the letter would ask it again.
      expect(letterSent(sent, before, "2026-04-04", ["FA-2026-000060"])).toBeNull();
      expect(letterSent(sent, after, "2026-04-04", ["FA-2026-000060"])).toEqual({ level: 2, sentOn: "2026-04-04" });
      expect(letterSent(sent, before, "2026-04-04", [])).toEqual({ level: 2, sentOn: "2026-04-04" });
    });
  });
});
