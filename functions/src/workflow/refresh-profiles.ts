/**
 * The profile refresh: recomputes the risk profile of the customers whose
 * record a command marked `profileStale`, and of no other — one transaction
 * per customer that reads the record, its invoices, payments, offsets and
 * deposits, writes `profile` and `riskClass`, appends the day's profile to
 * the history when its class or a reason changed, clears the mark and puts
 * each weak signal in the outbox for sales and accounting. A run that stops
 * midway leaves the customers not reached marked (nothing half-written);
 * running it again finds only those. Run by the dashboard job before its
 * figures and by POST …/customers/profiles/refresh (docs/customers-risk.md).
 */
import { FieldPath, type DocumentSnapshot, type Firestore, type Timestamp } from "@google-cloud/firestore";
import { riskProfile, weakSignals, type RiskProfile } from "../domain";
import { parisDay } from "../domain/dates/calendar-day";
import { riskSignalReminder } from "../domain/reminders/customer-risk-signal";
import { reminderSettingsSchema } from "../domain/reminders/reminder-settings";
import { COMPANIES, CUSTOMER_PROFILES, CUSTOMERS, OUTBOX, USERS } from "../model/collections";
import type { CompanyDoc } from "../model/company";
import type { CustomerDoc, CustomerProfileDoc } from "../model/customer";
import { newOutboxEntry } from "../model/outbox-entry";
import type { UserDoc } from "../model/roles";
import { runUnkeyed } from "../storage/run-unkeyed";
import type { UnitOfWork } from "../storage/unit-of-work";
import { customerRef } from "./customer-records";
import { loadRiskInputs } from "./customer-risk-inputs";
import type { CustomerProfileRefresh } from "../contract";

/** Who hears of weak signals: the people who agree terms with customers and those who collect. */
const SIGNAL_ROLES = ["sales_approver", "accounting_approver"] as const;
/** The actor of the refresh's writes. */
export const PROFILE_REFRESH_ACTOR = "profils-clients";

/** What a refresh did: the answer of `POST …/customers/profiles/refresh`, also the dashboard job's count. */
export type ProfileRefreshResult = CustomerProfileRefresh;

interface Context {
  companyId: string;
  companyName: string;
  thresholds: CompanyDoc["settings"]["riskThresholds"];
  recipients: string[];
  messageIdDomain?: string;
}

const changed = (previous: RiskProfile | undefined, next: RiskProfile) =>
  !previous ||
  previous.riskClass !== next.riskClass ||
  previous.reasons.length !== next.reasons.length ||
  previous.reasons.some((r, i) => r !== next.reasons[i]);

/** One customer, in its transaction: what refreshProfiles does for each. */
async function refreshOne(uow: UnitOfWork, ctx: Context, id: string, record: CustomerDoc, readAt: Timestamp) {
  const ref = customerRef(uow, id);
  // Committed only if the record is still as the page read it: a command that marked it since fails this commit.
  const updateRecord = (data: Record<string, unknown>) =>
    uow.raw((tx) => tx.update(ref, data, { lastUpdateTime: readAt }));
  // A merged duplicate's keys resolve to its surviving record, which the commands mark instead.
  if (record.mergedInto) {
    updateRecord({ profileStale: false });
    return { history: false, signals: 0 };
  }
  const inputs = await loadRiskInputs(uow, record, uow.today);
  const next = riskProfile(inputs, ctx.thresholds);
  const signals = weakSignals(record.profile ?? null, next, ctx.thresholds).map((signal) =>
    newOutboxEntry(
      riskSignalReminder({
        companyId: ctx.companyId,
        companyName: ctx.companyName,
        customerId: id,
        customerName: record.name,
        asOf: next.asOf,
        riskClass: next.riskClass,
        reasons: next.reasons,
        signal,
        to: ctx.recipients,
      }),
      uow.timestamp,
      ctx.messageIdDomain,
    ),
  );
  // The same signal told earlier the same day (a limit passed, left, passed again) is not told twice.
  const outboxRefs = signals.map((s) => uow.db.collection(OUTBOX).doc(s.id));
  const existing = await uow.getAll(outboxRefs);
  const fresh = signals.filter((_, i) => existing[i] === null);
  for (const s of fresh) uow.create(uow.db.collection(OUTBOX).doc(s.id), s.entry);
  const history = changed(record.profile, next);
  if (history) {
    const doc: CustomerProfileDoc = {
      profile: next,
      previousClass: record.profile?.riskClass ?? null,
      recordedAt: uow.timestamp,
    };
    uow.set(ref.collection(CUSTOMER_PROFILES).doc(next.asOf), doc);
  }
  updateRecord({ profile: next, riskClass: next.riskClass, profileStale: false, updatedAt: uow.timestamp });
  return { history, signals: fresh.length };
}

