/** *Demander un remboursement*: prefill from the selected row, live quote, one request per submission. */
import type { Deposit, RefundProposal } from "../interfaces/api";
import type { DepositSelection, SelectedRow } from "../interfaces/sidebar-context";
import { clearBanner, showError, showSuccess } from "./banner";
import { nextApprovalSentence } from "./next-step";
import { whileBusy } from "./busy";
import { byId, el, facts } from "./dom";
import { formatDate, formatMoney, todayIso } from "./format";
import {
  FIELD_LABELS,
  addDateRow,
  fieldOfPath,
  fillLines,
  fillReasons,
  pricedPart,
  readRequestForm,
  showFieldErrors,
  syncChoices,
} from "./request-form";
import { quoteView } from "./quote-view";
import { callServer } from "./server";
import { SubmissionKey } from "./submission-key";

const QUOTE_DELAY_MS = 400;
/** How often the sidebar looks at which row is selected (a sheet read, no call to the functions). */
const SELECTION_POLL_MS = 3000;

/** Which error slot an input belongs to, so errors only show on fields the user touched. */
function errorField(target: EventTarget | null): string | null {
  const id = (target as HTMLElement | null)?.id ?? "";
  if (id.startsWith("equal-")) return "equal";
  if (id.startsWith("date-") || id.startsWith("amount-")) return "dates";
  if (id.startsWith("line-")) return "lines";
  return id || null;
}

export class RequestTab {
  private deposit: Deposit | null = null;
  private quoteSeq = 0;
  /** The priced part of the proposal the preview shows a valid quote for. */
  private quoted: string | null = null;
  /** The priced part the functions refused to quote (not a passing failure): nothing to send. */
  private refused: string | null = null;
  private submitted: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly touched = new Set<string>();
  private readonly key = new SubmissionKey();
  private readonly form = byId<HTMLFormElement>("request-form");
  private readonly submit = byId<HTMLButtonElement>("submit-request");
  private readonly preview = byId("preview");
  private readonly submitHint = byId("submit-hint");
  /** The api's refusal of the quoted proposal, by error slot of the form (shown under each field). */
  private refusedFields: Record<string, string> = {};

