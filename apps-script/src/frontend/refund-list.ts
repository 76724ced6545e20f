/**
 * The refunds list of the *Suivi* tab: « Toutes les demandes », « Mes
 * demandes », « Approuvées, non payées », « En retard », a search by
 * customer or by number, what is left to pay, and « Demandes suivantes »
 * for the next page (GET …/refunds).
 */
import type { RefundList, RefundListFilter, RefundListItem } from "../interfaces/api";
import { REFUND_LIST_FILTER_LABELS } from "../../../functions/src/domain/vocabulary/labels";
import { whileBusy } from "./busy";
import { byId, el } from "./dom";
import { formatDate, formatMoney } from "./format";
import { statusLabel } from "./labels";
import { callServer } from "./server";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export class RefundListView {
  private readonly filter = byId<HTMLSelectElement>("list-filter");
  private readonly box = byId("refund-list");
  private q = "";
  private loaded = false;

  /** `open`: shows one request's detail. */
  constructor(private readonly open: (refundId: string) => void) {
    this.filter.replaceChildren(
      ...(Object.entries(REFUND_LIST_FILTER_LABELS) as [RefundListFilter, string][]).map(([value, label]) =>
        el("option", { value }, label),
      ),
    );
    this.filter.addEventListener("change", () => void this.load());
  }

  /** The first view: the requester's own requests, everyone's for the others. */
  showFirst(requester: boolean): void {
    if (this.loaded) return;
    this.filter.value = requester ? "mine" : "all";
    void this.load();
  }

  /** Lists what matches `q` under the current filter. */
  async search(q: string): Promise<RefundList | null> {
    this.q = q;
    return this.load();
  }

  async load(): Promise<RefundList | null> {
    this.loaded = true;
    const list = await this.fetch();
    if (list) this.box.replaceChildren(this.summary(list), this.table(list));
    return list;
  }

  /**
   * A page of the list; a failure is told in the list itself, not in the
   * banner, where it would replace the message of what was just done.
   */
  private async fetch(after?: string): Promise<RefundList | null> {
    this.box.setAttribute("aria-busy", "true");
    const filter = this.filter.value as RefundListFilter;
    const answer = await callServer("listRefunds", { filter, ...(this.q ? { q: this.q } : {}), after });
    this.box.setAttribute("aria-busy", "false");
    if (answer.ok) return answer.data;
    this.box.replaceChildren(el("p", { class: "list-error" }, `Liste indisponible : ${answer.error.message}`));
    return null;
  }

  private summary(list: RefundList): HTMLElement {
    const where = this.q ? ` pour « ${this.q} »` : "";
    return el(
      "p",
      { class: "list-total" },
      list.openCount === 0
        ? `Aucune demande en cours${where} : rien à payer.`
        : `${plural(list.openCount, "demande en cours", "demandes en cours")}${where} · reste à payer `,
      list.openCount === 0 ? null : el("strong", {}, formatMoney(list.leftToPay)),
    );
  }

  private table(list: RefundList): HTMLElement {
    if (list.items.length === 0)
      return el("p", { class: "muted" }, this.q ? `Aucune demande ne correspond à « ${this.q} ».` : "Aucune demande.");
    const items = el("ul", { class: "refund-list" }, ...list.items.map((item) => this.row(item)));
    const wrapper = el("div", {}, items);
    if (list.next) wrapper.append(this.moreButton(list.next, items, wrapper));
    return wrapper;
  }

  private moreButton(after: string, items: HTMLElement, wrapper: HTMLElement): HTMLButtonElement {
    const more = el("button", { type: "button", class: "secondary small" }, "Demandes suivantes");
    more.addEventListener("click", async () => {
      const page = await whileBusy([more], () => this.fetch(after), "…");
      if (!page) return;
      items.append(...page.items.map((item) => this.row(item)));
      more.remove();
      if (page.next) wrapper.append(this.moreButton(page.next, items, wrapper));
    });
    return more;
  }

  /** Number, status and what is left to pay; the customer; the other numbers and the next due date. */
  private row(item: RefundListItem): HTMLElement {
    const open = el("button", { type: "button", class: "linklike number" }, item.number);
    open.addEventListener("click", () => this.open(item.id));
    // Each number whole on its line: the text wraps between numbers, never inside one.
    const documents = [
      item.depositNumber,
      item.creditNoteNumber,
      item.orderRef && `commande ${item.orderRef}`,
      item.nextDueDate && `échéance du ${formatDate(item.nextDueDate)}`,
    ]
      .filter((d): d is string => Boolean(d))
      .flatMap((d, i) => [i > 0 ? " · " : "", el("span", { class: "nowrap" }, d)]);
    return el(
      "li",
      { class: item.late ? "late" : undefined },
      el(
        "div",
        { class: "line" },
        open,
        el("span", { class: `status ${item.status}` }, statusLabel(item.status)),
        item.late ? el("span", { class: "status late" }, "En retard") : null,
        el("span", { class: "left-to-pay", title: "Reste à payer" }, formatMoney(item.leftToPay)),
      ),
      el("div", {}, item.customerName),
      documents.length ? el("div", { class: "muted small" }, ...documents) : null,
    );
  }
}
