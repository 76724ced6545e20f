/**
 * What the fuzz sends bodies to: every route of the `api` that takes a
 * body (and the one that takes a query), each with a valid body to mutate,
 * the member who may call it and the keys its schema knows — a 400 may
 * only name those, never a field of the engine the caller never sent.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { z } from "zod";
import { depositBodySchema } from "../../src/workflow/bodies/deposit-body";
import { finalInvoiceBodySchema } from "../../src/workflow/bodies/final-invoice-body";
import { paymentBodySchema } from "../../src/workflow/bodies/payment-body";
import { instalmentPaidBodySchema, refundBodySchema, rejectBodySchema } from "../../src/workflow/bodies/refund-body";
import { rolesBodySchema } from "../../src/workflow/bodies/roles-body";
import { legalRatesBodySchema } from "../../src/workflow/bodies/legal-rates-body";
import { externalInvoiceBodySchema } from "../../src/workflow/record-external-invoice-body";
import { invoiceDunningBodySchema } from "../../src/workflow/set-invoice-dunning-body";
import { penaltyClaimBodySchema } from "../../src/workflow/bodies/penalty-claim-body";
import { insuranceClaimBodySchema } from "../../src/workflow/bodies/insurance-claim-body";
import { customerCreateSchema, customerUpdateSchema } from "../../src/domain";
import { customerIdOf } from "../../src/model/customer";
import { customerAdviceQuerySchema } from "../../src/workflow/bodies/customer-advice-query";
import { customerMergeBodySchema } from "../../src/workflow/bodies/customer-merge-body";
import { bankAccountBodySchema } from "../../src/workflow/bodies/bank-account-body";
import { bankMatchBodySchema, bankUnmatchBodySchema } from "../../src/workflow/bodies/bank-entry-body";
import { statementBodySchema } from "../../src/workflow/bodies/statement-body";
import { transferBodySchema } from "../../src/workflow/bodies/transfer-body";
import { camtStatement } from "../bank/camt-statement";
import { type TestApi, seedCompany } from "../local-api";
import { ACCOUNTING, ADMIN, C, DEPOSIT_BODY, REQUESTER, SALES, USERS, refundBody } from "../workflow-fixtures";

/** The fuzz acts on the workflow tests' company, its members and its worked example. */
export { ACCOUNTING, ADMIN, C as FUZZ_COMPANY, REQUESTER, SALES } from "../workflow-fixtures";
/** Signed in, member of no company. */
export const STRANGER = "stranger@elsewhere.test";
/** A company id nobody created. */
export const UNKNOWN_COMPANY = "no-such-co";

const base = (company = C) => `/v1/companies/${company}`;

export const CUSTOMER = { name: "Garage Dupuis SAS", kind: "b2b", siren: "552100554" };

/** The worked example's deposit, with a multi-line address (line breaks are allowed there). */
const DEPOSIT = { ...DEPOSIT_BODY, customer: { ...DEPOSIT_BODY.customer, address: "3 quai Rambaud\n69002 Lyon" } };

export const EXTERNAL_INVOICE_BODY = {
  number: "2025-F-0917",
  date: "2025-12-10",
  customer: CUSTOMER,
  lines: [{ vatRate: "20", net: "1000.00", vat: "200.00" }],
  dueDate: "2026-01-09",
};

/** The worked example's refund, with a multi-line comment. */
const refund = (depositId: string) => ({ ...refundBody(depositId), comment: "Annulation\nconfirmée par téléphone" });

/** The documents the targets act on, created by `setUpFuzzCompany`. */
export interface FuzzIds {
  depositId: string;
  invoiceId: string;
  refundId: string;
  /** The record the deposit's customer got, and the one the external invoice's customer got. */
  customerId: string;
  otherCustomerId: string;
  /** A bank statement line left unmatched by its import (the external invoice's customer paying it). */
  bankEntryId: string;
}

