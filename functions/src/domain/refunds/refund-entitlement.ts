import { CustomerKind, DepositKind, SupplyKind } from "../deposits/deposit-kind";
import { EngineRuleError } from "../errors/engine-error";
import { fieldProblem, parseInput } from "../validation/field-errors";
import { entitlementInputSchema } from "../validation/refund-schema";
import { RefundReason } from "./refund-reason";

/**
 * The scale of increases owed to a consumer refunded late: L241-4 after a
 * termination for non-delivery or seller cancellation (L216-7), L242-4 after
 * a withdrawal (L221-24).
 */
export type LateRefundScale = "L241-4" | "L242-4";

/** What the law gives back for a reason (refundEntitlement's answer), with its French explanation and legal basis. */
export interface Entitlement {
  /** The credit note covers the whole remaining balance (the law decides), or what the user asked. */
  scope: "whole_balance" | "requested";
  /** The arrhes are lost: the credit note cancels the deposit and the seller keeps its gross as compensation. */
  forfeited: boolean;
  /** The seller pays back twice the arrhes: the credit note plus an equal compensation. */
  doubled: boolean;
  /** Scale of the increases due when a consumer is refunded late, if any. */
  lateRefundScale: LateRefundScale | null;
  /** The advance earns legal interest after three months (consumer, goods). */
  advanceInterest: boolean;
  /** French, for the user. */
  explanation: string;
  legalBasis: string;
}

/** The input of refundEntitlement: the deposit's kind, the customer's, what was supplied and the reason. */
export interface EntitlementInput {
  depositKind: DepositKind;
  customerKind: CustomerKind;
  supplyKind: SupplyKind;
  reason: RefundReason;
}

/**
 * What the law gives back for a reason, an acompte or arrhes, B2B or B2C.
 *
 * - Arrhes (Code civil art. 1590; B2C presumption L214-1): the customer
 *   withdraws → forfeited; the seller withdraws → pays back double.
 * - Acompte: a firm sale; a customer's cancellation is refunded as the
 *   contract or a commercial decision says (the amount asked); when the
 *   seller cancels, everything is refunded.
 * - Non-delivery: the amount asked (full by default; partial when part of
 *   the order was delivered). Assumption: arrhes are NOT doubled on
 *   non-delivery — doubling sanctions a withdrawal, a failure to deliver
 *   is a breach handled by the L241-4 increases and general damages.
 * - B2C refunds after non-delivery or seller cancellation follow L216-7
 *   (within 14 days, L241-4 increases); a distance-selling withdrawal
 *   follows L221-24 (everything, within 14 days, L242-4 increases).
 * - B2C goods: the advance earns legal interest after three months (L214-2)
 *   when the seller cancels or fails to deliver.
 * - Overpayment, duplicate payment, commercial gesture: the amount asked.
 *
 * @example
 * refundEntitlement({ depositKind: "arrhes", customerKind: "b2c", supplyKind: "goods", reason: "customer_cancels" });
 * // → { scope: "whole_balance", forfeited: true, doubled: false, lateRefundScale: null, advanceInterest: false,
 * //     explanation: "Le client se dédit : les arrhes sont perdues ; …", legalBasis: "Code civil art. 1590 ; CJUE C-277/05 …" }
 */
export function refundEntitlement(rawInput: EntitlementInput): Entitlement {
  const input = parseInput(entitlementInputSchema, rawInput);
  const b2c = input.customerKind === "b2c";
  const arrhes = input.depositKind === "arrhes";
  const base: Entitlement = {
    scope: "requested",
    forfeited: false,
    doubled: false,
    lateRefundScale: null,
    advanceInterest: false,
    explanation: "",
    legalBasis: "",
  };
  switch (input.reason) {
    case "consumer_withdrawal":
      if (!b2c) {
        throw new EngineRuleError(
          "WITHDRAWAL_B2C_ONLY",
          "Le droit de rétractation est réservé aux consommateurs (client particulier).",
          [fieldProblem("reason", "la rétractation ne s'applique qu'à un client particulier")],
        );
      }
      return {
        ...base,
        scope: "whole_balance",
        lateRefundScale: "L242-4",
        explanation: "Rétractation : toutes les sommes versées sont remboursées dans les 14 jours.",
        legalBasis: "Code de la consommation L221-24, L242-4",
      };
    case "seller_cancels":
      return {
        ...base,
        scope: "whole_balance",
        doubled: arrhes,
        lateRefundScale: b2c ? "L241-4" : null,
        advanceInterest: b2c && input.supplyKind === "goods",
        explanation: arrhes
          ? "Le vendeur se dédit : il restitue les arrhes et verse une indemnité égale (le double des arrhes)."
          : "Le vendeur annule : l'acompte est intégralement remboursé.",
        legalBasis: arrhes
          ? "Code civil art. 1590" + (b2c ? " ; Code de la consommation L214-1, L216-7, L241-4" : "")
          : b2c
            ? "Code de la consommation L216-7, L241-4"
            : "Contrat ; Code civil art. 1229",
      };
    case "non_delivery":
      return {
        ...base,
        lateRefundScale: b2c ? "L241-4" : null,
        advanceInterest: b2c && input.supplyKind === "goods",
        explanation: "Défaut de livraison : les sommes versées pour ce qui n'est pas livré sont remboursées.",
        legalBasis: b2c ? "Code de la consommation L216-6, L216-7, L241-4" : "Code civil art. 1229",
      };
    case "customer_cancels":
      if (arrhes) {
        return {
          ...base,
          scope: "whole_balance",
          forfeited: true,
          explanation:
            "Le client se dédit : les arrhes sont perdues ; l'avoir annule la TVA et le montant devient une indemnité sans TVA.",
          legalBasis: "Code civil art. 1590 ; CJUE C-277/05 (arrhes conservées hors champ de la TVA)",
        };
      }
      return {
        ...base,
        explanation:
          "Annulation par le client d'une vente ferme : remboursement selon le contrat ou décision commerciale.",
        legalBasis: "Contrat (Code civil art. 1103)",
      };
    case "overpayment":
    case "duplicate_payment":
      return { ...base, explanation: "Restitution d'un paiement indu.", legalBasis: "Code civil art. 1302-1" };
    case "commercial_gesture":
      return { ...base, explanation: "Geste commercial décidé par le vendeur.", legalBasis: "Décision commerciale" };
  }
}
