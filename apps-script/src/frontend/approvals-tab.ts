/** *À approuver*: the caller's pending requests, approve or reject (reason required). */
import type { PendingApproval } from "../interfaces/api";
import { standingView } from "./advice-panel";
import { showSuccess } from "./banner";
import { whileBusy } from "./busy";
import { byId, el, facts } from "./dom";
import { formatDate, formatMoney } from "./format";
import { inSentence, reasonLabel, roleLabel, statusLabel } from "./labels";
import { callServer } from "./server";
import { KeyedActions } from "./keyed-action";
import { nextApprovalSentence } from "./next-step";
import { instalmentsTable } from "./quote-view";
import { reasonForm } from "./reason-form";
import { statementPreviewSection, supportingDocumentsList } from "./documents-view";

export class ApprovalsTab {
  private readonly list = byId("approvals");
  private readonly actions = new KeyedActions();

  constructor(private readonly onDecided: (refundId: string) => void) {
    const refresh = byId<HTMLButtonElement>("refresh-approvals");
    refresh.addEventListener("click", () => void whileBusy([refresh], () => this.load(), "Actualisation…"));
  }

  async load(): Promise<void> {
    this.list.setAttribute("aria-busy", "true");
    const answer = await callServer("listPendingApprovals");
    this.list.setAttribute("aria-busy", "false");
    if (!answer.ok) {
      this.list.replaceChildren(el("p", { class: "field-error" }, answer.error.message));
      return;
    }
    const count = byId("approvals-count");
    count.textContent = answer.data.length ? String(answer.data.length) : "";
    count.setAttribute("aria-label", `${answer.data.length} demande(s) en attente`);
    if (answer.data.length === 0) {
      this.list.replaceChildren(el("p", { class: "muted" }, "Aucune demande n'attend votre approbation."));
      return;
    }
    this.list.replaceChildren(...answer.data.map((item) => this.card(item)));
  }

  private card(item: PendingApproval): HTMLElement {
    const approve = el("button", { type: "button", class: "primary" }, "Approuver");
    const reject = el("button", { type: "button", class: "danger" }, "Rejeter");
    const rejection = reasonForm(
      `reject-reason-${item.id}`,
      "Motif du rejet (obligatoire)",
      "Confirmer le rejet",
      true,
    );
    const { form: rejectForm, box: reasonBox, confirm } = rejection;
    const cancel = rejection.cancel!;
    const title = item.depositNumber
      ? `Demande de remboursement — acompte ${item.depositNumber}`
      : `Demande de remboursement ${item.number}`;
    const card = el(
      "article",
      { class: "card", "aria-label": title },
      el("strong", {}, title),
      facts([
        ["Demande", item.number],
        ["Client", item.customerName],
        ["Motif", reasonLabel(item.reason)],
        ["Demandée par", item.requestedBy],
        ["Le", item.createdAt ? formatDate(item.createdAt) : null],
        ["Commentaire", item.comment],
      ]),
      standingView(item.customerStanding),
      amountsFacts(item),
      item.schedule?.length ? instalmentsTable(item.schedule) : null,
      // What the customer sent (cancellation letter, proof): the claim is checked before approving.
      supportingDocumentsList(item.id),
      // What the customer will receive: read before approving, issued only by the final approval.
      item.depositNumber ? statementPreviewSection(item.id, item.number) : null,
      facts([
        ["Déjà approuvée par", approvalsText(item.approvals)],
        ["En attente de", item.awaiting?.map(roleLabel).join(", ")],
      ]),
      el("div", { class: "actions" }, approve, reject),
      rejectForm,
    );
    const buttons = [approve, reject, confirm, cancel];

    approve.addEventListener("click", async () => {
      const refund = await this.actions.run(`${item.id}:approve`, item.id, buttons, "Approbation…", (key) =>
        callServer("approveRefund", item.id, key),
      );
      if (!refund) return;
      showSuccess(
        !refund.awaiting?.length
          ? `Demande ${item.number} ${inSentence(statusLabel(refund.status))}${refund.creditNote ? ` : avoir ${refund.creditNote.number} émis` : ""}. ${refund.requestedBy} est prévenu par e-mail.`
          : `Votre approbation de la demande ${item.number} est enregistrée. ${nextApprovalSentence(refund)}`,
      );
      this.onDecided(item.id);
      await this.load();
    });
    reject.addEventListener("click", () => {
      rejectForm.hidden = false;
      reasonBox.focus();
    });
    cancel.addEventListener("click", () => {
      rejectForm.hidden = true;
      reject.focus();
    });
    confirm.addEventListener("click", async () => {
      const reason = rejection.read("Indiquez le motif du rejet.");
      if (!reason) return;
      const refund = await this.actions.run(`${item.id}:reject`, reason, buttons, "Rejet…", (key) =>
        callServer("rejectRefund", item.id, reason, key),
      );
      if (!refund) return;
      showSuccess(
        `Demande ${item.number} ${inSentence(statusLabel("rejected"))}. ${item.requestedBy} est prévenu par e-mail.`,
      );
      this.onDecided(item.id);
      await this.load();
    });
    return card;
  }
}

/** The money of a request: the credit note (TTC, its VAT), compensation without VAT, what is owed in all, the balance. */
function amountsFacts(item: PendingApproval): HTMLDListElement {
  return facts([
    ["Avoir TTC", item.creditNoteGross ? formatMoney(item.creditNoteGross) : null],
    ["dont TVA", item.creditNoteGross && item.vat ? formatMoney(item.vat) : null],
    ...(item.compensation ?? []).map((c): [string, string] => [`${c.label} (hors TVA)`, formatMoney(c.amount)]),
    ["Total dû au client", item.total ? formatMoney(item.total) : null],
    ["Solde remboursable avant", item.balanceBefore ? formatMoney(item.balanceBefore) : null],
    ["Solde remboursable après", item.balanceAfter ? formatMoney(item.balanceAfter) : null],
  ]);
}

/** « Approbateur commercial sam@acme.fr le 10/03/2026 12:00 ». */
function approvalsText(approvals: PendingApproval["approvals"] | undefined): string | null {
  if (!approvals?.length) return null;
  return approvals.map((a) => `${roleLabel(a.role)} ${a.by} le ${formatDate(a.at)}`).join(" ; ");
}
