/**
 * Reminds accounting to declare an overdue insured invoice to the credit
 * insurer (déclaration de menace de sinistre) before the policy's deadline
 * — the due date + the insurer's `daysAfterDue` — passes: missing it may
 * cost the cover. One message per invoice and deadline (its day is the
 * deadline, derived from the invoice and the policy, never from the run
 * day), with every figure the declaration form asks for. Stops once the
 * invoice is paid or the declaration is recorded. A disputed invoice or one
 * under a payment promise is reminded all the same: neither extends the
 * policy's deadline (only the insurer can grant a prolongation). An invoice
 * assigned to a factor is reminded too, naming the factor: under a delegated
 * policy the declaration may be the factor's to make.
 */
import { declarationReminder } from "../customers/insurer-declaration";
import type { Insurer } from "../customers/insurers";
import { frenchDate } from "../dates/calendar-date";
import { spacedSiren } from "../einvoice/french-mentions";
import { euros } from "./french-amount";
import type { OverdueInvoice } from "./customer-overdue";
import type { Reminder } from "./reminder";
import type { ReminderSettings } from "./reminder-settings";

/** One open invoice of an insured customer, as the job reads it (the customer as its record names it). */
export interface InsuredInvoice extends Pick<
  OverdueInvoice,
  "companyId" | "invoiceId" | "number" | "issuedOn" | "dueDate" | "openAmount" | "customerName" | "disputed"
> {
  siren: string | null;
  /** The day the declaration was recorded (the invoice's insurance claim); null while not declared. */
  declaredOn: string | null;
  /** The factor the invoice was assigned to at issue (content.factoring.factor); null when it is the company's. */
  factor: string | null;
}

/**
 * The declaration reminder due on `today` for the invoice, or null (paid,
 * declared, not yet `remindDaysBefore` days before the deadline). Past the
 * deadline it still goes once — saying so — if no run sent it before (an
 * invoice insured late, a job outage).
 */
export function insurerDeclarationReminder(
  inv: InsuredInvoice,
  insurer: Insurer,
  settings: ReminderSettings,
  today: string,
): Reminder | null {
  const [due] = declarationReminder({
    asOf: today,
    insurer: { name: insurer.name, daysAfterDue: insurer.daysAfterDue, remindDaysBefore: insurer.remindDaysBefore },
    customer: { name: inv.customerName, siren: inv.siren },
    invoices: [
      {
        invoiceId: inv.invoiceId,
        number: inv.number,
        issuedOn: inv.issuedOn,
        dueDate: inv.dueDate,
        openAmount: inv.openAmount,
        declaredOn: inv.declaredOn,
      },
    ],
  });
  if (!due) return null;
  const deadline = frenchDate(due.deadline);
  const opening = due.deadlinePassed
    ? `Le délai de déclaration de menace de sinistre de la facture ci-dessous, assurée auprès de ${insurer.name}, a expiré le ${deadline} : déclarez-la sans attendre et vérifiez auprès de l'assureur que la garantie est maintenue.`
    : `La facture ci-dessous, assurée auprès de ${insurer.name}, reste impayée : sa déclaration de menace de sinistre doit parvenir à l'assureur au plus tard le ${deadline}, faute de quoi la garantie peut être perdue.`;
  return {
    companyId: inv.companyId,
    rule: "insurer-declaration",
    level: 0,
    target: `invoice/${inv.invoiceId}`,
    day: due.deadline,
    to: [...settings.recipients.accounting],
    cc: [],
    subject: `${due.deadlinePassed ? "Délai de déclaration dépassé" : `Déclaration à l'assureur avant le ${deadline}`} – facture ${inv.number} – ${inv.customerName}`,
    text: [
      "Bonjour,",
      "",
      opening,
      "",
      `Client : ${inv.customerName}`,
      `SIREN : ${due.siren ? spacedSiren(due.siren) : "non renseigné"}`,
      `Facture : ${inv.number} du ${frenchDate(inv.issuedOn)}`,
      `Échéance : ${frenchDate(inv.dueDate)}`,
      `Montant impayé : ${euros(due.amountOverdue)}`,
      `Retard : ${due.daysLate} ${due.daysLate < 2 ? "jour" : "jours"} au ${frenchDate(today)}`,
      `Date limite de déclaration : ${deadline}`,
      `Assureur : ${insurer.name}${insurer.email ? ` (${insurer.email})` : ""}`,
      ...(inv.disputed
        ? ["", "La facture est en litige : la déclaration reste à faire dans le délai pour conserver la garantie."]
        : []),
      // Under a delegated policy the factor, who holds the receivable, may be the one to declare it.
      ...(inv.factor
        ? [
            "",
            `La facture est cédée au factor ${inv.factor} (affacturage) : si la police d'assurance-crédit lui est déléguée, c'est à lui de faire la déclaration. Vérifiez avec lui qui la fait avant le ${deadline}.`,
          ]
        : []),
      "",
      "Une fois la déclaration faite, enregistrez-la sur la facture (assurance-crédit, étape « déclarée ») : ce rappel s'arrête.",
      "",
      settings.companyName,
    ].join("\n"),
    summary: `Déclaration à ${insurer.name} – ${inv.customerName} – ${inv.number} – avant le ${deadline}`,
  };
}