export interface FuzzTarget {
  name: string;
  method: "GET" | "POST" | "PUT";
  /** The address; a query target gets its query string appended. */
  path(ids: FuzzIds, company?: string): string;
  as: string;
  /** What is fuzzed: the JSON body, or the query string's parameters. */
  input: "body" | "query";
  valid(ids: FuzzIds): Record<string, unknown>;
  /** The fields a refusal may name (besides those sent). */
  fields: readonly string[];
}

const keysOf = (schema: z.ZodType): string[] => Object.keys((schema as unknown as { shape: object }).shape);

export const TARGETS: readonly FuzzTarget[] = [
  {
    name: "record a deposit",
    method: "POST",
    path: (_, c) => `${base(c)}/deposits`,
    as: ACCOUNTING,
    input: "body",
    valid: () => DEPOSIT,
    fields: keysOf(depositBodySchema),
  },
  {
    name: "list an order's deposits",
    method: "GET",
    path: (_, c) => `${base(c)}/deposits`,
    as: REQUESTER,
    input: "query",
    valid: () => ({ orderRef: DEPOSIT.orderRef }),
    fields: ["orderRef"],
  },
  {
    name: "quote a refund",
    method: "POST",
    path: (_, c) => `${base(c)}/refunds/quote`,
    as: REQUESTER,
    input: "body",
    valid: (ids) => refund(ids.depositId),
    fields: keysOf(refundBodySchema),
  },
  {
    name: "request a refund",
    method: "POST",
    path: (_, c) => `${base(c)}/refunds`,
    as: REQUESTER,
    input: "body",
    valid: (ids) => refund(ids.depositId),
    fields: keysOf(refundBodySchema),
  },
  {
    name: "reject a request",
    method: "POST",
    path: (ids, c) => `${base(c)}/refunds/${ids.refundId}/reject`,
    as: SALES,
    input: "body",
    valid: () => ({ reason: "Commande maintenue\npar le client" }),
    fields: keysOf(rejectBodySchema),
  },
  {
    name: "record an instalment paid",
    method: "POST",
    path: (ids, c) => `${base(c)}/refunds/${ids.refundId}/instalments/1/pay`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ paidOn: "2026-03-31" }),
    fields: keysOf(instalmentPaidBodySchema),
  },
  {
    name: "issue a final invoice",
    method: "POST",
    path: (_, c) => `${base(c)}/invoices/final`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({
      orderRef: DEPOSIT.orderRef,
      supplyKind: "goods",
      lines: [{ vatRate: "20", net: "12000.00", label: "Agencement salle" }],
    }),
    fields: keysOf(finalInvoiceBodySchema),
  },
  {
    name: "record an external invoice",
    method: "POST",
    path: (_, c) => `${base(c)}/invoices/external`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ ...EXTERNAL_INVOICE_BODY, number: "2025-F-0918" }),
    fields: keysOf(externalInvoiceBodySchema),
  },
  {
    name: "record a payment",
    method: "POST",
    path: (_, c) => `${base(c)}/payments`,
    as: ACCOUNTING,
    input: "body",
    valid: (ids) => ({
      customer: CUSTOMER,
      date: "2026-03-01",
      amount: "500.00",
      means: "virement",
      invoiceIds: [ids.invoiceId],
    }),
    fields: keysOf(paymentBodySchema),
  },
  {
    name: "record a dispute or a promise",
    method: "POST",
    path: (ids, c) => `${base(c)}/invoices/${ids.invoiceId}/dunning`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ disputed: true, disputeReason: "Livraison contestée", promiseUntil: "2026-04-15" }),
    fields: keysOf(invoiceDunningBodySchema),
  },
  {
    name: "record a credit-insurance claim step",
    method: "POST",
    path: (ids, c) => `${base(c)}/invoices/${ids.invoiceId}/insurance-claim`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ status: "declared", on: "2026-01-15", reference: "SIN-2026-0001", amount: "100.00" }),
    fields: keysOf(insuranceClaimBodySchema),
  },
  {
    name: "claim late-payment penalties",
    method: "POST",
    path: (ids, c) => `${base(c)}/invoices/${ids.invoiceId}/penalties`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ claimIndemnity: true }),
    fields: keysOf(penaltyClaimBodySchema),
  },
  {
    name: "set a user's roles",
    method: "PUT",
    path: (_, c) => `${base(c)}/users/${encodeURIComponent("nina@acme.fr")}`,
    as: ADMIN,
    input: "body",
    valid: () => ({ roles: ["requester"] }),
    fields: keysOf(rolesBodySchema),
  },
  {
    name: "add a half-year of legal rates",
    method: "POST",
    path: (_, c) => `${base(c)}/legal-rates`,
    as: ADMIN,
    input: "body",
    valid: () => ({
      halfYear: "2026-07-01",
      consumer: "7.00",
      professional: "3.00",
      ecb: "2.00",
      source: "Arrêté de test (JO de test)",
    }),
    fields: keysOf(legalRatesBodySchema),
  },
  {
    name: "create a customer record",
    method: "POST",
    path: (_, c) => `${base(c)}/customers`,
    as: SALES,
    input: "body",
    valid: () => CUSTOMER_RECORD,
    fields: keysOf(customerCreateSchema),
  },
  {
    name: "update a customer record",
    method: "POST",
    path: (ids, c) => `${base(c)}/customers/${ids.customerId}`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({
      creditLimit: "20000.00",
      paymentTermsDays: 30,
      dunningContact: { name: "Mme Roux", email: "compta@bellevue.fr", phone: "04 78 00 00 00" },
      factoring: { status: "assigned", factor: "Factor Lyonnais" },
      iban: null,
    }),
    fields: keysOf(customerUpdateSchema),
  },
  {
    name: "merge a customer record",
    method: "POST",
    path: (ids, c) => `${base(c)}/customers/${ids.otherCustomerId}/merge`,
    as: ACCOUNTING,
    input: "body",
    valid: (ids) => ({ into: ids.customerId }),
    fields: keysOf(customerMergeBodySchema),
  },
  {
    name: "list the customer records",
    method: "GET",
    path: (_, c) => `${base(c)}/customers`,
    as: REQUESTER,
    input: "query",
    valid: (ids) => ({ limit: "10", after: ids.customerId }),
    fields: ["limit", "after"],
  },
  {
    name: "advise on a customer's deposit",
    method: "GET",
    path: (_, c) => `${base(c)}/customers/advice`,
    as: REQUESTER,
    input: "query",
    valid: () => ({ siren: CUSTOMER.siren, name: CUSTOMER.name, net: "12000.00", vatRate: "20", depositPercent: "30" }),
    fields: keysOf(customerAdviceQuerySchema),
  },
  {
    name: "list the credit-insurance claims",
    method: "GET",
    path: (_, c) => `${base(c)}/insurance-claims`,
    as: ACCOUNTING,
    input: "query",
    valid: (ids) => ({ status: "declared", limit: "10", after: ids.invoiceId }),
    fields: ["status", "limit", "after"],
  },
  {
    name: "change a refund's bank account",
    method: "POST",
    path: (ids, c) => `${base(c)}/refunds/${ids.refundId}/bank-account`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" }),
    fields: keysOf(bankAccountBodySchema),
  },
  {
    name: "prepare the refund transfers",
    method: "POST",
    path: (_, c) => `${base(c)}/bank/transfers`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ executionDate: "2026-03-11", upTo: "2026-04-30" }),
    fields: keysOf(transferBodySchema),
  },
  {
    name: "import a bank statement",
    method: "POST",
    path: (_, c) => `${base(c)}/bank/statements`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ file: statement("RELEVE-FUZZ-2", "2026-03-09", "75.00"), format: "camt053" }),
    fields: keysOf(statementBodySchema),
  },
  {
    name: "match a bank statement line",
    method: "POST",
    path: (ids, c) => `${base(c)}/bank/entries/${ids.bankEntryId}/match`,
    as: ACCOUNTING,
    input: "body",
    valid: (ids) => ({ allocations: [{ itemKind: "external_invoice", itemId: ids.invoiceId, amount: "100.00" }] }),
    fields: keysOf(bankMatchBodySchema),
  },
  {
    name: "undo a bank match",
    method: "POST",
    path: (ids, c) => `${base(c)}/bank/entries/${ids.bankEntryId}/unmatch`,
    as: ACCOUNTING,
    input: "body",
    valid: () => ({ reason: "Virement d'un autre client\nsignalé par la banque" }),
    fields: keysOf(bankUnmatchBodySchema),
  },
];

