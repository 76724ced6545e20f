import type { CompanySettings } from "../../src/model/company";
import type { Role } from "../../src/model/roles";

export interface DemoCompany {
  id: string;
  settings: CompanySettings;
  users: Record<string, Role[]>;
  /** Who gets the daily integrity anchor (docs/integrity.md). */
  auditors?: string[];
}

/** Goods, VAT on receipts; refunds of 5,000 € and more need sales and accounting. */
export const MENUISERIE: DemoCompany = {
  id: "demo-menuiserie",
  settings: {
    name: "Menuiserie Durand SAS",
    siren: "552100554",
    // The legal identity its documents print (docs/einvoice.md).
    legalForm: "SAS",
    shareCapital: "120000.00",
    address: { line1: "8 rue des Charpentiers", postcode: "69007", city: "Lyon", country: "FR" },
    siret: "55210055400013",
    rcsCity: "Lyon",
    vatNumber: "FR96552100554",
    // Its deposit invoices, credit notes and final invoices are issued as files, kept and mailed (docs/einvoice.md).
    documentsEnabled: true,
    vatOnDebits: false,
    arrhesVatOnReceipt: true,
    accounts: {},
    approvalThreshold: "5000.00",
    paymentTerms: { kind: "days", days: 30 },
    // The account the demo transfer file is debited from and the demo statement belongs to (docs/bank.md).
    bankIban: "FR7630006000011234567890189",
    bankBic: "AGRIFRPP",
  },
  users: {
    "rachel@menuiserie.test": ["requester"],
    "sam@menuiserie.test": ["sales_approver"],
    "alice@menuiserie.test": ["accounting_approver"],
    "adam@menuiserie.test": ["admin"],
    "chef@menuiserie.test": ["requester", "sales_approver", "accounting_approver", "admin"],
  },
  auditors: ["cac@cabinet-audit.test"],
};

/** Services under the option for VAT on debits; no VAT booked when arrhes are received. */
export const STUDIO: DemoCompany = {
  id: "demo-studio",
  settings: {
    name: "Studio Lumière SARL",
    siren: "443061841",
    legalForm: "SARL",
    shareCapital: "8000.00",
    address: { line1: "27 rue Oberkampf", postcode: "75011", city: "Paris", country: "FR" },
    siret: "44306184100013",
    rcsCity: "Paris",
    vatNumber: "FR64443061841",
    documentsEnabled: true,
    vatOnDebits: true,
    arrhesVatOnReceipt: false,
    accounts: { salesServices: "706" },
    approvalThreshold: "2000.00",
    paymentTerms: { kind: "endOfMonth45" },
  },
  users: {
    "lea@studio.test": ["requester"],
    "marc@studio.test": ["sales_approver"],
    "ines@studio.test": ["accounting_approver"],
    "admin@studio.test": ["admin"],
  },
};

export const DEMO_COMPANIES = [MENUISERIE, STUDIO];
