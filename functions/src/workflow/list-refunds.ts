/**
 * The refunds list (`GET …/refunds`): one page of requests, newest number
 * first, under a filter (all, mine, approved not paid, late) and an
 * optional search by customer or by number (request, deposit invoice,
 * credit note, order), with what is left to pay.
 *
 * Bounded reads, never the whole history: « toutes » and « mes demandes »
 * page through an ordered query (`number` desc, index requestedBy+number);
 * the totals, « approuvées, non payées » and « en retard » come from the
 * open requests only (status in the four open ones) and their unpaid
 * instalments (collection group, index companyId+status+dueDate); a search
 * is a few equality queries and one array-contains on `customerTerms`,
 * each capped at SEARCH_CAP.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { RefundList, RefundListFilter, RefundListItem } from "../contract";
import { AWAITING_APPROVAL, formatMoney, money, type Money } from "../domain";
import { INSTALMENTS, REFUNDS } from "../model/collections";
import { customerTerms, foldForSearch, refundTotalOwed, type InstalmentDoc, type RefundDoc } from "../model/refund";
import type { DocReader } from "../storage/doc-reader";

export const DEFAULT_PAGE = 25;
export const MAX_PAGE = 100;
/** Most documents one search query reads. */
export const SEARCH_CAP = 200;

const OPEN_STATUSES: RefundDoc["status"][] = [...AWAITING_APPROVAL, "approved"];

/** The fields the list shows: the stored quote stays in Firestore, but for its total. */
const LIST_FIELDS = [
  "number",
  "status",
  "customerName",
  "depositNumber",
  "orderRef",
  "creditNoteNumber",
  "requestedBy",
  "requestedOn",
  "quote.total",
  "consumerRefundDeadline",
  "supplements",
] as const;

type Listed = Pick<RefundDoc, "number" | "status" | "customerName" | "requestedBy" | "requestedOn"> &
  Partial<
    Pick<RefundDoc, "depositNumber" | "orderRef" | "creditNoteNumber" | "consumerRefundDeadline" | "supplements">
  > & {
    quote: { total: string };
  };

interface Unpaid {
  left: Money;
  nextDue: string;
}

export interface ListRefundsInput {
  filter: RefundListFilter;
  q?: string;
  after?: string;
  limit: number;
  actor: string;
  today: string;
}

/** The open requests and, for the approved ones, their unpaid instalments by request id. */
async function openRequests(db: Firestore, reader: DocReader) {
  const [open, due] = await Promise.all([
    reader.query<Listed>(
      reader
        .collection(REFUNDS)
        .where("status", "in", OPEN_STATUSES)
        .select(...LIST_FIELDS),
    ),
    reader.query<InstalmentDoc>(
      db
        .collectionGroup(INSTALMENTS)
        .where("companyId", "==", reader.companyId)
        .where("status", "==", "due")
        .select("refundId", "amount", "dueDate"),
    ),
  ]);
  const unpaid = new Map<string, Unpaid>();
  for (const { data: i } of due) {
    const seen = unpaid.get(i.refundId);
    unpaid.set(i.refundId, {
      left: (seen?.left ?? money(0)).plus(money(i.amount)),
      nextDue: seen && seen.nextDue < i.dueDate ? seen.nextDue : i.dueDate,
    });
  }
  return { open, unpaid };
}

function item(id: string, d: Listed, unpaid: Map<string, Unpaid>, today: string): RefundListItem {
  const owed = unpaid.get(id);
  const awaiting = AWAITING_APPROVAL.includes(d.status);
  const left = d.status === "approved" ? (owed?.left ?? money(0)) : awaiting ? money(d.quote.total) : money(0);
  const nextDueDate = d.status === "approved" ? (owed?.nextDue ?? null) : null;
  const deadline = d.consumerRefundDeadline ?? null;
  return {
    id,
    number: d.number,
    status: d.status,
    customerName: d.customerName,
    depositNumber: d.depositNumber ?? null,
    orderRef: d.orderRef ?? null,
    creditNoteNumber: d.creditNoteNumber ?? null,
    requestedBy: d.requestedBy,
    requestedOn: d.requestedOn,
    // What the request owes in all: its quote and the supplements late payments added.
    total: refundTotalOwed(d),
    leftToPay: formatMoney(left),
    nextDueDate,
    late: (nextDueDate !== null && nextDueDate < today) || (awaiting && deadline !== null && deadline < today),
  };
}

