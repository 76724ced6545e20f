/**
 * The files of a request in the sidebar: the documents issued to the
 * customer (*Suivi* › « Documents »: « Télécharger », « Renvoyer au client »)
 * and its pièces justificatives (*Suivi* and the approvers' card:
 * « Télécharger », and « Ajouter une pièce justificative » in *Suivi*).
 * A spreadsheet cell cannot carry the api's authentication, so every file
 * is fetched by the backend as the user and handed over as a download link.
 */
import type { DocumentDownload, IssuedDocument, Me, Refund, SupportingDocument } from "../interfaces/api";
import type { CallResult } from "../interfaces/result";
import { showError, showSuccess } from "./banner";
import { whileBusy } from "./busy";
import { el } from "./dom";
import { formatDate } from "./format";
import type { KeyedActions } from "./keyed-action";
import { callServer } from "./server";

/** The api's limit (functions/src/domain/validation/supporting-file.ts), checked here before anything is sent. */
export const SUPPORTING_FILE_MAX_BYTES = 700_000;
const SUPPORTING_TYPES = ["application/pdf", "image/png", "image/jpeg"];
const MAY_RESEND = ["requester", "accounting_approver", "admin"];
const MAY_ADD_SUPPORTING = ["requester", "sales_approver", "accounting_approver"];

/** « Télécharger »: fetches the file, then offers it as a link carrying its bytes (the name the api gave it). */
function downloadControl(
  label: string,
  fetch: () => Promise<CallResult<DocumentDownload>>,
  text = "Télécharger",
): HTMLElement {
  const button = el("button", { type: "button", class: "secondary", "aria-label": `${text} ${label}` }, text);
  const slot = el("span", {});
  button.addEventListener("click", async () => {
    const answer = await whileBusy([button], fetch, "…");
    if (!answer) return;
    if (!answer.ok) return showError(answer.error);
    const file = answer.data;
    slot.replaceChildren(
      " ",
      el(
        "a",
        { download: file.fileName, href: `data:${file.contentType};base64,${file.base64}` },
        `Enregistrer ${file.fileName}`,
      ),
    );
  });
  return el("span", {}, button, slot);
}

function sendsText(doc: IssuedDocument): string {
  if (!doc.sends) return "non envoyé";
  return `envoyé ${doc.sends === 1 ? "1 fois" : `${doc.sends} fois`}${doc.sentTo.length ? ` à ${doc.sentTo.join(", ")}` : ""}`;
}

function issuedItem(refund: Refund, doc: IssuedDocument, me: Me | null, actions: KeyedActions, reload: () => void) {
  const title = `${doc.kindLabel} ${doc.number}`;
  const controls: HTMLElement[] = [downloadControl(title, () => callServer("downloadDocument", doc.id))];
  if (me?.roles.some((r) => MAY_RESEND.includes(r))) {
    const resend = el("button", { type: "button", "aria-label": `Renvoyer ${title} au client` }, "Renvoyer au client");
    resend.addEventListener("click", async () => {
      // A failed send retried keeps its key (one mail); after a success the next click is a new mail.
      const sent = await actions.run(`${doc.id}:resend`, doc.id, [resend], "Envoi…", (key) =>
        callServer("resendDocument", doc.id, key),
      );
      if (!sent) return;
      const to = sent.sentTo.length ? sent.sentTo.join(", ") : "le client";
      showSuccess(`${title} renvoyé à ${to} pour la demande ${refund.number}.`);
      reload();
    });
    controls.push(resend);
  }
  return el(
    "li",
    { "aria-label": title },
    el("strong", {}, title),
    ` du ${formatDate(doc.date)} — ${sendsText(doc)} `,
    el("div", { class: "actions" }, ...controls),
  );
}

function supportingItem(refundId: string, doc: SupportingDocument): HTMLElement {
  return el(
    "li",
    { "aria-label": doc.fileName },
    `${doc.fileName} (${Math.ceil(doc.size / 1024)} Ko, ajoutée par ${doc.addedBy}) `,
    downloadControl(doc.fileName, () => callServer("downloadSupportingDocument", refundId, doc.id)),
  );
}

/** The pièces justificatives of a request as a list with « Télécharger »; loads itself. */
export function supportingDocumentsList(refundId: string): HTMLElement {
  const list = el("ul", { class: "plain", "aria-busy": "true" });
  void callServer("listSupportingDocuments", refundId).then((answer) => {
    list.setAttribute("aria-busy", "false");
    if (!answer.ok) return list.replaceChildren(el("li", { class: "field-error" }, answer.error.message));
    list.replaceChildren(
      ...(answer.data.documents.length
        ? answer.data.documents.map((d) => supportingItem(refundId, d))
        : [el("li", { class: "muted" }, "Aucune pièce justificative.")]),
    );
  });
  return el("section", { "aria-label": "Pièces justificatives" }, el("h2", {}, "Pièces justificatives"), list);
}

