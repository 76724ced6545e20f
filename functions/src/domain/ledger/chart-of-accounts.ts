/**
 * The accounts the engine posts to, by role. Defaults follow the French PCG
 * (domain.md). Compensation accounts follow the PCG as revised by règlement
 * ANC 2022-06 (no more "exceptional" class 67/77 from 2025): arrhes kept and
 * the recovery indemnity are "autres produits divers de gestion courante"
 * (7588); compensation paid to a customer (arrhes doubled, late-refund
 * increases) "autres charges diverses de gestion courante" (6588); legal
 * interest paid on a consumer's advance "intérêts des autres dettes" (6618);
 * late-payment penalties received "revenus des créances commerciales" (7631).
 * VAT invoiced on services by a company without the option for debits is
 * not yet chargeable (CGI art. 269-2-c: on payment of the price): it waits
 * on 44574 « TVA collectée sur encaissements », the subaccount of 4457 that
 * French practice uses for it, and moves to 44571 as the customer pays, so
 * 44571 holds exactly the VAT the return declares. (44587 is the PCG's
 * account for invoices still to be issued, a year-end accrual: not this.)
 * A company changes any of them by passing its own chart.
 */
export interface ChartOfAccounts {
  bank: string;
  customers: string;
  depositsReceived: string;
  vatCollected: string;
  /** VAT invoiced but chargeable only when the customer pays (services, no option for debits). */
  vatAwaitingPayment: string;
  salesGoods: string;
  salesServices: string;
  compensationKept: string;
  compensationPaid: string;
  interestPaid: string;
  latePenaltiesReceived: string;
}

/** The PCG accounts the engine posts to unless a company overrides them (see ChartOfAccounts). */
export const DEFAULT_CHART_OF_ACCOUNTS: Readonly<ChartOfAccounts> = {
  bank: "512",
  customers: "411",
  depositsReceived: "4191",
  vatCollected: "44571",
  vatAwaitingPayment: "44574",
  salesGoods: "707",
  salesServices: "706",
  compensationKept: "7588",
  compensationPaid: "6588",
  interestPaid: "6618",
  latePenaltiesReceived: "7631",
};

/** French account names (FEC field CompteLib) of the default accounts, and of the default factor account. */
export const DEFAULT_ACCOUNT_LABELS: Readonly<Record<string, string>> = {
  "512": "Banque",
  "411": "Clients",
  "4191": "Clients - avances et acomptes reçus sur commandes",
  "44571": "TVA collectée",
  "44574": "TVA collectée sur encaissements (en attente)",
  "707": "Ventes de marchandises",
  "706": "Prestations de services",
  "7588": "Autres produits divers de gestion courante",
  "6588": "Autres charges diverses de gestion courante",
  "6618": "Intérêts des autres dettes",
  "7631": "Revenus des créances commerciales",
  // DEFAULT_FACTOR_ACCOUNT (domain/customers/factors.ts); a configured factor's account is named after it (factorAccountNames).
  "4671": "Factor",
};

/**
 * The default chart with a company's overrides.
 *
 * @example
 * chartOfAccounts({ customers: "4110001" });
 * // → { bank: "512", customers: "4110001", depositsReceived: "4191", vatCollected: "44571", … }
 */
export function chartOfAccounts(overrides: Partial<ChartOfAccounts> = {}): ChartOfAccounts {
  return { ...DEFAULT_CHART_OF_ACCOUNTS, ...overrides };
}
