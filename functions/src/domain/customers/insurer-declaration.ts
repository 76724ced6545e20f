/**
 * Credit insurance: an overdue insured invoice must be declared to the
 * insurer (déclaration de menace de sinistre) within the number of days
 * after its due date its policy sets — a setting per insurer — or the cover
 * may be lost. Acompte reminds the declaration a few days before that
 * deadline, with the figures the declaration asks for.
 */
import { z } from "zod";
import { CalendarDate, addDays, daysBetween, frenchDate } from "../dates/calendar-date";
import { spacedSiren } from "../einvoice/french-mentions";
import { MoneyString, formatMoney, money } from "../money/money";
import { euros, frenchDays } from "../reminders/french-amount";
import { capitalise, parseInput } from "../validation/field-errors";
import { calendarDate, documentNumber, moneyAmount } from "../validation/primitives";
import { text } from "../validation/text";
import { wholeDays } from "../validation/whole-days";

const name = (what: string) =>
  text({ error: `doit être un ${what}`, required: `le ${what} est obligatoire`, max: 200 });

/** declarationReminder's input: one insured customer's invoices and its insurer's delays. */
export const declarationReminderInputSchema = z.strictObject({
  asOf: calendarDate,
  insurer: z.strictObject({
    name: name("nom d'assureur"),
    /** The policy's delay to declare an overdue invoice, in days after its due date. */
    daysAfterDue: wholeDays(720),
    /** How many days before that deadline the reminder goes. */
    remindDaysBefore: wholeDays(365),
  }),
  customer: z.strictObject({ name: name("nom de client"), siren: z.string().nullable().optional() }),
  invoices: z.array(
    z.strictObject({
      invoiceId: name("identifiant de facture"),
      number: documentNumber,
      issuedOn: calendarDate,
      dueDate: calendarDate,
      openAmount: moneyAmount,
      /** The day it was declared to the insurer; null or absent while not declared. */
      declaredOn: calendarDate.nullable().optional(),
    }),
    { error: "doit être une liste de factures" },
  ),
});
/** declarationReminder's input. */
export type DeclarationReminderInput = z.input<typeof declarationReminderInputSchema>;

/** One invoice to declare, with the figures the declaration asks for. */
export interface DeclarationReminder {
  invoiceId: string;
  number: string;
  customer: string;
  siren: string | null;
  insurer: string;
  issuedOn: CalendarDate;
  dueDate: CalendarDate;
  amountOverdue: MoneyString;
  daysLate: number;
  /** The last day to declare. */
  deadline: CalendarDate;
  /** The day the reminder is due (deadline − remindDaysBefore): derived from the invoice, never the run day, so reruns agree. */
  remindOn: CalendarDate;
  deadlinePassed: boolean;
  message: string;
}

/**
 * The last day to declare an invoice overdue to the insurer: the due date +
 * the policy's delay, in calendar days (assumption: the policy counts from
 * the due date, the deadline day included).
 *
 * @example
 * insurerDeclarationDeadline("2026-09-30", 60); // → "2026-11-29"
 */
export function insurerDeclarationDeadline(dueDate: CalendarDate, daysAfterDue: number): CalendarDate {
  const input = parseInput(z.strictObject({ dueDate: calendarDate, daysAfterDue: wholeDays(720) }), {
    dueDate,
    daysAfterDue,
  });
  return addDays(input.dueDate, input.daysAfterDue);
}

/**
 * The insured customer's invoices whose declaration is to be reminded on
 * `asOf`: still open, past due, not declared, and `remindDaysBefore` days or
 * less before their deadline — or past it (then said so: declare at once and
 * check the cover). Each carries what the declaration needs: customer and
 * SIREN, invoice number and date, due date, amount overdue, days late.
 *
 * @example
 * declarationReminder({ asOf: "2026-11-20", insurer: { name: "Allianz Trade", daysAfterDue: 60, remindDaysBefore: 10 },
 *   customer: { name: "Durand SARL", siren: "732829320" },
 *   invoices: [{ invoiceId: "F7", number: "FA-2026-000007", issuedOn: "2026-08-31", dueDate: "2026-09-30", openAmount: "4800.00" }] });
 * // → [{ number: "FA-2026-000007", deadline: "2026-11-29", remindOn: "2026-11-19", daysLate: 51, amountOverdue: "4800.00",
 * //      deadlinePassed: false, message: "Déclaration de menace de sinistre à faire auprès de l'assureur Allianz Trade au plus tard le 29/11/2026 : client Durand SARL (SIREN 732 829 320), facture FA-2026-000007 du 31/08/2026, échue le 30/09/2026, impayé de 4 800,00 €, 51 jours de retard.", … }]
 */
export function declarationReminder(rawInput: DeclarationReminderInput): DeclarationReminder[] {
  const input = parseInput(declarationReminderInputSchema, rawInput);
  const { asOf, insurer, customer } = input;
  const siren = customer.siren ?? null;
  const who = `client ${customer.name}${siren ? ` (SIREN ${spacedSiren(siren)})` : ""}`;
  return input.invoices
    .filter((inv) => money(inv.openAmount).greaterThan(0) && asOf > inv.dueDate && !inv.declaredOn)
    .map((inv) => {
      const deadline = addDays(inv.dueDate, insurer.daysAfterDue);
      const remindOn = addDays(deadline, -insurer.remindDaysBefore);
      const daysLate = daysBetween(inv.dueDate, asOf);
      const amountOverdue = formatMoney(money(inv.openAmount));
      const facts = `${who}, facture ${inv.number} du ${frenchDate(inv.issuedOn)}, échue le ${frenchDate(inv.dueDate)}, impayé de ${euros(amountOverdue)}, ${frenchDays(String(daysLate))} de retard.`;
      const deadlinePassed = asOf > deadline;
      const message = deadlinePassed
        ? `Délai de déclaration de menace de sinistre auprès de l'assureur ${insurer.name} dépassé depuis le ${frenchDate(deadline)} : déclarez sans attendre et vérifiez la couverture. ${capitalise(facts)}`
        : `Déclaration de menace de sinistre à faire auprès de l'assureur ${insurer.name} au plus tard le ${frenchDate(deadline)} : ${facts}`;
      return {
        invoiceId: inv.invoiceId,
        number: inv.number,
        customer: customer.name,
        siren,
        insurer: insurer.name,
        issuedOn: inv.issuedOn,
        dueDate: inv.dueDate,
        amountOverdue,
        daysLate,
        deadline,
        remindOn,
        deadlinePassed,
        message,
      };
    })
    .filter((r) => asOf >= r.remindOn);
}
