/**
 * What money paid in advance is: an acompte (part payment of a firm sale) or
 * arrhes (a withdrawal option: Code civil art. 1590, C. consommation L214-1).
 */
export type DepositKind = "acompte" | "arrhes";
/** A business customer (b2b) or a consumer (b2c): consumer law applies only to b2c. */
export type CustomerKind = "b2b" | "b2c";
/** Goods or services: decides when the VAT on a deposit is due (CGI art. 269-2). */
export type SupplyKind = "goods" | "services";

/**
 * What money paid in advance is when the contract does not say.
 * B2C: arrhes unless the contract says otherwise (Code de la consommation L214-1).
 * B2B: the contract decides; when it is silent we presume an acompte, the
 * usual commercial reading (a firm sale, part payment of the price) — an
 * assumption the user can override by giving the kind.
 *
 * @example
 * presumedDepositKind("b2c"); // → "arrhes"
 * presumedDepositKind("b2b"); // → "acompte"
 * presumedDepositKind("b2c", "acompte"); // → "acompte" (the contract says so)
 */
export function presumedDepositKind(customerKind: CustomerKind, contractKind?: DepositKind): DepositKind {
  if (contractKind) return contractKind;
  return customerKind === "b2c" ? "arrhes" : "acompte";
}
