import type { AuditVerification } from "../interfaces/api";
import { alertResult } from "./alert-result";
import { callApi } from "./api-client";
import { frenchDay } from "./french-date";

/** The findings shown in the dialog; the rest are counted. */
const SHOWN = 10;

export function describeVerification(result: AuditVerification): string {
  const anchor = result.anchors?.[0];
  const compared = anchor ? ` Comparaison faite avec l'empreinte du ${frenchDay(anchor.date)}.` : "";
  if (result.ok)
    return `Toutes les chaînes d'audit sont intactes : aucun document n'a été modifié après son émission.${compared}`;
  const findings = result.findings ?? [];
  if (findings.length > 0) {
    const total = result.findingsTotal ?? findings.length;
    const more = total > SHOWN ? `\n… et ${total - SHOWN} autre(s).` : "";
    return (
      `${total} anomalie(s) dans les registres :\n` +
      findings
        .slice(0, SHOWN)
        .map((f) => `- ${f.problem}`)
        .join("\n") +
      `${more}\nAlertez votre expert-comptable.${compared}`
    );
  }
  const broken = result.firstBroken;
  const where = broken ? [broken.series, broken.number ?? broken.id].filter(Boolean).join(" ") : "";
  return `Une chaîne d'audit est rompue${where ? ` au document ${where}` : ""}. Ce document a été modifié après son émission : alertez votre expert-comptable.`;
}

/** Admins only: the functions answer 403 to anyone else, shown as such. */
export function verifyAuditChains(): void {
  alertResult(
    "Vérifier les chaînes d'audit",
    callApi<AuditVerification>({ method: "get", path: "/audit/verify" }),
    describeVerification,
  );
}
