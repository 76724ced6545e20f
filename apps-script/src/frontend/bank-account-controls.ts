/**
 * *Suivi* › « IBAN du remboursement » (accounting approvers and admins, on an
 * approved request): change the beneficiary's IBAN, and confirm someone
 * else's change. A change holds the refund's transfers until a second
 * person confirms it (docs/bank.md, fraude au changement de RIB), so the
 * card says who changed what, and offers the confirmation only to others.
 */
import type { Me, RefundDetail } from "../interfaces/api";
import { showSuccess } from "./banner";
import { el } from "./dom";
import { formatDate } from "./format";
import type { KeyedActions } from "./keyed-action";
import { callServer } from "./server";

const MAY_CHANGE = ["accounting_approver", "admin"];

export function bankAccountControls(
  refund: RefundDetail,
  me: Me | null,
  actions: KeyedActions,
  reload: () => Promise<void>,
): HTMLElement | null {
  if (!me || !me.roles.some((r) => MAY_CHANGE.includes(r)) || refund.status !== "approved") return null;
  const pending = refund.bankAccountChangePending;
  const current = refund.bankAccount
    ? `Compte actuel : ${refund.bankAccount.iban}${refund.bankAccount.bic ? ` (BIC ${refund.bankAccount.bic})` : ""}.`
    : "Aucun IBAN n'est encore enregistré pour ce remboursement : ses échéances ne peuvent pas être virées.";

  const iban = el("input", { type: "text", id: `iban-${refund.id}`, autocomplete: "off", spellcheck: "false" });
  const bic = el("input", { type: "text", id: `bic-${refund.id}`, autocomplete: "off", spellcheck: "false" });
  const change = el("button", { type: "button" }, "Changer l'IBAN");
  change.addEventListener("click", async () => {
    const body = { iban: iban.value.trim(), bic: bic.value.trim() || null };
    const done = await actions.run(`${refund.id}:bank-account`, body, [change], "Enregistrement…", (key) =>
      callServer("changeRefundBankAccount", refund.id, body.iban, body.bic, key),
    );
    if (!done) return;
    showSuccess(
      `IBAN de la demande ${refund.number} changé : ses virements sont retenus jusqu'à la confirmation par une autre personne.`,
    );
    await reload();
  });

  const confirmControls: HTMLElement[] = [];
  if (pending) {
    const notice = el(
      "p",
      { class: "hint" },
      `IBAN changé le ${formatDate(pending.changedOn)} par ${pending.changedBy} (${pending.previousIban ?? "aucun"} → ${pending.iban}) : virements retenus jusqu'à sa confirmation par une autre personne.`,
    );
    confirmControls.push(notice);
    if (pending.changedBy !== me.email) {
      const confirm = el("button", { type: "button" }, "Confirmer le changement d'IBAN");
      confirm.addEventListener("click", async () => {
        const done = await actions.run(
          `${refund.id}:bank-account-confirm`,
          pending,
          [confirm],
          "Confirmation…",
          (key) => callServer("confirmRefundBankAccount", refund.id, key),
        );
        if (!done) return;
        showSuccess(`Changement d'IBAN de la demande ${refund.number} confirmé : ses virements peuvent partir.`);
        await reload();
      });
      confirmControls.push(el("div", { class: "actions" }, confirm));
    }
  }

  return el(
    "section",
    { "aria-label": "IBAN du remboursement" },
    el("h2", {}, "IBAN du remboursement"),
    el("p", {}, current),
    ...confirmControls,
    el("label", { for: iban.id }, "Nouvel IBAN du client"),
    iban,
    el("label", { for: bic.id }, "BIC (facultatif)"),
    bic,
    el("div", { class: "actions" }, change),
  );
}
