/**
 * The preview page: who is acting, which row of which sheet is selected, the
 * add-on menu's actions (their ui.prompt questions asked with the browser's
 * prompt), the sidebar (300px, as in Sheets) and the local spreadsheet view
 * beside it.
 */
import { escapeXml as escapeHtml } from "../../src/domain/bank/xml-text";
import { PICKABLE_SHEETS } from "./pickable-sheets";

export interface PageActor {
  key: string;
  label: string;
  email: string;
}

export function previewPage(actors: PageActor[], sheetsViewUrl: string | null): string {
  const options = actors
    .map((a) => `<option value="${escapeHtml(a.key)}">${escapeHtml(`${a.label} — ${a.email}`)}</option>`)
    .join("");
  const sheetOptions = Object.keys(PICKABLE_SHEETS)
    .map((name) => `<option>${escapeHtml(name)}</option>`)
    .join("");
  const sheet = sheetsViewUrl
    ? `<iframe id="sheet" title="Classeur local" src="${escapeHtml(sheetsViewUrl)}"></iframe>`
    : `<div id="sheet" class="none">Aucune vue de classeur configurée (option sheetsViewUrl).</div>`;
  return `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Acompte — aperçu local du module</title>
<style>
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; display: flex; flex-direction: column; height: 100vh; }
  header { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; padding: 8px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header strong { font: 500 15px "Google Sans", Roboto, Arial, sans-serif; }
  label { display: flex; gap: 6px; align-items: center; }
  select, button { font: inherit; padding: 4px 8px; }
  main { flex: 1; display: flex; min-height: 0; }
  #sheet { flex: 1; border: 0; }
  #sheet.none { padding: 24px; color: #5f6368; }
  #sidebar { width: 300px; border: 0; border-left: 1px solid #dadce0; }
  #menu-result { color: #137333; }
</style></head>
<body>
<header>
  <strong>Acompte — aperçu local</strong>
  <label for="actor">Utilisateur <select id="actor">${options}</select></label>
  <label for="sheet-name">Feuille <select id="sheet-name">${sheetOptions}</select></label>
  <label for="row">Ligne sélectionnée <select id="row"><option value="">(aucune)</option></select></label>
  <button type="button" id="reload-rows">Relire le classeur</button>
  <span role="group" aria-label="Menu Extensions › Acompte">
    <button type="button" data-menu="importTypedRows">Importer les acomptes et factures saisis</button>
    <button type="button" data-menu="markInstalmentPaid">Marquer l'échéance sélectionnée payée</button>
    <button type="button" data-menu="setInvoiceDunning">Litige ou promesse de paiement sur la facture sélectionnée</button>
    <button type="button" data-menu="resyncWorkbook">Resynchroniser</button>
    <button type="button" data-menu="setupWorkbook">Installer ou réparer le classeur</button>
    <button type="button" data-menu="verifyAuditChains">Vérifier les chaînes d'audit</button>
  </span>
  <span id="menu-result" role="status"></span>
</header>
<main>
  ${sheet}
  <iframe id="sidebar" title="Panneau Acompte"></iframe>
</main>
<script>
  var actor = document.getElementById("actor");
  var sheetName = document.getElementById("sheet-name");
  var row = document.getElementById("row");
  var sidebar = document.getElementById("sidebar");
  var sheet = document.getElementById("sheet");
  function openSidebar() { sidebar.src = "/sidebar?as=" + encodeURIComponent(actor.value); }
  function reloadSheet() { if (sheet.tagName === "IFRAME") sheet.src = sheet.src; }
  function showTab(name) {
    if (sheet.tagName !== "IFRAME") return;
    var url = new URL(sheet.src);
    url.searchParams.set("onglet", name);
    sheet.src = url.href;
  }
  // Without a sheet: the one of the preview's current selection (it outlives a reload of the page).
  function loadRows(name) {
    return fetch("/api/rows" + (name ? "?sheet=" + encodeURIComponent(name) : "")).then(function (r) { return r.json(); }).then(function (answer) {
      sheetName.value = answer.sheet;
      var current = String(answer.selected || "");
      row.replaceChildren(new Option("(aucune)", ""));
      answer.rows.forEach(function (r) { row.append(new Option(r.label, String(r.row))); });
      row.value = current;
    });
  }
  function select() {
    return fetch("/api/selection", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ sheet: sheetName.value, row: row.value ? Number(row.value) : null }) });
  }
  /**
   * Runs a menu action with the answers typed so far. A ui.prompt beyond them
   * was answered Annuler by the stand-in; the page asks it and runs the action
   * again with one more answer (the add-on's actions ask everything before they
   * change anything). Cancelling the browser's prompt keeps that run: Annuler.
   */
  function runMenu(fn, answers) {
    return fetch("/rpc/" + fn, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ as: actor.value, args: [], answers: answers }) })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        var asked = answer.prompts || [];
        if (asked.length > answers.length) {
          var question = asked[answers.length];
          var typed = window.prompt((question.title ? question.title + "\\n\\n" : "") + question.prompt, "");
          if (typed !== null) return runMenu(fn, answers.concat([typed]));
        }
        document.getElementById("menu-result").textContent = answer.ok ? answer.alerts.map(function (a) { return a.prompt; }).join(" ") : answer.error;
        reloadSheet(); loadRows(sheetName.value);
      });
  }
  actor.addEventListener("change", openSidebar);
  sheetName.addEventListener("change", function () {
    row.value = "";
    select();
    showTab(sheetName.value);
    loadRows(sheetName.value);
  });
  row.addEventListener("change", select);
  document.getElementById("reload-rows").addEventListener("click", function () { loadRows(sheetName.value); });
  document.querySelectorAll("[data-menu]").forEach(function (button) {
    button.addEventListener("click", function () { runMenu(button.dataset.menu, []); });
  });
  // The sheet view is refreshed after every sidebar call that may have written to it.
  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "acompte-rpc" && /^(requestRefund|approveRefund|rejectRefund)$/.test(event.data.fn)) { reloadSheet(); loadRows(sheetName.value); }
  });
  openSidebar();
  loadRows();
</script>
</body></html>`;
}
