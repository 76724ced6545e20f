import { approvalWaitingReminder, WaitingApproval } from "../../functions/src/domain/reminders/approval-waiting";
import { instalmentDueReminder, OpenInstalment } from "../../functions/src/domain/reminders/instalment-due";
import { latestOccurrence } from "../../functions/src/domain/reminders/calendar-day";
import { frenchAmount } from "../../functions/src/domain/reminders/french-amount";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import { reminderId } from "../../functions/src/domain/reminders/reminder";

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
    requestId: "DR-0007",
    customerName: "Dupont & Fils",
    amount: "4320.00",
    step: "accounting",
    waitingSince: "2026-03-02",
    approvers: ["zoe@lefevre.fr", "anne@lefevre.fr"],
  };

  it("is silent before N days, then reminds the approvers every R days with a stable id per occurrence", () => {
    expect(approvalWaitingReminder(req, settings, "2026-03-03")).toBeNull();
    const first = approvalWaitingReminder(req, settings, "2026-03-04")!;
    expect(first).toMatchObject({ rule: "approval-waiting", day: "2026-03-04", to: ["anne@lefevre.fr", "zoe@lefevre.fr"] });
    expect(first.subject).toBe("Remboursement en attente de votre validation comptable – Dupont & Fils");
    expect(first.text).toContain("attend votre validation comptable depuis le 02/03/2026");
    expect(first.text).toContain("4\u202f320,00\u00a0€");
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
    requestId: "DR-0003",
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
    expect(instalmentDueReminder(inst, settings, "2026-03-22")!.day).toBe("2026-03-16");
    expect(instalmentDueReminder(inst, settings, "2026-03-23")!.day).toBe("2026-03-23");
  });
});

describe("Relances sheet row", () => {
  it("labels rule, level and status in French and keeps the outbox id as key", async () => {
    const { relancesRow, RELANCES_COLUMNS } = await import("../../functions/src/domain/reminders/relances-row");
    const inst = instalmentDueReminder(
      { companyId: "lefevre", requestId: "DR-3", creditNoteNumber: "AV-2026-000001", customerName: "=HYPERLINK(\"x\")", number: 1, count: 2, amount: "10.00", dueDate: "2026-03-01" },
      settings,
      "2026-03-05",
    )!;
    const row = relancesRow({ ...inst, id: reminderId(inst), status: "FAILED", attempts: 2, sentAt: null, lastError: "550 refusé" });
    expect(row).toHaveLength(RELANCES_COLUMNS.length);
    expect(row.slice(0, 4)).toEqual([reminderId(inst), "2026-03-02", "Échéance de remboursement", "En retard"]);
    expect(row.slice(7)).toEqual(["Échec d'envoi", 2, null, "550 refusé"]);
    // The subject carries the customer name as typed; its column is declared text so the writer never evaluates it.
    expect(RELANCES_COLUMNS[6]).toEqual({ header: "Objet", type: "text" });
  });
});
