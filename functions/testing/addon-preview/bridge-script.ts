/**
 * The `google.script.run` the preview injects into the sidebar page: same
 * chaining API as Apps Script's, each call posted to the preview server,
 * which runs the add-on's server function in Node.
 */
export const BRIDGE_SCRIPT = `
(function () {
  var params = new URLSearchParams(location.search);
  var actor = params.get("as") || "";
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === "withSuccessHandler") return function (h) { return runner(h, failure); };
        if (name === "withFailureHandler") return function (h) { return runner(success, h); };
        if (name === "withUserObject") return function () { return runner(success, failure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch("/rpc/" + encodeURIComponent(String(name)), {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ as: actor, args: args })
          })
            .then(function (r) { return r.json(); })
            .then(function (answer) {
              if (answer.ok) { if (success) success(answer.result); }
              else if (failure) failure(new Error(answer.error));
              if (window.parent !== window) window.parent.postMessage({ type: "acompte-rpc", fn: String(name) }, "*");
            }, function (error) { if (failure) failure(error); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
`;

/** Puts the bridge before the sidebar's own script. */
export function withBridge(sidebarHtml: string): string {
  return sidebarHtml.replace("<head>", () => `<head>\n<script>${BRIDGE_SCRIPT}</script>`);
}
