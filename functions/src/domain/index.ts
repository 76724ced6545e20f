/**
 * The money engine's public module: pure functions, no I/O. Amounts in and
 * out are decimal strings ("3600.00"), dates `YYYY-MM-DD`. Every function
 * validates its input with the zod schemas exported below and throws an
 * EngineValidationError (HTTP 400) or an EngineRuleError (HTTP 422), both
 * with French `details: [{ path, message }]`.
 */

// Errors and validation
export { EngineError, EngineRuleError, EngineValidationError, type FieldError } from "./errors/engine-error";
export { fieldErrors, parseInput } from "./validation/field-errors";
export * as schemas from "./validation/schemas";

// Money and VAT
export { formatMoney, money, roundCents, type Money, type MoneyString } from "./money/money";
export { VAT_RATES, canonicalVatRate, type VatRate } from "./vat/vat-rates";
export { vatBreakdown, type AmountsByRate, type NetLine, type Totals, type VatBreakdown } from "./vat/vat-breakdown";
export { vatAwaitsPayment, vatChargeableOnPayment, vatDueOnPayment, type VatShare } from "./vat/vat-on-payment";

// Deposits
export { presumedDepositKind, type CustomerKind, type DepositKind, type SupplyKind } from "./deposits/deposit-kind";
export { vatDueDate, type VatDue, type VatDueInput } from "./deposits/vat-due-date";
export { depositInvoice, type DepositInvoice, type DepositLine } from "./deposits/deposit-invoice";
export { checkDepositsWithinOrder, type HeldDeposit } from "./deposits/order-deposits";
export { finalInvoice, type DeductedDeposit, type FinalInvoice } from "./deposits/final-invoice";
export { type AdvanceInterestDeduction, type AdvanceInterestLine } from "./deposits/advance-interest-deduction";
export { depositStatusLabel, type DepositRefundProgress } from "./deposits/deposit-refund-status";

// Refunds
export { REFUND_REASONS, type RefundReason } from "./refunds/refund-reason";
export { AWAITING_APPROVAL, REFUND_STATUSES, type RefundStatus } from "./refunds/refund-status";
export {
  refundEntitlement,
  type Entitlement,
  type EntitlementInput,
  type LateRefundScale,
} from "./refunds/refund-entitlement";
export { refundableBalance } from "./refunds/refundable-balance";
export {
  consumerLateRefundIncrease,
  CONSUMER_REFUND_DAYS,
  type LateRefundIncrease,
} from "./refunds/consumer-late-refund-increase";
export { consumerAdvanceInterest, type AdvanceInterest } from "./refunds/consumer-advance-interest";
export { quoteRefund, type RefundQuote } from "./refunds/refund-quote";
export { type Compensation, type CompensationKind } from "./refunds/compensation";
export {
  latePaymentSupplements,
  type LatePaymentContext,
  type LatePaymentSupplement,
} from "./refunds/late-payment-supplement";
export {
  creditNoteContent,
  type CreditNoteContent,
  type CreditNoteInput,
  type DocumentCustomer,
} from "./refunds/credit-note-content";

// Refund lifecycle: who may do what, and what each step changes
export { APPROVER_ROLES, ROLES, type ApproverRole, type Role } from "./roles/roles";
export {
  LifecycleRefusal,
  approvalRoleOf,
  approve,
  cancel,
  mayApprove,
  payInstalment,
  pendingApprovers,
  reject,
  request,
  requireAwaitingApproval,
  requiredApprovals,
  type Actor,
  type Approved,
  type InstalmentState,
  type RefundState,
} from "./refunds/refund-lifecycle";

// French labels: the one table the sidebar, sheets, messages and documents read
export {
  CUSTOMER_KIND_LABELS,
  FACTORING_STATUS_LABELS,
  DEPOSIT_KIND_LABELS,
  DEPOSIT_REFUND_LABELS,
  DEPOSIT_STATUSES,
  DEPOSIT_STATUS_LABELS,
  EXTERNAL_INVOICE_LABEL,
  INVOICE_TYPES,
  INVOICE_TYPE_LABELS,
  JOURNAL_LABELS,
  PAYMENT_MEANS,
  PAYMENT_MEANS_LABELS,
  REFUND_EVENT_LABELS,
  REFUND_REASON_LABELS,
  REFUND_STATUS_LABELS,
  ROLE_LABELS,
  SUPPLY_KIND_LABELS,
  TOTAL_OWED_LABEL,
  TRANSFER_STATUS_LABELS,
  inSentence,
  vatRateLabel,
  type DepositStatus,
  type InvoiceType,
  type PaymentMeans,
  type RefundEventType,
} from "./vocabulary/labels";