/** The company's account (a valid French IBAN) and a camt.053 statement of it with one incoming transfer. */
const COMPANY_IBAN = "FR7630006000011234567890189";
function statement(id: string, bookingDate: string, amount: string): string {
  return camtStatement({
    id,
    iban: COMPANY_IBAN,
    createdAt: `${bookingDate}T06:00:00`,
    entries: [
      { ref: `${id}-1`, amount, direction: "credit", bookingDate, counterpartyName: "Inconnu", remittance: ["Divers"] },
    ],
  });
}

/** A customer record with every field filled (line breaks allowed in addresses). */
const CUSTOMER_RECORD = {
  name: "Atelier Roux SARL",
  kind: "b2b",
  siren: "542107651",
  vatNumber: "FR13542107651",
  email: "contact@atelier-roux.fr",
  billingAddress: "12 rue des Forges\n69003 Lyon",
  invoiceContact: { name: "M. Roux", email: "factures@atelier-roux.fr" },
  paymentTermsDays: 45,
  creditLimit: "15000.00",
  iban: "FR76 3000 6000 0112 3456 7890 189",
  bic: "BNPAFRPPXXX",
  insurance: { insurer: "Allianz Trade", limit: "10000.00", grantedOn: "2026-01-02" },
  factoring: { status: "none" },
  segment: "Artisans",
};

