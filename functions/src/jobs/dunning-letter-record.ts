/**
 * Records on the invoice the dunning letter the job puts in the outbox, in
 * the same transaction: the rule reads it back as the last letter sent, so
 * the next run escalates from it. A run that finds the record already moved
 * on (another run sent this letter), or a penalty invoice the letter does
 * not cite (issued while the run was computing it), enqueues nothing. The
 * letter sent raises the customer's highest dunning level: its record is
 * marked for the profile refresh in the same transaction.
 */
import type { Firestore } from "@google-cloud/firestore";
import { invoiceIdOf, letterSent } from "../domain/reminders/customer-overdue";
import type { Reminder } from "../domain/reminders/reminder";
import { COMPANIES, CUSTOMER_KEYS, CUSTOMERS, INVOICES } from "../model/collections";
import { customerKeyDocId, type CustomerKeyDoc } from "../model/customer";
import type { DunningLetter, InvoiceDoc } from "../model/invoice";
import type { LinkedWrite } from "../outbox/enqueue";
import { STALE_MARK } from "../workflow/mark-profile-stale";

export function dunningLetterRecord(db: Firestore, today: string): (r: Reminder) => LinkedWrite | null {
  return (r) => {
    if (r.rule !== "customer-overdue") return null;
    const company = db.collection(COMPANIES).doc(r.companyId);
    return {
      ref: company.collection(INVOICES).doc(invoiceIdOf(r.target)),
      update(current) {
        if (!current) return null;
        const invoice = current as InvoiceDoc;
        const letter: DunningLetter | null = letterSent(
          invoice.lastDunningLetter ?? null,
          r,
          today,
          (invoice.penaltyClaims ?? []).map((c) => c.number),
        );
        return letter && { lastDunningLetter: letter };
      },
      async alongside(tx, current) {
        if (typeof current.customerKey !== "string") return () => undefined;
        const alias = await tx.get(company.collection(CUSTOMER_KEYS).doc(customerKeyDocId(current.customerKey)));
        const customerId = (alias.data() as CustomerKeyDoc | undefined)?.customerId;
        return (t) => {
          if (customerId) t.update(company.collection(CUSTOMERS).doc(customerId), STALE_MARK());
        };
      },
    };
  };
}
