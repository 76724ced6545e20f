/**
 * French wording of the API's codes in the sidebar: the one label table the
 * sheets, messages and documents read too (bundled in by esbuild), so a
 * status or a reason reads the same in the sidebar and in the workbook.
 */
import {
  REFUND_EVENT_LABELS,
  REFUND_REASON_LABELS,
  REFUND_STATUS_LABELS,
  RISK_CLASS_LABELS,
  ROLE_LABELS,
  inSentence,
} from "../../../functions/src/domain/vocabulary/labels";

/** The reasons a request may give, in the table's order (the request form's choices). */
export const REASON_LABELS = REFUND_REASON_LABELS;

export { inSentence };

/** The label of a code, or undefined for a code the table does not know (a newer API). */
function labelOf(labels: Record<string, string>, code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : undefined;
}

export function statusLabel(status: string): string {
  return labelOf(REFUND_STATUS_LABELS, status) ?? status;
}

export function eventLabel(type: string): string {
  return labelOf(REFUND_EVENT_LABELS, type) ?? type.replace(/[._]/g, " ");
}

export function reasonLabel(reason: string | undefined): string {
  return reason ? (labelOf(REFUND_REASON_LABELS, reason) ?? reason) : "—";
}

/** Roles follow a name or a heading (« bob@acme.fr · approbateur commercial »): written as inside a sentence. */
export function roleLabel(role: string): string {
  const label = labelOf(ROLE_LABELS, role);
  return label ? inSentence(label) : role;
}

/** « Classe D – risque très élevé ». */
export function riskClassLabel(riskClass: string): string {
  return labelOf(RISK_CLASS_LABELS, riskClass) ?? `Classe ${riskClass}`;
}
