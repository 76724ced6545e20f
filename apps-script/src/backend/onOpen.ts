/**
 * The *Acompte* add-on menu (Extensions › Acompte). Runs in every auth mode,
 * including NONE before the add-on is authorised, so it touches nothing but
 * the menu: no properties, no network.
 */
export const MENU_ITEMS = [
  { label: "Ouvrir le panneau Acompte", fn: "showSidebar" },
  { label: "Importer les acomptes et factures saisis", fn: "importTypedRows" },
  { label: "Resynchroniser le classeur", fn: "resyncWorkbook" },
  { label: "Associer ce classeur à une société", fn: "linkCompany" },
  { label: "Installer ou réparer le classeur (administrateurs)", fn: "setupWorkbook" },
  { label: "Vérifier les chaînes d'audit (administrateurs)", fn: "verifyAuditChains" },
] as const;
const ADMIN_FROM = 3;

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, index) => {
    // Separate the everyday entries from the admin ones.
    if (index === ADMIN_FROM) menu.addSeparator();
    menu.addItem(item.label, item.fn);
  });
  menu.addToUi();
}

/** Apps Script calls onInstall instead of onOpen right after an install from the Marketplace. */
export function onInstall(): void {
  onOpen();
}