  constructor(
    private readonly onRequested: (refundId: string) => void,
    private readonly onSelection: (selection: DepositSelection) => void,
    /** Each poll's reading of the selected row (the « Conseil client » follows what is typed). */
    private readonly onRow: (row: SelectedRow) => void = () => undefined,
  ) {
    fillReasons();
    byId<HTMLInputElement>("single-date").value = todayIso();
    byId<HTMLInputElement>("equal-first").value = todayIso();
    addDateRow();
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.send();
    });
    byId("add-date").addEventListener("click", () => {
      addDateRow();
      this.schedule();
    });
    const refresh = byId<HTMLButtonElement>("refresh-selection");
    refresh.addEventListener("click", () => void whileBusy([refresh], () => this.reloadSelection(), "Lecture…"));
    setInterval(() => void this.watchSelection(), SELECTION_POLL_MS);
  }

  /**
   * When the user selects another deposit row, offers it on the refresh
   * button rather than swapping the form under their hands; with no deposit
   * loaded yet, takes it at once.
   */
  private async watchSelection(): Promise<void> {
    if (document.visibilityState !== "visible") return;
    const refresh = byId<HTMLButtonElement>("refresh-selection");
    if (refresh.getAttribute("aria-busy") === "true") return;
    const answer = await callServer("getSelectedRow");
    if (!answer.ok) return;
    this.onRow(answer.data);
    const { row, depositId } = answer.data;
    const other = depositId !== null && depositId !== this.deposit?.id;
    if (other && !this.deposit && !this.submit.hasAttribute("aria-busy")) {
      await whileBusy([refresh], () => this.reloadSelection(), "Lecture…");
      return;
    }
    refresh.textContent = other ? `Utiliser la ligne ${row} sélectionnée` : "Utiliser la ligne sélectionnée";
    refresh.classList.toggle("primary", other);
    refresh.classList.toggle("secondary", !other);
  }

  async reloadSelection(): Promise<void> {
    const answer = await callServer("getSelectedDeposit");
    if (!answer.ok) return showError(answer.error);
    this.showSelection(answer.data);
  }

  showSelection(selection: DepositSelection): void {
    this.deposit = selection.deposit;
    this.onSelection(selection);
    const box = byId("deposit");
    const deposit = selection.deposit;
    if (!deposit) {
      box.replaceChildren(
        el(
          "p",
          { class: "muted" },
          selection.problem ?? "Sélectionnez la ligne d'un acompte dans la feuille « Acomptes ».",
        ),
      );
    } else {
      box.replaceChildren(
        el("strong", {}, `Acompte ${deposit.number}`),
        facts([
          ["Client", deposit.customer?.name],
          ["Commande", deposit.orderRef],
          ["Facturé le", formatDate(deposit.date)],
          ["Montant TTC", deposit.total ? formatMoney(deposit.total.gross) : null],
          ["Statut", deposit.statusLabel],
          ["Solde remboursable", deposit.refundableBalance ? formatMoney(deposit.refundableBalance) : null],
        ]),
      );
    }
    fillLines(deposit);
    // Only consumers have a termination date that makes late-refund increases run.
    byId("termination").hidden = deposit?.customer?.kind !== "b2c";
    this.schedule();
  }

  private changed(event: Event): void {
    const field = errorField(event.target);
    if (field) this.touched.add(field);
    syncChoices();
    this.schedule();
  }

  /**
   * Re-quotes after a pause, unless the priced part is the one already quoted
   * (a comment typed, or the `change` a field fires when it loses focus, e.g.
   * on the mousedown of the submit button): the quote shown stays valid.
   */
  private schedule(): void {
    clearTimeout(this.timer);
    const reading = readRequestForm(this.deposit);
    if (reading.ok && pricedPart(reading.proposal) === this.quoted) {
      showFieldErrors({}, this.touched);
    } else {
      this.quoted = null;
      this.timer = setTimeout(() => void this.quote(), QUOTE_DELAY_MS);
    }
    this.updateSubmit();
  }

  /**
   * The button stays enabled while the form reads well, even before its quote
   * returns: a click on a disabled button is lost without a word, so a click
   * that comes before the quote waits for it instead (see send).
   */
  private updateSubmit(): void {
    const reading = readRequestForm(this.deposit);
    const fingerprint = reading.ok ? JSON.stringify(reading.proposal) : null;
    const busy = this.submit.getAttribute("aria-busy") === "true";
    const refused = reading.ok && pricedPart(reading.proposal) === this.refused;
    const done = fingerprint !== null && fingerprint === this.submitted;
    this.submit.disabled = busy || !fingerprint || refused || done;
    // A greyed button says why: the fields to fill or correct, by their labels.
    const missing = reading.ok ? [] : Object.keys(reading.errors);
    const named = (fields: string[]) => fields.map((f) => FIELD_LABELS[f] ?? f).join(", ");
    this.submitHint.textContent = busy
      ? ""
      : missing.length > 0
        ? `Pour envoyer la demande, complétez : ${named(missing)}.`
        : refused
          ? Object.keys(this.refusedFields).length > 0
            ? `Pour envoyer la demande, corrigez : ${named(Object.keys(this.refusedFields))}.`
            : "Pour envoyer la demande, modifiez-la : l'avoir n'a pas pu être calculé."
          : done
            ? "Cette demande est envoyée : modifiez le formulaire pour en faire une autre."
            : "";
  }

  /** Shows the form's own errors and the api's refusal, each under its field, once. */
  private showErrors(errors: Record<string, string>): void {
    Object.keys(this.refusedFields).forEach((f) => this.touched.add(f));
    showFieldErrors({ ...this.refusedFields, ...errors }, this.touched);
  }

  private async quote(): Promise<void> {
    const reading = readRequestForm(this.deposit);
    this.refusedFields = {};
    this.showErrors(reading.ok ? {} : reading.errors);
    if (!reading.ok) {
      if (this.deposit)
        this.preview.replaceChildren(el("p", { class: "muted" }, "Complétez le formulaire pour voir l'avoir."));
      return;
    }
    const seq = ++this.quoteSeq;
    const fingerprint = pricedPart(reading.proposal);
    this.preview.setAttribute("aria-busy", "true");
    const answer = await callServer("quoteRefund", reading.proposal);
    // A newer quote was asked for while this one ran: its answer wins.
    if (seq !== this.quoteSeq) return;
    this.preview.setAttribute("aria-busy", "false");
    if (!answer.ok) {
      this.refused = answer.error.retryable ? null : fingerprint;
      // Each detail under the field it names; what no field holds, once, in the preview.
      const unplaced: string[] = [];
      for (const detail of answer.error.details ?? []) {
        const field = fieldOfPath(detail.path);
        if (field) this.refusedFields[field] = [this.refusedFields[field], detail.message].filter(Boolean).join(" ");
        else unplaced.push(detail.message);
      }
      this.showErrors({});
      this.updateSubmit();
      const placed = Object.keys(this.refusedFields).length > 0;
      // The message sums the details up: shown alone when no field holds them, never beside them.
      const texts = placed ? unplaced : [answer.error.message];
      this.preview.replaceChildren(
        ...texts.map((text) => el("p", { class: "field-error", role: "alert" }, text)),
        ...(placed ? [el("p", { class: "muted" }, "L'avoir sera calculé une fois le champ signalé corrigé.")] : []),
      );
      return;
    }
    this.quoted = fingerprint;
    this.refused = null;
    this.preview.replaceChildren(quoteView(answer.data));
    this.updateSubmit();
  }

  private async send(): Promise<void> {
    const reading = readRequestForm(this.deposit);
    if (!reading.ok) {
      Object.keys(reading.errors).forEach((f) => this.touched.add(f));
      showFieldErrors(reading.errors, null);
      return;
    }
    const proposal: RefundProposal = reading.proposal;
    const fingerprint = JSON.stringify(proposal);
    if (fingerprint === this.submitted) return;
    if (pricedPart(proposal) !== this.quoted) {
      // Clicked before the quote of these amounts came back: the click waits
      // for it, and sends only if it priced them (a refusal shows instead).
      const priced = await whileBusy([this.submit], () => this.quoteNow(fingerprint), "Calcul de l'avoir…");
      if (priced) await this.send();
      else this.updateSubmit();
      return;
    }
    clearBanner();
    const answer = await whileBusy(
      [this.submit],
      () => callServer("requestRefund", proposal, this.key.for(proposal)),
      "Envoi…",
    );
    if (!answer) return;
    if (answer.ok) {
      this.key.done();
      this.submitted = fingerprint;
      showSuccess(`Demande de remboursement ${answer.data.number} enregistrée. ${nextApprovalSentence(answer.data)}`);
      this.onRequested(answer.data.id);
      void this.reloadSelection();
    } else {
      // A retryable failure keeps the key: sending again cannot create a second request.
      if (!answer.error.retryable) this.key.done();
      showError(answer.error);
    }
    this.updateSubmit();
  }

  /**
   * Quotes the form at once; true when the quote priced it and the form still
   * says what was clicked (an edit after the click cancels the click).
   */
  private async quoteNow(clicked: string): Promise<boolean> {
    clearTimeout(this.timer);
    await this.quote();
    const reading = readRequestForm(this.deposit);
    return reading.ok && JSON.stringify(reading.proposal) === clicked && pricedPart(reading.proposal) === this.quoted;
  }
}
