/** A reason a person must type before confirming: a rejection's, an unmatching's. Hidden until asked for. */
import { el } from "./dom";

export interface ReasonForm {
  form: HTMLDivElement;
  box: HTMLTextAreaElement;
  confirm: HTMLButtonElement;
  cancel: HTMLButtonElement | null;
  /** The trimmed reason; or null, `missing` shown under the box and the box focused. */
  read(missing: string): string | null;
}

export function reasonForm(id: string, label: string, confirmLabel: string, withCancel: boolean): ReasonForm {
  const box = el("textarea", { id, rows: "2", maxlength: "500", "aria-describedby": `${id}-error` });
  const error = el("p", { class: "field-error", id: `${id}-error` });
  const confirm = el("button", { type: "button", class: "danger" }, confirmLabel);
  const cancel = withCancel ? el("button", { type: "button", class: "secondary" }, "Annuler") : null;
  const form = el(
    "div",
    { hidden: true },
    el("label", { for: id }, label),
    box,
    error,
    el("div", { class: "actions" }, confirm, cancel),
  );
  return {
    form,
    box,
    confirm,
    cancel,
    read(missing) {
      const reason = box.value.trim();
      error.textContent = reason ? "" : missing;
      box.setAttribute("aria-invalid", String(!reason));
      if (!reason) box.focus();
      return reason || null;
    },
  };
}
