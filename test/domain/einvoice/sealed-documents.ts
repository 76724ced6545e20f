/**
 * Sealed documents for the e-invoice tests (the XML here, the PDFs in
 * test/documents/), computed by the domain engine itself (depositInvoice,
 * quoteRefund + creditNoteContent, finalInvoice, penaltyClaim) as the workflow seals them,
 * never typed in by hand.
 */
import {
  creditNoteContent,
  depositInvoice,
  factoringAssignment,
  finalInvoice,
  penaltyClaim,
  quoteRefund,
  type CreditNoteContent,
  type DocumentSeller,
} from "../../../functions/src/domain";
import type { Customer } from "../../../functions/src/model/amounts";
import type { InvoiceContent } from "../../../functions/src/model/invoice";
import { SELLER_IDENTITY } from "../identity/seller-identity";

export const SELLER: DocumentSeller = {
  ...SELLER_IDENTITY,
  iban: "FR7630006000011234567890189",
  bic: "AGRIFRPP",
  vatOnDebits: false,
};
export const GARAGE: Customer = {
  name: "Garage Dupuis SAS",
  kind: "b2b",
  siren: "552081317",
  vatNumber: "FR03552081317",
  address: "4 avenue Foch\n75016 Paris",
  email: "compta@dupuis.test",
};
export const CONSUMER: Customer = { name: "Mme Léa Martin", kind: "b2c", address: "3 place Bellecour\n69002 Lyon" };

type DepositInput = Omit<Parameters<typeof depositInvoice>[0], "customerKind" | "invoiceDate" | "cashedDate">;

export function sealedDeposit(number: string, date: string, customer: Customer, input: DepositInput): InvoiceContent {
  const computed = depositInvoice({ ...input, customerKind: customer.kind, invoiceDate: date, cashedDate: date });
  return {
    type: "deposit",
    typeCode: "386",
    number,
    date,
    seller: { name: SELLER.name, siren: SELLER.siren },
    customer,
    orderRef: "CMD-2026-017",
    lines: computed.lines,
    total: computed.total,
    depositKind: computed.kind,
    supplyKind: input.supplyKind,
  };
}

type QuoteInput = Parameters<typeof quoteRefund>[0];

/** The engine's quote for a refund of `deposit`, approved on `approvalDate`. */
export function quoteOn(
  deposit: InvoiceContent,
  refund: Pick<QuoteInput, "reason" | "scope"> & Partial<QuoteInput>,
  approvalDate = "2026-02-16",
): ReturnType<typeof quoteRefund> {
  return quoteRefund({
    deposit: {
      number: deposit.number,
      date: deposit.date,
      paidDate: deposit.date,
      kind: deposit.depositKind!,
      customerKind: deposit.customer.kind,
      supplyKind: deposit.supplyKind!,
      lines: deposit.lines.map(({ vatRate, net, vat }) => ({ vatRate, net, vat })),
    },
    approvalDate,
    schedule: { kind: "single", date: approvalDate },
    ...refund,
  });
}

/** The credit note approve-refund seals: the engine's quote for the refund, citing the deposit invoice. */
export function sealedCreditNote(
  number: string,
  deposit: InvoiceContent,
  refund: Pick<QuoteInput, "reason" | "scope"> & Partial<QuoteInput>,
): CreditNoteContent {
  const quote = quoteOn(deposit, refund);
  return creditNoteContent({
    number,
    date: "2026-02-16",
    seller: deposit.seller,
    customer: deposit.customer,
    invoice: { id: "inv-1", number: deposit.number, date: deposit.date },
    quote,
    refundId: "refund-1",
    depositId: "deposit-1",
  });
}

export const MIXED_ORDER = {
  lines: [
    { vatRate: "20", net: "8000.00" },
    { vatRate: "10", net: "2500.00" },
    { vatRate: "5.5", net: "1333.33" },
  ],
};

export const mixedDeposit = () =>
  sealedDeposit("FA2026-0041", "2026-01-15", GARAGE, {
    supplyKind: "goods",
    order: MIXED_ORDER,
    deposit: { percent: "30" },
  });

