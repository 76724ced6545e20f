/**
 * The day's anchor mailed to the company's auditors: the heads, one hash
 * per short line (no mail encoding cuts it), what the check found, and how
 * to give the mail back to the verifier. It goes through the outbox like a
 * reminder, under an id made of the company and the day, so the auditors
 * get it once whatever the number of runs that day.
 */
import { frenchDate } from "../domain/dates/calendar-day";
import type { Reminder } from "../domain/reminders/reminder";
import type { AnchorDoc } from "../model/anchor";
import { anchorLines } from "./anchor-text";

export const ANCHOR_TARGET = "anchors";

export function anchorMail(companyId: string, companyName: string, anchor: AnchorDoc, auditors: string[]): Reminder {
  const day = frenchDate(anchor.date);
  const scope = anchor.since ? `depuis l'empreinte du ${frenchDate(anchor.since)}` : "depuis le premier document";
  const check =
    anchor.findingsCount === 0
      ? [`Contrôle des chaînes ${scope} : aucune anomalie.`]
      : [
          `Contrôle des chaînes ${scope} : ${anchor.findingsCount} anomalie(s), dont :`,
          ...anchor.findings.map((f) => `- ${f}`),
        ];
  const text = [
    "Bonjour,",
    "",
    `Voici l'empreinte d'intégrité du ${day} des registres tenus dans Acompte par ${companyName} : pour chaque série (factures, avoirs, écritures), le dernier numéro émis et son empreinte SHA-256, qui scelle ce document et, par chaînage, tous ceux qui le précèdent.`,
    "",
    ...anchorLines(anchor),
    "",
    ...check,
    "",
    "Conservez ce message tel quel : il prouve l'état des registres ce jour-là, hors de la base d'Acompte.",
    "Pour contrôler plus tard qu'aucun document n'a été supprimé ou réécrit depuis, un administrateur de la société donne ce message (ou ses seules lignes ci-dessus) à la vérification d'Acompte :",
    `- npm run verify-chains -- ${companyId} --anchor <fichier contenant ce message>`,
    `- ou POST /v1/companies/${companyId}/audit/verify avec { "anchorText": "<ce message>" }.`,
    "La vérification nomme chaque anomalie : document manquant, chaîne réécrite, champ modifié.",
    "",
    "Message envoyé automatiquement par Acompte.",
  ].join("\n");
  return {
    companyId,
    rule: "integrity-anchor",
    level: 0,
    target: ANCHOR_TARGET,
    day: anchor.date,
    to: auditors,
    cc: [],
    subject: `Empreinte d'intégrité du ${day} – ${companyName}${anchor.findingsCount ? " – anomalies détectées" : ""}`,
    text,
    summary: `Empreinte du ${day} : ${anchor.heads.map((h) => h.number).join(", ")}`,
  };
}
