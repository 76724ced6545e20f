/**
 * *Suivi*: the refunds list (refund-list.ts), a search by number or
 * customer, and a request's status, figures, credit note, schedule and
 * history.
 */
import type { Me, Refund, RefundDetail, RefundSummary } from "../interfaces/api";
import { showError, showSuccess } from "./banner";
import { whileBusy } from "./busy";
import { byId, el, facts } from "./dom";
import { formatDate, formatMoney } from "./format";
import { eventLabel, inSentence, reasonLabel, statusLabel } from "./labels";
import { creditNoteTable, instalmentsTable, supplementsTable } from "./quote-view";
import { callServer } from "./server";
import { KeyedActions } from "./keyed-action";
import { bankAccountControls } from "./bank-account-controls";
import { RefundListView } from "./refund-list";
import { refundFilesSection } from "./documents-view";

/** A Firestore document id, as the sheets' last column « Identifiant » shows it. */
const TECHNICAL_ID = /^[A-Za-z0-9]{20}$/;

/** Statuses in which the requester (or an admin) may still withdraw the request. */
const CANCELLABLE = ["submitted", "sales_approved", "accounting_approved"];

export function statusBadge(status: string): HTMLElement {
  return el("span", { class: `status ${status}` }, statusLabel(status));
}

export class FollowTab {
  private readonly input = byId<HTMLInputElement>("follow-id");
  private readonly detail = byId("follow-detail");
  private readonly submit = byId<HTMLButtonElement>("follow-submit");
  private readonly actions = new KeyedActions();
  private readonly list = new RefundListView((refundId) => void this.show(refundId));
  private me: Me | null = null;

  setMe(me: Me): void {
    this.me = me;
  }

  constructor() {
    byId("follow-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.find(this.input.value.trim());
    });
  }

  /** Shows the list the first time the tab is opened: « Mes demandes » for a requester. */
  showList(): void {
    this.list.showFirst(this.me?.roles.includes("requester") ?? false);
  }

  /**
   * Lists the requests matching what was typed and opens the one found
   * when only one matches. An id copied from a sheet's last column
   * « Identifiant » matches no number nor customer: it is opened as such
   * (so is anything typed while the list cannot be read).
   */
  async find(typed: string): Promise<void> {
    const found = await whileBusy([this.submit], () => this.list.search(typed), "…");
    if (!typed) return;
    if (found?.items.length === 1 && !found.next) return this.show(found.items[0].id);
    if (!found || (found.items.length === 0 && TECHNICAL_ID.test(typed))) return this.show(typed);
    this.detail.replaceChildren();
  }

  /** The selected deposit's requests, one click to open each. */
  listDepositRefunds(refunds: RefundSummary[] | undefined): void {
    const list = byId("follow-list");
    if (!refunds?.length) {
      list.replaceChildren();
      return;
    }
    list.replaceChildren(
      el("h2", {}, "Demandes sur l'acompte sélectionné"),
      el(
        "ul",
        { class: "plain" },
        ...refunds.map((r) => {
          const open = el("button", { type: "button", class: "linklike" }, r.number);
          open.addEventListener("click", () => void this.show(r.id));
          return el("li", {}, open, " ", statusBadge(r.status), r.total ? ` ${formatMoney(r.total)}` : "");
        }),
      ),
    );
  }

  async show(refundId: string): Promise<void> {
    this.detail.setAttribute("aria-busy", "true");
    const answer = await whileBusy([this.submit], () => callServer("getRefund", refundId), "…");
    this.detail.setAttribute("aria-busy", "false");
    if (!answer) return;
    if (!answer.ok) {
      this.detail.replaceChildren();
      return showError(answer.error);
    }
    this.input.value = answer.data.number;
    this.detail.replaceChildren(this.view(answer.data));
  }

  private view(refund: RefundDetail): HTMLElement {
    const quote = refund.quote;
    return el(
      "article",
      { class: "card", "aria-label": `Demande ${refund.number}` },
      el("div", {}, el("strong", {}, `Demande ${refund.number} `), statusBadge(refund.status)),
      facts([
        ["Facture d'acompte", refund.deposit?.number],
        ["Client", refund.deposit?.customerName],
        ["Motif", reasonLabel(refund.reason)],
        ["Demandée par", refund.requestedBy],
        ["Le", refund.createdAt ? formatDate(refund.createdAt) : null],
        ["Avoir", refund.creditNote ? `${refund.creditNote.number} du ${formatDate(refund.creditNote.date)}` : null],
        ["Commentaire", refund.comment],
        ["Motif du rejet", refund.rejection?.reason],
      ]),
      this.cancelControls(refund),
      bankAccountControls(refund, this.me, this.actions, () => this.show(refund.id)),
      quote ? creditNoteTable(quote.creditNote.lines, quote.creditNote.total) : null,
      refund.schedule?.length ? instalmentsTable(refund.schedule) : null,
      refund.supplements?.length ? supplementsTable(refund.supplements, refund.totalOwed) : null,
      refundFilesSection(refund, this.me, this.actions, () => void this.show(refund.id)),
      refund.history?.length
        ? el(
            "div",
            {},
            el("h2", {}, "Historique"),
            el(
              "ol",
              { class: "history" },
              ...refund.history.map((e) =>
                el(
                  "li",
                  {},
                  `${formatDate(e.at)} — ${eventLabel(e.type)}${e.after && e.type === "refund.approved_step" ? ` (${inSentence(statusLabel(e.after))})` : ""}`,
                  e.by ? ` par ${e.by}` : "",
                  e.reason ? ` (motif : ${e.reason})` : "",
                ),
              ),
            ),
          )
        : null,
    );
  }

  /** *Annuler la demande*, confirmed by a second button, for its requester or an admin before approval. */
  private cancelControls(refund: Refund): HTMLElement | null {
    const me = this.me;
    const allowed = me && (me.email === refund.requestedBy || me.roles.includes("admin"));
    if (!allowed || !CANCELLABLE.includes(refund.status)) return null;
    const cancel = el("button", { type: "button", class: "danger" }, "Annuler la demande");
    const confirm = el("button", { type: "button", class: "danger", hidden: true }, "Confirmer l'annulation");
    const keep = el("button", { type: "button", class: "secondary", hidden: true }, "Garder la demande");
    const toggle = (confirming: boolean) => {
      cancel.hidden = confirming;
      confirm.hidden = !confirming;
      keep.hidden = !confirming;
      (confirming ? confirm : cancel).focus();
    };
    cancel.addEventListener("click", () => toggle(true));
    keep.addEventListener("click", () => toggle(false));
    confirm.addEventListener("click", async () => {
      const done = await this.actions.run(`${refund.id}:cancel`, refund.id, [confirm, keep], "Annulation…", (key) =>
        callServer("cancelRefund", refund.id, key),
      );
      if (!done) return;
      showSuccess(`Demande ${refund.number} ${inSentence(statusLabel("cancelled"))}.`);
      await this.show(refund.id);
    });
    return el("div", { class: "actions" }, cancel, confirm, keep);
  }
}
