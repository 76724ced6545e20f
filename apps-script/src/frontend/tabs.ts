/**
 * WAI-ARIA tabs: arrows, Home and End move between tabs, only the selected
 * tab is in the Tab order, and each panel is shown with its tab.
 */
export type TabName = "request" | "approvals" | "follow" | "bank" | "invoice";

export function setupTabs(onShow: (name: TabName) => void): (name: TabName) => void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  const nameOf = (tab: HTMLElement) => tab.id.replace(/^tab-/, "") as TabName;

  function select(name: TabName, focus = false): void {
    for (const tab of tabs) {
      const selected = nameOf(tab) === name;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !selected;
      if (selected && focus) tab.focus();
    }
    onShow(name);
  }

  tabs.forEach((tab) => {
    tab.addEventListener("click", () => select(nameOf(tab)));
    tab.addEventListener("keydown", (event) => {
      // A tab hidden from the caller's roles (« Banque ») is skipped.
      const shown = tabs.filter((t) => !t.hidden);
      const index = shown.indexOf(tab);
      const moves: Record<string, number> = {
        ArrowRight: (index + 1) % shown.length,
        ArrowLeft: (index - 1 + shown.length) % shown.length,
        Home: 0,
        End: shown.length - 1,
      };
      const target = moves[event.key];
      if (target === undefined) return;
      event.preventDefault();
      select(nameOf(shown[target]), true);
    });
  });
  return (name) => select(name, false);
}