async function contextOf(db: Firestore, companyId: string, messageIdDomain?: string): Promise<Context> {
  const company = db.collection(COMPANIES).doc(companyId);
  const [snap, users] = await Promise.all([
    company.get(),
    company
      .collection(USERS)
      .where("roles", "array-contains-any", [...SIGNAL_ROLES])
      .get(),
  ]);
  const doc = snap.data() as CompanyDoc | undefined;
  const reminders = reminderSettingsSchema.safeParse(doc?.reminderSettings);
  const approvers = users.docs.map((u) => (u.data() as UserDoc).email);
  return {
    companyId,
    companyName: reminders.success ? reminders.data.companyName : (doc?.settings?.name ?? companyId),
    thresholds: doc?.settings?.riskThresholds,
    // A company without such members yet: its accounting recipients hear of it.
    recipients: approvers.length > 0 ? approvers : reminders.success ? reminders.data.recipients.accounting : [],
    messageIdDomain,
  };
}

/** Stale records read per query. */
const PAGE = 100;
/** Firestore's FAILED_PRECONDITION: the record changed after the page read it. */
const FAILED_PRECONDITION = 9;
/** Attempts per record when commands keep marking it while it is refreshed. */
const ATTEMPTS = 3;

/**
 * Refreshes the profiles of `companyId`'s stale customers as of `now`'s day
 * (Europe/Paris). The stale records are read a page at a time, by id, and
 * each is refreshed in its own transaction that does not read the record
 * again: its write is conditioned on the record's update time as the page
 * read it. A command that marks the record meanwhile changes it (every mark
 * counts in `profileMarks`), so the commit fails and the record is read again
 * and redone; a payment recorded before the transaction read the invoices is
 * in them, one after conflicts with those reads. So each stale record is
 * read once, and twice only when a command marked it during its refresh.
 */
export async function refreshProfiles(
  db: Firestore,
  companyId: string,
  now: Date,
  options: {
    messageIdDomain?: string;
    /** Called once a customer's transaction committed (the crash tests stop the process there). */
    afterCommit?: (customerId: string) => void | Promise<void>;
  } = {},
): Promise<ProfileRefreshResult> {
  // Read when the first stale customer is found: a company with none costs one query.
  let ctx: Context | null = null;
  const asOf = parisDay(now);
  const result: ProfileRefreshResult = {
    asOf,
    refreshed: 0,
    customersRead: 0,
    historyAppended: 0,
    signalsQueued: 0,
    failed: [],
  };
  const customers = db.collection(COMPANIES).doc(companyId).collection(CUSTOMERS);

  const refreshRecord = async (first: DocumentSnapshot, context: Context) => {
    let snapshot = first;
    for (let attempt = 1; ; attempt++) {
      try {
        const { result: done } = await runUnkeyed(
          db,
          { companyId, actor: PROFILE_REFRESH_ACTOR, now, today: asOf },
          (uow) => refreshOne(uow, context, snapshot.id, snapshot.data() as CustomerDoc, snapshot.updateTime!),
        );
        await options.afterCommit?.(snapshot.id);
        result.refreshed++;
        if (done.history) result.historyAppended++;
        result.signalsQueued += done.signals;
        return;
      } catch (error) {
        if ((error as { code?: number }).code === FAILED_PRECONDITION && attempt < ATTEMPTS) {
          snapshot = await snapshot.ref.get();
          result.customersRead++;
          if (!snapshot.exists || snapshot.get("profileStale") !== true) return;
          continue;
        }
        // Its data cannot make a profile (a record the refresh cannot read): left marked, the others go on.
        console.error(`Profil du client ${snapshot.id} non recalculé`, error);
        result.failed.push({ customerId: snapshot.id, reason: (error as Error).message });
        return;
      }
    }
  };

  let after: string | null = null;
  for (;;) {
    let page = customers.where("profileStale", "==", true).orderBy(FieldPath.documentId()).limit(PAGE);
    if (after) page = page.startAfter(after);
    const snap = await page.get();
    result.customersRead += snap.size;
    if (snap.empty) return result;
    ctx ??= await contextOf(db, companyId, options.messageIdDomain);
    for (const doc of snap.docs) await refreshRecord(doc, ctx);
    if (snap.size < PAGE) return result;
    after = snap.docs[snap.docs.length - 1].id;
  }
}
