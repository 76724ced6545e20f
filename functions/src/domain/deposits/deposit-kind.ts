export type DepositKind = "acompte" | "arrhes";
export type CustomerKind = "b2b" | "b2c";
export type SupplyKind = "goods" | "services";

/**
 * What money paid in advance is when the contract does not say.
 * B2C: arrhes unless the contract says otherwise (Code de la consommation L214-1).
 * B2B: the contract decides; when it is silent we presume an acompte, the
 * usual commercial reading (a firm sale, part payment of the price) — an
 * assumption the user can override by giving the kind.
 */
export function presumedDepositKind(customerKind: CustomerKind, contractKind?: DepositKind): DepositKind {
  if (contractKind) return contractKind;
  return customerKind === "b2c" ? "arrhes" : "acompte";
}
