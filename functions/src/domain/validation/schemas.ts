/** Every engine input schema, for the HTTP layer to reuse (e.g. to validate a request body before calling the engine). */
export * from "./primitives";
export * from "./vat-schema";
export * from "./deposit-schema";
export * from "./schedule-schema";
export * from "./refund-schema";
export * from "./ledger-schema";
export { lateRefundIncreaseInputSchema } from "../refunds/consumer-late-refund-increase";
export { consumerAdvanceInterestInputSchema } from "../refunds/consumer-advance-interest";
export * from "./receivables-schema";
export { paymentAllocationInputSchema } from "../settlement/payment-allocation";
export * from "./text";
export * from "./bounds";
export { riskInputsSchema } from "../customers/risk-inputs";
export { riskThresholdsSchema } from "../customers/risk-thresholds";
export { depositPolicySchema } from "../customers/deposit-policy";
export { declarationReminderInputSchema } from "../customers/insurer-declaration";