/**
 * Company C (FUZZ_COMPANY) with its four members, a deposit, an open external
 * invoice and a refund request awaiting approval; the service's date is
 * then 10/03/2026.
 */
export async function setUpFuzzCompany(api: TestApi, db: Firestore): Promise<FuzzIds> {
  await seedCompany(db, C, USERS as never, { approvalThreshold: "4000.00", bankIban: COMPANY_IBAN });
  const created = async (path: string, as: string, body: unknown) => {
    const answer = await api.call("POST", `${base()}${path}`, { as, body });
    if (answer.status !== 201)
      throw new Error(`fuzz set-up: ${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id as string;
  };
  api.setToday("2026-01-15");
  const depositId = await created("/deposits", ACCOUNTING, DEPOSIT);
  const invoiceId = await created("/invoices/external", ACCOUNTING, EXTERNAL_INVOICE_BODY);
  api.setToday("2026-03-10");
  const refundId = await created("/refunds", REQUESTER, refund(depositId));
  // A transfer nobody can be matched with automatically: it stays to match by hand.
  const imported = await api.call("POST", `${base()}/bank/statements`, {
    as: ACCOUNTING,
    body: { file: statement("RELEVE-FUZZ-1", "2026-03-09", "333.33") },
  });
  const bankEntryId = imported.body.entries?.[0]?.id as string | undefined;
  if (imported.status >= 300 || !bankEntryId)
    throw new Error(`fuzz set-up: statement import answered ${imported.status} ${JSON.stringify(imported.body)}`);
  return {
    depositId,
    invoiceId,
    refundId,
    customerId: customerIdOf(`siren:${DEPOSIT.customer.siren}`),
    otherCustomerId: customerIdOf(`siren:${CUSTOMER.siren}`),
    bankEntryId,
  };
}
