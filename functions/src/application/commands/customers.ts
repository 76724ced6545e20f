import { FieldPath } from "@google-cloud/firestore";
import { z } from "zod";
import type {
  CustomerList,
  CustomerMerge,
  CustomerProfileHistory,
  CustomerProfileRefresh,
  CustomerSync,
} from "../../contract";
import { customerCreateSchema, customerUpdateSchema, type CustomerCreate, type Role } from "../../domain";
import { customerAdviceQuerySchema } from "../../workflow/bodies/customer-advice-query";
import { CUSTOMER_PROFILES, CUSTOMERS } from "../../model/collections";
import { PROFILE_DAY, type CustomerDoc, type CustomerProfileDoc } from "../../model/customer";
import { customerMergeBodySchema } from "../../workflow/bodies/customer-merge-body";
import { customerAdvice } from "../../workflow/customer-advice";
import { createCustomer } from "../../workflow/create-customer";
import { loadCustomer } from "../../workflow/customer-records";
import { mergeCustomers } from "../../workflow/merge-customers";
import { syncCustomers, type CustomerSyncResult } from "../../workflow/sync-customers";
import { updateCustomer } from "../../workflow/update-customer";
import type { Access } from "../../workflow/access";
import { settingsOf } from "../../workflow/company-settings";
import { checkedFactoring, checkedInsurance } from "../../workflow/customer-parties";
import { refreshProfiles } from "../../workflow/refresh-profiles";
import { isoInstant } from "../presenters/iso-instant";
import { defineChange, defineRead } from "../command";
import { notifyCommitted } from "../execute";
import { pageLimit } from "../page-limit";
import { parseBody, parseQuery } from "../parse-body";
import { presentCustomer, presentCustomerAdvice } from "../presenters/customer";

/**
 * Who writes customer records: the people who agree terms with customers
 * (sales approvers), accounting, and admins. A requester records deposits,
 * which create a record for a new customer, but edits none.
 */
export const CUSTOMER_EDITORS: readonly Role[] = ["sales_approver", "accounting_approver", "admin"];

/**
 * The cover checked against the company's insurers, the factoring against
 * its factors (absent stays absent, null clears).
 */
function withInsurerAndFactor<
  I extends CustomerCreate["insurance"] | null,
  F extends CustomerCreate["factoring"] | null,
>(access: Access, { insurance, factoring }: { insurance?: I; factoring?: F }) {
  const settings = settingsOf(access);
  return {
    ...(insurance === undefined ? {} : { insurance: checkedInsurance(settings.insurers, insurance) }),
    ...(factoring === undefined ? {} : { factoring: checkedFactoring(settings.factors, factoring) }),
  };
}

export const createCustomerCommand = defineChange({
  name: "customer.create",
  summary:
    "Creates a customer record (identity, contacts, terms, credit limit, bank details, credit insurance, factoring, segment); a customer that already has one is refused (409 CUSTOMER_EXISTS).",
  roles: CUSTOMER_EDITORS,
  body: customerCreateSchema,
  status: 201,
  answer: "CustomerRecord",
  handler: (uow, access, body) =>
    createCustomer(uow, {
      ...(body as CustomerCreate),
      ...withInsurerAndFactor(access, body as CustomerCreate),
    }),
  present: presentCustomer,
});

export const updateCustomerCommand = defineChange({
  name: "customer.update",
  summary:
    "Changes the editable fields given (`null` clears one), audited; kind, SIREN and risk class are refused, a merged record is read-only (409 CUSTOMER_MERGED).",
  roles: CUSTOMER_EDITORS,
  body: customerUpdateSchema,
  status: 200,
  answer: "CustomerRecord",
  handler: (uow, access, body, { params }) =>
    updateCustomer(uow, params.customerId, { ...body, ...withInsurerAndFactor(access, body) }),
  present: presentCustomer,
});

export const mergeCustomerCommand = defineChange({
  name: "customer.merge",
  summary:
    "Merges the duplicate record into `into`, keeping history: its keys resolve to `into`, it is marked `mergedInto`, one audit event; into itself, from or into a merged record, or across customer kinds is refused.",
  roles: CUSTOMER_EDITORS,
  body: customerMergeBodySchema,
  status: 200,
  answer: "CustomerMerge",
  handler: (uow, _access, body, { params }) => mergeCustomers(uow, params.customerId, body.into),
  present: ({ duplicate, record }): CustomerMerge => ({
    duplicate: presentCustomer(duplicate),
    record: presentCustomer(record),
  }),
});

const syncBodySchema = z.strictObject({});

export const syncCustomersCommand = defineChange({
  name: "customer.sync",
  summary:
    "Creates the records of the customers met in deposits, invoices, payments and credits, deduplicated (SIREN for companies, e-mail then name for consumers), in bounded transactions; a second run creates nothing, a run stopped midway and run again creates each record once.",
  roles: CUSTOMER_EDITORS,
  body: syncBodySchema,
  status: 200,
  answer: "CustomerSync",
  input: (invocation): CustomerSyncResult | null => {
    parseBody(syncBodySchema, invocation.body);
    return null;
  },
  prepare: (_access, _input, { db, params, caller, now, today, notifier }) =>
    syncCustomers(
      db,
      { companyId: params.companyId, actor: caller.email, now, today },
      { afterCommit: (change) => notifyCommitted(notifier, change) },
    ),
  handler: async (_uow, _access, result) => {
    if (!result) throw new Error("customer.sync answered before its pages ran");
    return result;
  },
  present: (result): CustomerSync => result,
});

