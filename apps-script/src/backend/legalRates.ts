import type { LegalHalfYear, LegalRatesAnswer, LegalRatesBody } from "../interfaces/api";
import { withActionKey } from "./action-key";
import { callApi } from "./api-client";
import { frenchDay } from "./french-date";

const TITLE = "Taux légaux";
/** The half-years listed in the dialog: the latest ones, which the current computations use. */
const SHOWN = 4;

const percent = (value: string | null) => (value === null ? "—" : `${value.replace(".", ",")} %`);

function halfYearLine(h: LegalHalfYear): string {
  const origin = h.origin === "added" ? `ajouté par ${h.addedBy ?? "un administrateur"}` : "livré avec Acompte";
  return `${h.label} : intérêt légal ${percent(h.consumer)} (particuliers), ${percent(h.professional)} (professionnels) ; BCE ${percent(h.ecb)} — ${origin}`;
}

/** The rates in force, newest first, and what is missing. */
export function describeLegalRates(answer: LegalRatesAnswer): string {
  const lines = answer.halfYears.slice(0, SHOWN).map(halfYearLine);
  const missing = answer.missing.map((m) => `${m.label} (à partir du ${frenchDay(m.from)})`);
  const tail =
    missing.length > 0
      ? `\n\nÀ renseigner : ${missing.join(", ")}.`
      : "\n\nTous les taux nécessaires à ce jour sont renseignés.";
  return `${lines.join("\n")}${tail}`;
}

/** « 6,67 », « 6.67 », « 6,67 % » → "6.67"; null when it is not a rate with at most two decimals. */
export function parseRate(text: string): string | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  return match ? (match[2] ? `${match[1]}.${match[2]}` : match[1]) : null;
}

type Asked = { ok: true; body: LegalRatesBody } | { ok: false; problem: string | null };

function askRates(ui: GoogleAppsScript.Base.Ui, halfYear: string, intro: string): Asked {
  const ask = (question: string): string | null => {
    const answer = ui.prompt(TITLE, `${intro}\n\n${question}`, ui.ButtonSet.OK_CANCEL);
    return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
  };
  const rates: Record<"consumer" | "professional" | "ecb", string> = { consumer: "", professional: "", ecb: "" };
  const questions = [
    ["consumer", "Taux de l'intérêt légal, créancier particulier (en %, ex. 6,67) :"],
    ["professional", "Taux de l'intérêt légal, autres créanciers (en %, ex. 2,62) :"],
    ["ecb", "Taux de refinancement de la BCE en vigueur le premier jour du semestre (en %, ex. 2,15) :"],
  ] as const;
  for (const [field, question] of questions) {
    const typed = ask(question);
    if (typed === null) return { ok: false, problem: null };
    const rate = parseRate(typed);
    if (rate === null)
      return { ok: false, problem: `« ${typed} » n'est pas un taux : tapez un pourcentage, par exemple 6,67.` };
    rates[field] = rate;
  }
  const source = ask("Source : l'arrêté et sa date au Journal officiel, la décision de la BCE :");
  if (source === null) return { ok: false, problem: null };
  if (!source) return { ok: false, problem: "Indiquez la source des taux (arrêté et date du Journal officiel)." };
  return { ok: true, body: { halfYear, ...rates, source } };
}

/**
 * Shows the legal rates in force; when a half-year is missing, an admin
 * adds it (POST …/legal-rates) and the quotes reaching it work at once,
 * with no deploy. Anyone else is told the functions refused (403).
 */
export function showLegalRates(): void {
  const ui = SpreadsheetApp.getUi();
  const listed = callApi<LegalRatesAnswer>({ method: "get", path: "/legal-rates" });
  if (!listed.ok) {
    ui.alert(TITLE, listed.error.message, ui.ButtonSet.OK);
    return;
  }
  const next = listed.data.missing[0];
  if (!next) {
    ui.alert(TITLE, describeLegalRates(listed.data), ui.ButtonSet.OK);
    return;
  }
  const intro = `${describeLegalRates(listed.data)}\n\nAjout des taux du ${next.label} (administrateurs).`;
  const halfYear = next.from;
  const asked = askRates(ui, halfYear, intro);
  if (!asked.ok) {
    if (asked.problem) ui.alert(TITLE, asked.problem, ui.ButtonSet.OK);
    return;
  }
  const body = asked.body;
  const result = withActionKey(`legal-rates ${halfYear}`, body, (idempotencyKey) =>
    callApi<LegalRatesAnswer>({ method: "post", path: "/legal-rates", body, idempotencyKey }),
  );
  ui.alert(
    TITLE,
    result.ok ? `Taux enregistrés.\n\n${describeLegalRates(result.data)}` : result.error.message,
    ui.ButtonSet.OK,
  );
}
