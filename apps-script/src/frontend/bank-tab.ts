/**
 * *Banque* (accounting approvers and admins, docs/bank.md): import a camt.053
 * statement read in the browser, reconcile the entries waiting for a person
 * (« Rapprocher » a suggestion, « Annuler le rapprochement »), and prepare
 * the SEPA transfer file of the instalments due.
 */
import type { BankAllocation, BankEntrySummary, StatementImportSummary } from "../interfaces/api";
import type { CallResult, UserError } from "../interfaces/result";
import { clearBanner, showSuccess } from "./banner";
import { whileBusy } from "./busy";
import { byId, el, facts } from "./dom";
import { formatDate, formatMoney } from "./format";
import { KeyedActions } from "./keyed-action";
import { reasonForm } from "./reason-form";
import { callServer } from "./server";
import { describeTransferFile } from "./transfer-text";
import { showFieldRefusal } from "./field-refusal";

/**
 * The api refuses a body above 1 Mio (http/body-limit.ts); the file travels
 * JSON-encoded inside it, so a file near the limit is refused here, in
 * French, before it is sent.
 */
export const STATEMENT_MAX_BYTES = 1_000_000;

const DIRECTION = { credit: "Encaissement", debit: "Décaissement" } as const;

/** The field each api error path belongs to, by the id of its error slot. */
const FIELD_OF_PATH: Record<string, string> = {
  statement: "statement-file-error",
  file: "statement-file-error",
  executionDate: "transfer-date-error",
  upTo: "transfer-date-error",
};

const showRefusal = (error: UserError, slots: string[]) => showFieldRefusal(error, FIELD_OF_PATH, slots);

/** « FA-2026-000012 : 600,00 € », the items a suggestion or a match settles. */
function allocationsText(allocations: BankAllocation[]): string {
  return allocations.map((a) => `${a.reference} : ${formatMoney(a.amount)}`).join(" + ");
}

/** « Encaissement de 1 234,56 € le 02/04/2026 ». */
function entryTitle(entry: BankEntrySummary): string {
  return `${DIRECTION[entry.direction]} de ${formatMoney(entry.amount)} le ${formatDate(entry.bookingDate)}`;
}

/** The summary of an import, in French. */
export function describeImport(summary: StatementImportSummary): string {
  const statements = summary.statements
    .map((s) => `relevé ${s.statementId} du compte ${s.accountIban} (${s.entries} opération(s))`)
    .join(", ");
  const waiting = summary.entries.filter((e) => e.status === "to_reconcile" || e.status === "unmatched").length;
  return (
    `Import terminé : ${statements}. ${summary.read} opération(s) lue(s), ${summary.created} nouvelle(s), ` +
    `${summary.alreadyKnown} déjà importée(s). ${summary.paidInstalments} échéance(s) payée(s), ` +
    `${waiting} opération(s) à rapprocher.`
  );
}

/** The new entries of an import: date, signed amount, status (the explanation on hover). */
function importedTable(summary: StatementImportSummary): HTMLTableElement {
  return el(
    "table",
    {},
    el("thead", {}, el("tr", {}, el("th", {}, "Date"), el("th", {}, "Montant"), el("th", {}, "Statut"))),
    el(
      "tbody",
      {},
      ...summary.entries.map((e) =>
        el(
          "tr",
          { title: e.explanation },
          el("td", {}, formatDate(e.bookingDate)),
          el("td", {}, `${e.direction === "debit" ? "−" : ""}${formatMoney(e.amount)}`),
          el("td", {}, e.statusLabel),
        ),
      ),
    ),
  );
}

export class BankTab {
  private readonly list = byId("bank-entries");
  private readonly actions = new KeyedActions();
  private readonly fileInput = byId<HTMLInputElement>("statement-file");
  private readonly importButton = byId<HTMLButtonElement>("import-statement");
  private readonly dateInput = byId<HTMLInputElement>("transfer-date");
  private readonly transferButton = byId<HTMLButtonElement>("prepare-transfers");

