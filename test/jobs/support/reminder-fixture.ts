import type { Reminder } from "../../../functions/src/domain/reminders/reminder";

/** A plain reminder for outbox tests, with French accents in subject and body. */
export function fixtureReminder(n: number, overrides: Partial<Reminder> = {}): Reminder {
  return {
    companyId: "acme",
    rule: "customer-overdue",
    level: 1,
    target: `invoice/FA-2026-00010${n}`,
    day: "2026-03-10",
    to: [`client${n}@exemple.fr`],
    cc: [],
    subject: `Relance n°${n} : facture FA-2026-00010${n} échue`,
    text: `Bonjour,\n\nSauf erreur de notre part, la facture FA-2026-00010${n} reste impayée (4 320,00 €).\nCordialement, l'équipe comptabilité — Société Générale d'Été`,
    summary: `Relance ${n}`,
    ...overrides,
  };
}
