import { frenchDate } from "../dates/calendar-day";
import { LegalRates, halfYearName, halfYearsToAdd, reminderStart } from "../rates/legal-rates";
import type { Reminder } from "./reminder";
import type { ReminderSettings } from "./reminder-settings";

/** Who adds the rates: the company's admins (the accounting recipients when it has none). */
export interface LegalRatesWatch {
  companyId: string;
  admins: string[];
  rates: LegalRates;
}

/**
 * One reminder per half-year whose legal rates are still missing, from
 * 15 June / 15 December (when the arrêté is due in the Journal officiel).
 * Its day is that date whatever the run day, so the outbox sends it once.
 */
export function legalRatesMissingReminders(
  watch: LegalRatesWatch,
  settings: ReminderSettings,
  today: string,
): Reminder[] {
  const to = watch.admins.length > 0 ? [...watch.admins].sort() : [...settings.recipients.accounting];
  return halfYearsToAdd(today, watch.rates).map((from) => {
    const name = halfYearName(from);
    return {
      companyId: watch.companyId,
      rule: "legal-rates-missing",
      level: 0,
      target: `legal-rates/${from}`,
      day: reminderStart(from),
      to,
      cc: [],
      subject: `Taux légaux du ${name} à renseigner`,
      text: [
        "Bonjour,",
        "",
        `Les taux du ${name} (taux de l'intérêt légal pour les particuliers et pour les professionnels, taux de référence de la BCE) ne sont pas encore renseignés dans Acompte. Ils s'appliquent à partir du ${frenchDate(from)}.`,
        "Sans eux, les intérêts sur les avances des consommateurs, les majorations pour remboursement tardif et les pénalités de retard de ce semestre ne peuvent pas être calculés.",
        "Dès la publication de l'arrêté au Journal officiel, ajoutez-les depuis Google Sheets : menu Acompte › Taux légaux.",
        "",
        `${settings.companyName} – Acompte`,
      ].join("\n"),
      summary: `Taux légaux du ${name} manquants`,
    };
  });
}
