/**
 * The preview page: who is acting, which `Acomptes` row is selected, the
 * add-on menu's actions, the sidebar (300px, as in Sheets) and the local
 * spreadsheet view beside it.
 */
export interface PageActor {
  key: string;
  label: string;
  email: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function previewPage(actors: PageActor[], sheetsViewUrl: string | null): string {
  const options = actors
    .map((a) => `<option value="${escapeHtml(a.key)}">${escapeHtml(`${a.label} — ${a.email}`)}</option>`)
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
  <label for="row">Ligne sélectionnée dans « Acomptes » <select id="row"><option value="">(aucune)</option></select></label>
  <button type="button" id="reload-rows">Relire le classeur</button>
  <span role="group" aria-label="Menu Extensions › Acompte">
    <button type="button" data-menu="importTypedRows">Importer les acomptes et factures saisis</button>
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
  var row = document.getElementById("row");
  var sidebar = document.getElementById("sidebar");
  var sheet = document.getElementById("sheet");
  function openSidebar() { sidebar.src = "/sidebar?as=" + encodeURIComponent(actor.value); }
  function reloadSheet() { if (sheet.tagName === "IFRAME") sheet.src = sheet.src; }
  function loadRows() {
    return fetch("/api/rows").then(function (r) { return r.json(); }).then(function (answer) {
      var current = String(answer.selected || "");
      row.replaceChildren(new Option("(aucune)", ""));
      answer.rows.forEach(function (r) { row.append(new Option(r.label, String(r.row))); });
      row.value = current;
    });
  }
  actor.addEventListener("change", openSidebar);
  row.addEventListener("change", function () {
    fetch("/api/selection", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ row: row.value ? Number(row.value) : null }) });
  });
  document.getElementById("reload-rows").addEventListener("click", loadRows);
  document.querySelectorAll("[data-menu]").forEach(function (button) {
    button.addEventListener("click", function () {
      fetch("/rpc/" + button.dataset.menu, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ as: actor.value, args: [] }) })
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          document.getElementById("menu-result").textContent = answer.ok ? answer.alerts.map(function (a) { return a.prompt; }).join(" ") : answer.error;
          reloadSheet(); loadRows();
        });
    });
  });
  // The sheet view is refreshed after every sidebar call that may have written to it.
  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "acompte-rpc" && /^(requestRefund|approveRefund|rejectRefund)$/.test(event.data.fn)) { reloadSheet(); loadRows(); }
  });
  openSidebar();
  loadRows();
</script>
</body></html>`;
}