export const getCustomerCommand = defineRead({
  name: "customer.get",
  summary: "One customer record (a merged one says into which record).",
  roles: [],
  answer: "CustomerRecord",
  handler: async (_access, reader, { params }) => ({
    status: 200,
    body: presentCustomer(await loadCustomer(reader, params.customerId)),
  }),
});

export const CUSTOMER_PAGE = 50;
export const CUSTOMER_PAGE_MAX = 500;
/** Other parameters (a cache-buster…) are ignored, as a query string's are. */
const listQuerySchema = z.object({
  after: z
    .string({ error: "doit être un identifiant de fiche client" })
    .regex(/^CLI-[0-9a-f]{16}$/, { message: "doit être un identifiant de fiche client" })
    .optional(),
  limit: pageLimit(CUSTOMER_PAGE, CUSTOMER_PAGE_MAX),
});

export const listCustomersCommand = defineRead({
  name: "customer.list",
  summary:
    "The customer records by id, one page at a time (`?limit=`, default 50, at most 500; `?after=` the previous page's `next`), merged ones included with their `mergedInto`.",
  roles: [],
  query: listQuerySchema,
  answer: "CustomerList",
  handler: async (_access, reader, { query }) => {
    const { after, limit } = parseQuery(listQuerySchema, query);
    let page = reader.collection(CUSTOMERS).orderBy(FieldPath.documentId());
    if (after) page = page.startAfter(after);
    const docs = await reader.query<CustomerDoc>(page.limit(limit + 1));
    const shown = docs.slice(0, limit);
    const body: CustomerList = {
      customers: shown.map((d) => presentCustomer(d.data)),
      next: docs.length > limit ? shown[shown.length - 1].id : null,
    };
    return { status: 200, body };
  },
});

export const customerAdviceCommand = defineRead({
  name: "customer.advice",
  summary:
    "Before a deposit or an order is recorded: the customer's class from its stored profile, the deposit and payment terms the company's policy recommends for it (class B's when it has no profile yet) and the warning when the order, less its deposit, takes the exposure past the credit or insured limit; nothing is stored.",
  roles: [],
  query: customerAdviceQuerySchema,
  answer: "CustomerAdvice",
  handler: async (access, reader, { query }) => ({
    status: 200,
    body: presentCustomerAdvice(await customerAdvice(reader, access, parseQuery(customerAdviceQuerySchema, query))),
  }),
});

/**
 * Who may run the profile refresh by hand: accounting (which collects) and
 * admins; the dashboard job runs it every night anyway.
 */
export const PROFILE_REFRESHERS: readonly Role[] = ["accounting_approver", "admin"];

export const refreshProfilesCommand = defineRead({
  name: "customer.refresh_profiles",
  summary:
    "Recomputes the risk profile of the customers marked stale by a payment, invoice, dispute, letter or offset (and of no other), one transaction each: class and reasons written, history appended on a change, weak signals put in the outbox once.",
  roles: PROFILE_REFRESHERS,
  body: z.strictObject({}),
  answer: "CustomerProfileRefresh",
  handler: async (_access, _reader, { db, params, now }) => {
    const body: CustomerProfileRefresh = await refreshProfiles(db, params.companyId, now);
    return { status: 200, body };
  },
});

export const PROFILE_PAGE = 50;
/** `before`: the previous page's `next`, a profile's day. */
const profilesQuerySchema = z.object({
  before: z
    .string({ error: "doit être une date AAAA-MM-JJ" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "doit être une date AAAA-MM-JJ" })
    .optional(),
  limit: pageLimit(PROFILE_PAGE, CUSTOMER_PAGE_MAX),
});

export const customerProfilesCommand = defineRead({
  name: "customer.profiles",
  summary:
    "The customer's risk profiles kept, one per day its class or reasons changed, the latest first, each with the class before it, one page at a time (`?limit=`, default 50, at most 500; `?before=` the previous page's `next`).",
  roles: [],
  query: profilesQuerySchema,
  answer: "CustomerProfileHistory",
  handler: async (_access, reader, { params, query }) => {
    const { before, limit } = parseQuery(profilesQuerySchema, query);
    const record = await loadCustomer(reader, params.customerId);
    // Ordered by the day the profile holds, not by the document id (the same day): Firestore scans no key
    // range backwards ("does not support descending key scans"), a field's descending index it does.
    let page = reader.collection(CUSTOMERS).doc(record.id).collection(CUSTOMER_PROFILES).orderBy(PROFILE_DAY, "desc");
    if (before) page = page.startAfter(before);
    const docs = await reader.query<CustomerProfileDoc>(page.limit(limit + 1));
    const shown = docs.slice(0, limit);
    const body: CustomerProfileHistory = {
      customerId: record.id,
      profiles: shown.map(({ data }) => ({
        ...data.profile,
        previousClass: data.previousClass,
        recordedAt: isoInstant(data.recordedAt),
      })),
      next: docs.length > limit ? shown[shown.length - 1].data.profile.asOf : null,
    };
    return { status: 200, body };
  },
});