/**
 * « Aperçu du décompte » on the approvers' card: the refund statement the
 * customer will receive if the request is approved today, as the api
 * renders it (no number taken, nothing issued), offered like a download.
 */
export function statementPreviewSection(refundId: string, refundNumber: string): HTMLElement {
  return el(
    "section",
    { "aria-label": "Décompte du client" },
    el("h2", {}, "Décompte du client"),
    el(
      "p",
      { class: "hint" },
      "Le décompte et échéancier de remboursement que le client recevra avec l'avoir si la demande est approuvée aujourd'hui (le numéro de l'avoir est attribué à l'approbation finale).",
    ),
    downloadControl(
      `de la demande ${refundNumber}`,
      () => callServer("previewRefundStatement", refundId),
      "Aperçu du décompte",
    ),
  );
}

/** The file's bytes as base64, read in the browser (google.script.run carries strings, not blobs). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Why a chosen file cannot be sent, in French, before it leaves the browser. */
export function supportingFileProblem(file: { name: string; size: number; type: string }): string | null {
  if (file.size > SUPPORTING_FILE_MAX_BYTES)
    return `Pièce justificative : le fichier « ${file.name} » pèse ${Math.ceil(file.size / 1000)} Ko, ${SUPPORTING_FILE_MAX_BYTES / 1000} Ko au plus.`;
  if (!SUPPORTING_TYPES.includes(file.type))
    return `Pièce justificative : le fichier « ${file.name} » n'est ni un PDF ni une image PNG ou JPEG.`;
  return null;
}

function addSupportingControl(refund: Refund, actions: KeyedActions, reload: () => void): HTMLElement {
  const input = el("input", { type: "file", id: `supporting-${refund.id}`, accept: SUPPORTING_TYPES.join(",") });
  const error = el("p", { class: "field-error", role: "alert" });
  const add = el("button", { type: "button" }, "Ajouter");
  input.addEventListener("change", () => (error.textContent = ""));
  add.addEventListener("click", async () => {
    const file = input.files?.[0];
    error.textContent = "";
    if (!file) {
      error.textContent = "Pièce justificative : choisissez un fichier PDF, PNG ou JPEG.";
      return input.focus();
    }
    const problem = supportingFileProblem(file);
    if (problem) {
      error.textContent = problem;
      return input.focus();
    }
    const contentBase64 = await base64Of(file);
    const body = { fileName: file.name, contentBase64 };
    const added = await actions.run(`${refund.id}:supporting`, body, [add], "Envoi…", (key) =>
      callServer("addSupportingDocument", refund.id, file.name, contentBase64, key),
    );
    if (!added) return;
    showSuccess(`Pièce justificative « ${added.fileName} » ajoutée à la demande ${refund.number}.`);
    reload();
  });
  return el(
    "div",
    {},
    el("label", { for: input.id }, "Ajouter une pièce justificative"),
    el("p", { class: "hint" }, "PDF, PNG ou JPEG, 700 Ko au plus (lettre d'annulation du client, justificatif)."),
    input,
    error,
    el("div", { class: "actions" }, add),
  );
}

/** *Suivi* › « Documents » and « Pièces justificatives » of a request; loads itself. */
export function refundFilesSection(
  refund: Refund,
  me: Me | null,
  actions: KeyedActions,
  reload: () => void,
): HTMLElement {
  const list = el("ul", { class: "plain", "aria-busy": "true" });
  void callServer("listRefundDocuments", refund.id).then((answer) => {
    list.setAttribute("aria-busy", "false");
    if (!answer.ok) return list.replaceChildren(el("li", { class: "field-error" }, answer.error.message));
    list.replaceChildren(
      ...(answer.data.documents.length
        ? answer.data.documents.map((d) => issuedItem(refund, d, me, actions, reload))
        : [el("li", { class: "muted" }, "Aucun document émis pour cette demande.")]),
    );
  });
  const mayAdd = me?.roles.some((r) => MAY_ADD_SUPPORTING.includes(r)) ?? false;
  return el(
    "div",
    {},
    el("section", { "aria-label": "Documents" }, el("h2", {}, "Documents"), list),
    supportingDocumentsList(refund.id),
    mayAdd ? addSupportingControl(refund, actions, reload) : null,
  );
}