// Settlement and schedules
export { settleRefund, type Settlement } from "./settlement/settlement";
export { outstandingAfterRequests, type OutstandingInvoice } from "./settlement/offsets-in-flight";
export { allocatePayment, type PaymentAllocation } from "./settlement/payment-allocation";
export { refundSchedule, type Instalment } from "./schedules/refund-schedule";

// Ledger
export {
  DEFAULT_ACCOUNT_LABELS,
  DEFAULT_CHART_OF_ACCOUNTS,
  chartOfAccounts,
  type ChartOfAccounts,
} from "./ledger/chart-of-accounts";
export {
  entryTotals,
  type EntryKind,
  type JournalCode,
  type JournalEntry,
  type JournalLine,
} from "./ledger/journal-entry";
export {
  compensationEntry,
  creditNoteEntry,
  depositCashedEntry,
  factoringAssignmentEntry,
  finalInvoiceEntry,
  paymentReceivedEntry,
  bankMatchReversalEntry,
  penaltyInvoiceEntry,
  refundPaidEntry,
  refundReturnedEntry,
  vatOnPaymentEntry,
} from "./ledger/posting-rules";
export { refundApprovalEntries } from "./ledger/refund-entries";
export { factorAccountNames, factorShares, type AllocatedAmount, type FactorShare } from "./ledger/factor-accounts";

// FEC (Fichier des écritures comptables): the journal as the tax office asks for it
export {
  FEC_FIELDS,
  FEC_HEADER,
  FEC_LINE_END,
  FEC_SEPARATOR,
  FEC_SEPARATORS,
  fecAmount,
  fecDate,
  fecHeader,
  fecLine,
  fecText,
  type FecField,
  type FecRecord,
  type FecSeparator,
} from "./fec/fec-format";
export { fecFileName } from "./fec/fec-file-name";
export { auxiliaryAccount } from "./fec/auxiliary-account";
export { JournalNumbering, ecritureNum } from "./fec/journal-numbering";
export { accountLabel, fecRecords, type FecEntryInput } from "./fec/fec-entry";
export { FecChecker, MAX_LISTED_PROBLEMS, checkFecText, type FiscalPeriod } from "./fec/fec-checks";
export { fiscalPeriod, type FiscalPeriodQuery } from "./fec/fiscal-period";
export { CALENDAR_YEAR_END, fiscalYearClosingIn, isFiscalYearEnd } from "./fec/fiscal-year-end";

// VAT return: the CA3 figures of a month or quarter, equal to the 44571 movements
export { vatPeriod, monthLabel, type VatPeriod, type VatPeriodQuery } from "./vat-return/vat-period";
export { CA3_LABELS, CA3_RATES, CA3_RATE_LINES } from "./vat-return/ca3-lines";
export {
  CHARGEABILITY_LABELS,
  VAT_SOURCES,
  VAT_SOURCE_LABELS,
  VatReturnBuilder,
  finalInvoiceVatLines,
  type Ca3Line,
  type Chargeability,
  type UnexplainedMovement,
  type VatDocumentInput,
  type VatRateFigure,
  type VatRateLine,
  type VatReturn,
  type VatReturnDocument,
  type VatSource,
  type VatSourceFigure,
} from "./vat-return/vat-return";
export { VAT_DOCUMENT_HEADERS, vatCellText, vatReturnRows, type VatCell } from "./vat-return/vat-return-rows";

// Rate tables
export {
  LEGAL_INTEREST_RATES,
  legalInterestRate,
  type Creditor,
  type LegalInterestRow,
} from "./rates/legal-interest-rates";
export { ECB_REFERENCE_RATES, ecbReferenceRate, type EcbReferenceRow } from "./rates/ecb-rates";
export {
  SHIPPED_LEGAL_RATES,
  halfYearName,
  halfYearsToAdd,
  hasHalfYear,
  nextHalfYear,
  reminderStart,
  withAddedHalfYears,
  type HalfYearRates,
  type LegalRates,
} from "./rates/legal-rates";
export { type Interest, type InterestSegment } from "./interest/simple-interest";

// Receivables
export {
  RECOVERY_INDEMNITY,
  latePaymentPenalties,
  penaltyRate,
  type LatePaymentPenalties,
} from "./receivables/late-payment-penalties";
export {
  PENALTY_LEGAL_BASIS,
  PENALTY_VAT_TREATMENT,
  penaltyClaim,
  type PenaltyClaim,
  type PenaltyTranche,
} from "./receivables/penalty-claim";
export {
  AGE_BUCKETS,
  AGE_BUCKET_LABELS,
  ageBucket,
  agedBalance,
  type AgeBucket,
  type AgedAmounts,
  type AgedBalance,
} from "./receivables/aged-balance";
export { dsoCountBack, dsoRatio } from "./receivables/dso";