/** A document number typed in any case: `rb-2026-000012` → `RB-2026-000012`. */
const DOCUMENT_NUMBER = /^[A-Za-z]{2}-\d{4}-\d{6}$/;

/** Requests matching `q`: by one of their numbers or their order, else by every word of the customer's name. */
async function search(reader: DocReader, q: string): Promise<{ id: string; data: Listed }[]> {
  const refunds = reader.collection(REFUNDS);
  const byField = (field: string, value: string) =>
    reader.query<Listed>(
      refunds
        .where(field, "==", value)
        .select(...LIST_FIELDS)
        .limit(SEARCH_CAP),
    );
  const queries = [byField("orderRef", q)];
  if (DOCUMENT_NUMBER.test(q)) {
    const number = q.toUpperCase();
    queries.push(byField("number", number), byField("depositNumber", number), byField("creditNoteNumber", number));
  }
  const words = foldForSearch(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  if (words.length > 0) {
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const byName = reader
      .query<Listed>(
        refunds
          .where("customerTerms", "array-contains", longest)
          .orderBy("number", "desc")
          .select(...LIST_FIELDS)
          .limit(SEARCH_CAP),
      )
      .then((found) =>
        found.filter(({ data }) => {
          const terms = new Set(customerTerms(data.customerName));
          return words.every((w) => terms.has(w));
        }),
      );
    queries.push(byName);
  }
  const found = new Map<string, Listed>();
  for (const rows of await Promise.all(queries)) for (const { id, data } of rows) found.set(id, data);
  return [...found].map(([id, data]) => ({ id, data }));
}

const newestFirst = (a: RefundListItem, b: RefundListItem) => b.number.localeCompare(a.number);

export async function listRefunds(db: Firestore, reader: DocReader, input: ListRefundsInput): Promise<RefundList> {
  const { filter, limit, actor, today } = input;
  const q = input.q?.trim() ?? "";
  const { open, unpaid } = await openRequests(db, reader);
  const keep = (i: RefundListItem) =>
    filter === "mine"
      ? i.requestedBy === actor
      : filter === "approved_unpaid"
        ? i.status === "approved" && money(i.leftToPay).gt(0)
        : filter === "late"
          ? i.late
          : true;
  const after = (i: RefundListItem) => !input.after || i.number < input.after;

  let items: RefundListItem[];
  let next: string | null;
  let selectedOpen: RefundListItem[];
  if (q || filter === "approved_unpaid" || filter === "late") {
    // A bounded set (a search's hits, or the open requests): filtered and paged here.
    const pool = q ? await search(reader, q) : open;
    const all = pool.map(({ id, data }) => item(id, data, unpaid, today)).filter(keep);
    all.sort(newestFirst);
    const page = all.filter(after);
    items = page.slice(0, limit);
    next = page.length > limit ? items[items.length - 1].number : null;
    selectedOpen = all.filter((i) => OPEN_STATUSES.includes(i.status));
  } else {
    // The whole history, paged by an ordered query: one page read, never the rest.
    let query = reader.collection(REFUNDS).orderBy("number", "desc");
    if (filter === "mine")
      query = reader.collection(REFUNDS).where("requestedBy", "==", actor).orderBy("number", "desc");
    if (input.after) query = query.startAfter(input.after);
    const read = await reader.query<Listed>(query.select(...LIST_FIELDS).limit(limit + 1));
    items = read.slice(0, limit).map(({ id, data }) => item(id, data, unpaid, today));
    next = read.length > limit ? items[items.length - 1].number : null;
    selectedOpen = open.map(({ id, data }) => item(id, data, unpaid, today)).filter(keep);
  }
  return {
    filter,
    items,
    next,
    leftToPay: formatMoney(selectedOpen.reduce((t, i) => t.plus(money(i.leftToPay)), money(0))),
    openCount: selectedOpen.length,
  };
}
