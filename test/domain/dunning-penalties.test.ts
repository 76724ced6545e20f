/**
 * The penalties paragraph of a B2B dunning letter once some penalties were
 * invoiced by a penalty invoice (Code de commerce L441-10, D441-5): the
 * letter names each penalty invoice with its date and amounts, asks "en sus"
 * only what accrued after the last one, and never the €40 indemnity twice
 * (D441-5: one indemnity per late invoice).
 *
 * Figures with the shipped rates: first half of 2026 at 2,15 % (ECB,
 * 1 January 2026) + 10 points = 12,15 %, 365-day year.
 */
import { customerOverdueReminder, type OverdueInvoice } from "../../functions/src/domain/reminders/customer-overdue";
import { reminderSettingsSchema } from "../../functions/src/domain/reminders/reminder-settings";
import { latePaymentPenalties } from "../../functions/src/domain";
import { wordingProblems } from "../support/french-wording";

const settings = reminderSettingsSchema.parse({
  companyName: "Menuiserie Lefèvre",
  recipients: { treasury: ["tresorerie@lefevre.fr"], accounting: ["compta@lefevre.fr"] },
});

/** 10 000,00 € due 31/01/2026, unpaid; its courtesy letter went on 21/03/2026, so the firm one goes on 04/04/2026. */
const invoice: OverdueInvoice = {
  companyId: "lefevre",
  invoiceId: "inv1",
  number: "FA-2026-000050",
  issuedOn: "2026-01-01",
  dueDate: "2026-01-31",
  openAmount: "10000.00",
  customerName: "Durand SARL",
  customerKind: "b2b",
  customerEmail: "compta@durand.fr",
  disputed: false,
  promiseUntil: null,
  lastLetter: { level: 1, sentOn: "2026-03-21" },
};
/**
 * Penalty invoice of 05/03/2026: 01/02 to 05/03 inclusive = 33 days,
 * 10 000 × 12,15 % × 33 / 365 = 109,849… → 109,85 €, and the 40,00 € indemnity.
 */
const FIRST = { number: "FA-2026-000060", date: "2026-03-05", penalties: "109.85", indemnity: "40.00" };

function letter(inv: Partial<OverdueInvoice>, today = "2026-04-04"): string {
  const r = customerOverdueReminder({ ...invoice, ...inv }, settings, today);
  expect(r).not.toBeNull();
  expect(wordingProblems(r!.text)).toEqual([]);
  return r!.text;
}

test("before any penalty invoice the letter asks every penalty to date and the indemnity, as before", () => {
  // 01/02 to 04/04 inclusive = 63 days: 10 000 × 12,15 % × 63 / 365 = 209,712… → 209,71 €, + 40,00 € = 249,71 €.
  const text = letter({ invoicedPenalties: [] });
  expect(text).toContain("depuis le 01/02/2026 : 209,71\u00a0€ à ce jour (63 jours)");
  expect(text).toContain("soit 249,71\u00a0€ en plus du principal, sans TVA.");
});

test("after a penalty invoice with the indemnity, the letter cites it and asks only the penalties accrued since", () => {
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

test("penalties since run on what is still owed after a partial payment", () => {
  // 4 000,00 € still owed: 4 000 × 12,15 % × 30 / 365 = 39,945… → 39,95 €.
  const text = letter({ openAmount: "4000.00", invoicedPenalties: [FIRST] });
  expect(text).toContain("sur les 4\u202f000,00\u00a0€ restant dus : 39,95\u00a0€ à ce jour (30 jours) en sus");
});

test("a penalty invoice that left the indemnity out: the letter still asks the indemnity, once, en sus", () => {
  const text = letter({ invoicedPenalties: [{ ...FIRST, indemnity: "0.00" }] });
  expect(text).toContain("(pénalités de retard : 109,85\u00a0€), soit 109,85\u00a0€, à régler séparément.");
  expect(text).toContain(
    ": 99,86\u00a0€ à ce jour (30 jours), ainsi que l'indemnité forfaitaire pour frais de recouvrement de 40,00\u00a0€ (article D441-5), soit 139,86\u00a0€ en sus, sans TVA.",
  );
});

test("two penalty invoices: both cited in date order, penalties asked from the day after the last", () => {
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

test("a letter on the penalty invoice's own day asks nothing more", () => {
  const text = letter({ invoicedPenalties: [{ ...FIRST, date: "2026-04-04" }] });
  expect(text).toContain("Aucune pénalité n'a couru depuis.");
  expect(text).not.toContain("en sus");
});

test("rates not yet published after the penalty invoice: the letter cites it and leaves the new amount to the statement", () => {
  const late = { issuedOn: "2099-01-01", dueDate: "2099-01-31", lastLetter: null };
  const text = letter({ ...late, invoicedPenalties: [{ ...FIRST, date: "2099-03-05" }] }, "2099-03-20");
  expect(text).toContain("n° FA-2026-000060 du 05/03/2099");
  expect(text).toContain(
    "Depuis le 06/03/2099, de nouvelles pénalités courent sur la somme restant due (leur montant vous sera précisé sur notre décompte), en sus, sans TVA.",
  );
  expect(text).not.toContain("(article D441-5)");
});

test("a penalty invoice's own letters carry no penalties, and a consumer's none either", () => {
  expect(letter({ penaltyInvoice: true, invoicedPenalties: [] })).not.toContain("L441-10");
  expect(letter({ customerKind: "b2c" })).not.toContain("L441-10");
});