/** Arrhes kept outside VAT (company setting arrhesVatOnReceipt: false), paid by a consumer unless said. */
export const arrhesOutsideVat = (customer: Customer = CONSUMER) =>
  sealedDeposit("FA2026-0042", "2026-01-20", customer, {
    supplyKind: "goods",
    kind: "arrhes",
    arrhesVatOnReceipt: false,
    order: { lines: [{ vatRate: "20", net: "2000.00" }] },
    deposit: { amount: "500.00" },
  });

/** The final invoice of the mixed order after `deposits`, as issue-final-invoice seals it, and the engine's figures. */
export function sealedFinal(
  deposits: InvoiceContent[],
  number = "FA2026-0051",
): { content: InvoiceContent; computed: ReturnType<typeof finalInvoice> } {
  const computed = finalInvoice({
    supplyKind: "goods",
    lines: MIXED_ORDER.lines,
    deposits: deposits.map((d) => ({ number: d.number, date: d.date, lines: d.lines })),
  });
  const content: InvoiceContent = {
    type: "final",
    typeCode: "380",
    number,
    date: "2026-03-02",
    seller: { name: SELLER.name, siren: SELLER.siren },
    customer: GARAGE,
    orderRef: "CMD-2026-017",
    lines: computed.lines,
    total: computed.total,
    deductedDeposits: deposits.map((d, i) => ({
      depositId: `deposit-${i}`,
      number: d.number,
      date: d.date,
      lines: d.lines,
      total: d.total,
    })),
    amountDue: computed.amountDue,
    dueDate: "2026-04-01",
    penaltyRate: "12",
  };
  return { content, computed };
}

/**
 * The factor of the factoring tests, as a factored invoice seals it: the
 * contract's bank details, the default subrogation mention, account 4671.
 */
export const FACTOR = factoringAssignment({
  name: "Rhône Affacturage SA",
  iban: "FR7630004000031234567890143",
  bic: "BNPAFRPP",
});

/** The final invoice of the mixed order after `deposits`, its customer assigned to FACTOR when issued. */
export function sealedFactoredFinal(deposits: InvoiceContent[], number = "FA2026-0061") {
  const { content, computed } = sealedFinal(deposits, number);
  return { content: { ...content, factoring: FACTOR } satisfies InvoiceContent, computed };
}

/**
 * The penalty invoice claim-penalties seals on GARAGE's late invoice, computed by penaltyClaim: 10 000,00 € due
 * 31/01/2026, paid 02/03/2026, 30 days late → 99,86 € of penalties (L441-10) + 40,00 € indemnity (D441-5).
 */
export function sealedPenalty(number = "FA2026-0070"): InvoiceContent {
  const late = { number: "FA2026-0060", date: "2026-01-01", dueDate: "2026-01-31", amountDue: "10000.00" };
  const claim = penaltyClaim({
    customerKind: GARAGE.kind,
    invoice: late,
    settlements: [{ date: "2026-03-02", amount: late.amountDue }],
    claimDate: "2026-03-05",
    earlierClaims: [],
  });
  return {
    type: "penalty",
    typeCode: "380",
    number,
    date: "2026-03-05",
    seller: { name: SELLER.name, siren: SELLER.siren },
    customer: GARAGE,
    orderRef: "CMD-2026-017",
    lines: [],
    total: { net: claim.total, vat: "0.00", gross: claim.total },
    amountDue: claim.total,
    dueDate: "2026-04-04",
    penaltyClaim: {
      invoiceId: "late-invoice",
      ...late,
      tranches: claim.tranches,
      accruedPenalties: claim.accruedPenalties,
      alreadyInvoiced: claim.alreadyInvoiced,
      earlierClaims: [],
      penalties: claim.penalties,
      indemnity: claim.indemnity,
      legalBasis: claim.legalBasis,
      vatTreatment: claim.vatTreatment,
    },
  };
}