// Legal identity of the parties to a document
export { luhnValid } from "./identity/luhn";
export { compactIdentifier, sirenProblem, type Siren } from "./identity/siren";
export { LA_POSTE_SIREN, siretProblem } from "./identity/siret";
export {
  frenchVatKey,
  frenchVatNumber,
  normaliseVatNumber,
  sirenOfVatNumber,
  vatNumberProblem,
} from "./identity/vat-number";
export { isSociete, type LegalIdentity, type PostalAddress } from "./identity/legal-identity";
export { documentReadiness } from "./identity/document-readiness";

// E-invoices: the EN 16931 CII XML (Factur-X profile EN 16931) of the documents issued
export { type CiiInvoice, type CiiParty, type CiiTypeCode, type CiiVatCategory } from "./einvoice/cii-invoice";
export { EN16931_GUIDELINE, ciiXml } from "./einvoice/cii-xml";
export {
  addressParts,
  creditNoteCii,
  depositInvoiceCii,
  finalInvoiceCii,
  type DocumentSeller,
  type SealedInvoice,
  type SealedPenaltyClaim,
} from "./einvoice/factur-x-content";
export { VAT_ON_DEBITS_NOTE, latePaymentNotes, sellerLegalMentions, spacedSiren } from "./einvoice/french-mentions";
export { PENALTY_INVOICE_TITLE, lateInvoiceCited, penaltyInvoiceCii } from "./einvoice/penalty-invoice-cii";

// Customers: risk profile, deposit policy, weak signals, credit insurance (docs/customers-risk.md)
export { RISK_CLASSES, riskClassRank, worseClass, type RiskClass } from "./customers/risk-class";
export { type CustomerInvoiceHistory, type RiskInputs } from "./customers/risk-inputs";
export {
  DEFAULT_RISK_THRESHOLDS,
  RISK_CRITERIA,
  type RiskCriterion,
  type RiskThresholds,
  type RiskThresholdsInput,
} from "./customers/risk-thresholds";
export { customerExposure, riskProfile, type BrokenPromise, type RiskProfile } from "./customers/risk-profile";
export {
  DEFAULT_DEPOSIT_POLICY,
  recommendTerms,
  type DepositPolicy,
  type DepositPolicyInput,
  type DepositTerms,
  type TermsRecommendation,
} from "./customers/deposit-policy";
export { MAX_PAYMENT_TERMS_DAYS, paymentTermsDaysSchema } from "./customers/payment-terms";
export { exposureWarning, type ExposureAndLimits } from "./customers/exposure-warning";
export {
  UNPROFILED_CLASS,
  depositAdvice,
  orderAddedExposure,
  type StandingForAdvice,
  type DepositAdvice,
} from "./customers/deposit-advice";
export { depositShortfall, type CashedDeposit } from "./customers/deposit-shortfall";
export { ordersInProgress, type DepositOnOrder } from "./customers/orders-in-progress";
export { WEAK_SIGNAL_KINDS, weakSignals, type WeakSignal, type WeakSignalKind } from "./customers/weak-signals";
export {
  declarationReminder,
  insurerDeclarationDeadline,
  type DeclarationReminder,
  type DeclarationReminderInput,
} from "./customers/insurer-declaration";
export {
  DUNNING_LEVEL_LABELS,
  INSURANCE_CLAIM_STATUS_LABELS,
  RISK_CLASS_LABELS,
  WEAK_SIGNAL_LABELS,
} from "./vocabulary/labels";
export {
  configuredFactor,
  DEFAULT_FACTOR_ACCOUNT,
  factorChoiceProblem,
  factoringAssignment,
  factorSchema,
  factorsSchema,
  subrogationMention,
  type Factor,
  type FactoringAssignment,
} from "./customers/factors";
export {
  configuredInsurer,
  insurerChoiceProblem,
  insurerSchema,
  insurersSchema,
  type Insurer,
} from "./customers/insurers";
export {
  INSURANCE_CLAIM_STATUSES,
  insuranceClaimSummary,
  nextInsuranceClaim,
  type ClaimTransition,
  type InsuranceClaim,
  type InsuranceClaimStatus,
  type InsuranceClaimStep,
} from "./customers/insurance-claim";
export { insuranceClaimNextSteps } from "./customers/insurance-claim-steps";
export { insurerDeclarationReminder, type InsuredInvoice } from "./reminders/insurer-declaration";
export { frenchDays } from "./reminders/french-amount";

// Customer records (issue #16): what a person may write on one, and which sightings are one customer
export {
  CUSTOMER_EDITABLE_FIELDS,
  FACTORING_STATUSES,
  RISK_CLASS_NOT_SETTABLE,
  customerCreateSchema,
  customerUpdateSchema,
  vatSirenProblem,
  type CustomerCreate,
  type CustomerUpdate,
  type FactoringStatus,
} from "./customers/customer-schema";
export { foldedName, groupCustomers, type CustomerGroup, type CustomerSighting } from "./customers/customer-grouping";
