/** Bodies and actors shared by the workflow tests and the fuzz (domain.md worked example 1). */
export const C = "acme";
export const REQUESTER = "rachel@acme.fr";
export const SALES = "sam@acme.fr";
export const ACCOUNTING = "alice@acme.fr";
export const ADMIN = "adam@acme.fr";

export const USERS = {
  [REQUESTER]: ["requester"],
  [SALES]: ["sales_approver"],
  [ACCOUNTING]: ["accounting_approver"],
  [ADMIN]: ["admin"],
} as const;

/** Order of 12,000.00 net at 20 %, deposit 30 % cashed on 15/01/2026 by bank transfer. */
export const DEPOSIT_BODY = {
  customer: { name: "Hôtel Bellevue SARL", kind: "b2b", siren: "732829320" },
  orderRef: "CMD-2026-017",
  kind: "acompte",
  supplyKind: "goods",
  order: { lines: [{ vatRate: "20", net: "12000.00", label: "Agencement salle" }] },
  deposit: { percent: "30" },
  cashedDate: "2026-01-15",
  paymentMeans: "virement",
};

/**
 * A deposit whose documents can be issued (the professional customer's
 * address and e-mail) at two rates: 30 % of 10,000.00 net at 20 % and
 * 2,000.00 net at 10 %, i.e. 3,000.00 + 600.00 net, 600.00 + 60.00 VAT,
 * 4,260.00 gross.
 */
export const MIXED_RATES_DEPOSIT_BODY = {
  ...DEPOSIT_BODY,
  customer: { ...DEPOSIT_BODY.customer, email: "compta@hotel-bellevue.test", address: "4 quai du Rhône\n69002 Lyon" },
  order: {
    lines: [
      { vatRate: "20", net: "10000.00", label: "Agencement salle" },
      { vatRate: "10", net: "2000.00", label: "Rénovation" },
    ],
  },
};

export function refundBody(
  depositId: string,
  schedule: unknown = { kind: "equal", count: 2, firstDate: "2026-03-31", intervalMonths: 1 },
) {
  return { depositId, scope: { kind: "full" }, reason: "seller_cancels", schedule };
}
