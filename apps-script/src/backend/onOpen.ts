/**
 * The *Acompte* add-on menu (Extensions › Acompte). Runs in every auth mode,
 * including NONE before the add-on is authorised, so it touches nothing but
 * the menu: no properties, no network.
 */
export const MENU_ITEMS = [
  { label: "Ouvrir le panneau Acompte", fn: "showSidebar" },
  { label: "Importer les acomptes et factures saisis", fn: "importTypedRows" },
  { label: "Marquer l'échéance sélectionnée payée", fn: "markInstalmentPaid" },
  { label: "Préparer les virements", fn: "prepareTransfers" },
  { label: "Litige ou promesse de paiement sur la facture sélectionnée", fn: "setInvoiceDunning" },
  { label: "Facturer les pénalités de la facture sélectionnée", fn: "claimPenalties" },
  { label: "Resynchroniser le classeur", fn: "resyncWorkbook" },
  { label: "Associer ce classeur à une société", fn: "linkCompany" },
  { label: "Installer ou réparer le classeur (administrateurs)", fn: "setupWorkbook" },
  { label: "Vérifier les chaînes d'audit (administrateurs)", fn: "verifyAuditChains" },
  { label: "Taux légaux", fn: "showLegalRates" },
  { label: "Exporter le FEC", fn: "exportFec" },
  { label: "Déclaration de TVA", fn: "declareVat" },
] as const;
/** The everyday entries come first; linking the spreadsheet starts the admin ones. */
const ADMIN_FROM = MENU_ITEMS.findIndex((item) => item.fn === "linkCompany");

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, index) => {
    if (index === ADMIN_FROM) menu.addSeparator();
    menu.addItem(item.label, item.fn);
  });
  menu.addToUi();
}

/** Apps Script calls onInstall instead of onOpen right after an install from the Marketplace. */
export function onInstall(): void {
  onOpen();
}