  constructor() {
    const refresh = byId<HTMLButtonElement>("refresh-bank");
    refresh.addEventListener("click", () => void whileBusy([refresh], () => this.load(), "Actualisation…"));
    byId("statement-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.importFile();
    });
    byId("transfers-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.prepareTransfers();
    });
    this.fileInput.addEventListener("change", () => (byId("statement-file-error").textContent = ""));
  }

  async load(): Promise<void> {
    this.list.setAttribute("aria-busy", "true");
    const answer = await callServer("listBankEntries");
    this.list.setAttribute("aria-busy", "false");
    if (!answer.ok) {
      this.list.replaceChildren(el("p", { class: "field-error" }, answer.error.message));
      return;
    }
    const count = byId("bank-count");
    const n = answer.data.entries.length;
    count.textContent = n ? String(n) : "";
    count.setAttribute("aria-label", `${n} opération(s) à rapprocher`);
    if (n === 0) {
      this.list.replaceChildren(el("p", { class: "muted" }, "Aucune opération bancaire n'attend de rapprochement."));
      return;
    }
    this.list.replaceChildren(...answer.data.entries.map((entry) => this.card(entry)));
  }

  private async importFile(): Promise<void> {
    const error = byId("statement-file-error");
    const file = this.fileInput.files?.[0];
    error.textContent = "";
    clearBanner();
    if (!file) {
      error.textContent =
        "Relevé bancaire : choisissez le fichier du relevé (camt.053 en XML ou export CSV de la banque).";
      return this.fileInput.focus();
    }
    if (file.size > STATEMENT_MAX_BYTES) {
      error.textContent = `Relevé bancaire : le fichier « ${file.name} » dépasse 1 Mo. Importez une période plus courte (les opérations déjà importées sont ignorées).`;
      return this.fileInput.focus();
    }
    const text = await file.text();
    const summary = await this.actions.run(
      "import-statement",
      text,
      [this.importButton],
      "Import…",
      (key) => callServer("importStatement", text, key),
      (refusal) => showRefusal(refusal, ["statement-file-error"]),
    );
    if (!summary) return;
    const shown: Node[] = [el("p", {}, describeImport(summary))];
    if (summary.entries.length > 0) shown.push(importedTable(summary));
    byId("statement-summary").replaceChildren(...shown);
    showSuccess(`Relevé importé : ${summary.created} opération(s) nouvelle(s).`);
    this.fileInput.value = "";
    await this.load();
  }

  private async prepareTransfers(): Promise<void> {
    const error = byId("transfer-date-error");
    const executionDate = this.dateInput.value;
    error.textContent = "";
    clearBanner();
    if (!executionDate) {
      error.textContent = "Date d'exécution : choisissez le jour où la banque exécutera les virements.";
      return this.dateInput.focus();
    }
    const prepared = await this.actions.run(
      "prepare-transfers",
      executionDate,
      [this.transferButton],
      "Préparation…",
      (key) => callServer("prepareTransferFile", executionDate, key),
      (refusal) => showRefusal(refusal, ["transfer-date-error"]),
    );
    if (!prepared) return;
    const { summary, file } = prepared;
    const link = file
      ? el(
          "a",
          {
            download: file.fileName,
            href: `data:application/xml;charset=utf-8,${encodeURIComponent(file.text)}`,
          },
          `Télécharger ${file.fileName}`,
        )
      : el("p", { class: "field-error" }, `Le téléchargement a échoué : ${prepared.downloadError ?? ""}`);
    byId("transfer-result").replaceChildren(el("p", {}, describeTransferFile(summary)), link);
    showSuccess(`Fichier de virements ${summary.number} préparé.`);
  }

  private card(entry: BankEntrySummary): HTMLElement {
    const card = el("article", { class: "card", "aria-label": entryTitle(entry) });
    this.fill(card, entry);
    return card;
  }

  /** The entry as it stands: its suggestions while it waits, what it settled once matched. */
  private fill(card: HTMLElement, entry: BankEntrySummary): void {
    const matched = entry.status === "applied";
    card.replaceChildren(
      el("strong", {}, entryTitle(entry)),
      facts([
        ["Contrepartie", entry.counterpartyName],
        ["Libellé", entry.remittance],
        ["Statut", entry.statusLabel],
        ["Référence bancaire", entry.entryRef],
        ["Rapprochée avec", matched ? allocationsText(entry.allocations) : null],
      ]),
      el("p", { class: "hint" }, entry.explanation),
      matched ? this.unmatchForm(card, entry) : this.suggestions(card, entry),
    );
  }

  private suggestions(card: HTMLElement, entry: BankEntrySummary): HTMLElement {
    const pick = entry.direction === "credit" ? this.pickInvoice(card, entry) : null;
    if (entry.suggestions.length === 0)
      return el(
        "div",
        {},
        el(
          "p",
          { class: "muted" },
          "Aucune suggestion : choisissez la facture, ou laissez l'opération dans la feuille Banque.",
        ),
        pick,
      );
    const buttons: HTMLButtonElement[] = [];
    const items = entry.suggestions.map((s, i) => {
      const button = el(
        "button",
        { type: "button", class: i === 0 ? "primary small" : "secondary small" },
        "Rapprocher",
      );
      button.setAttribute("aria-label", `Rapprocher avec ${allocationsText(s.allocations)}`);
      buttons.push(button);
      const allocations = s.allocations.map(({ itemKind, itemId, amount }) => ({ itemKind, itemId, amount }));
      button.addEventListener("click", () =>
        this.matchWith(card, entry, `${entry.id}:match`, allocations, buttons, (key) =>
          callServer("matchBankEntry", entry.id, allocations, key),
        ),
      );
      return el(
        "li",
        {},
        el("span", {}, `${allocationsText(s.allocations)} — score ${s.score}/100`),
        el("p", { class: "hint" }, s.explanation),
        button,
      );
    });
    return el(
      "div",
      {},
      el("p", { class: "muted" }, "Suggestions, la plus probable d'abord :"),
      el("ol", {}, ...items),
      pick,
    );
  }

  /** Sends a match (keyed like every change) and shows the entry as the functions left it. */
  private async matchWith(
    card: HTMLElement,
    entry: BankEntrySummary,
    name: string,
    content: unknown,
    buttons: HTMLButtonElement[],
    call: (key: string) => Promise<CallResult<BankEntrySummary>>,
  ): Promise<void> {
    const answer = await this.actions.run(name, content, buttons, "Rapprochement…", call);
    if (!answer) return;
    showSuccess(
      `Opération du ${formatDate(entry.bookingDate)} rapprochée avec ${allocationsText(answer.allocations)}.`,
    );
    this.fill(card, answer);
  }

  /** The person's own pick: the invoice selected in `Factures`, paid as much as it owes within the entry. */
  private pickInvoice(card: HTMLElement, entry: BankEntrySummary): HTMLElement {
    const button = el(
      "button",
      { type: "button", class: "secondary small" },
      "Rapprocher avec la facture sélectionnée",
    );
    button.addEventListener("click", () =>
      this.matchWith(card, entry, `${entry.id}:pick`, entry.id, [button], (key) =>
        callServer("matchBankEntryWithSelectedInvoice", entry.id, key),
      ),
    );
    return el(
      "div",
      {},
      el("p", { class: "hint" }, "Ou sélectionnez la ligne de la facture dans la feuille Factures, puis :"),
      button,
    );
  }

  private unmatchForm(card: HTMLElement, entry: BankEntrySummary): HTMLElement {
    const undo = el("button", { type: "button", class: "danger small" }, "Annuler le rapprochement");
    const undoing = reasonForm(
      `unmatch-reason-${entry.id}`,
      "Motif de l'annulation (obligatoire)",
      "Confirmer l'annulation",
      false,
    );
    const { form, box: reasonBox, confirm } = undoing;
    undo.addEventListener("click", () => {
      form.hidden = false;
      reasonBox.focus();
    });
    confirm.addEventListener("click", async () => {
      const reason = undoing.read("Motif de l'annulation : indiquez pourquoi ce rapprochement est annulé.");
      if (!reason) return;
      const answer = await this.actions.run(`${entry.id}:unmatch`, reason, [undo, confirm], "Annulation…", (key) =>
        callServer("unmatchBankEntry", entry.id, reason, key),
      );
      if (!answer) return;
      showSuccess(
        `Rapprochement de l'opération du ${formatDate(entry.bookingDate)} annulé : elle est à rapprocher de nouveau.`,
      );
      this.fill(card, answer);
    });
    return el("div", {}, el("div", { class: "actions" }, undo), form);
  }
}
