import type { AuditVerification } from "../interfaces/api";
import { alertResult } from "./alert-result";
import { callApi } from "./api-client";

export function describeVerification(result: AuditVerification): string {
  if (result.ok) return "Toutes les chaînes d'audit sont intactes : aucun document n'a été modifié après son émission.";
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
