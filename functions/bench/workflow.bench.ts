/**
 * Workflow latency on the real emulator, through HTTP (functions framework,
 * token verification, JSON) versus a bare Firestore transaction doing the
 * same document reads and writes:
 * - p50/p99 of `request` and `approve` (final approval: credit note, entry, instalment);
 * - the same for the bare transactions, and the ratio HTTP p50 / bare p50 (goal ≤ 1.5);
 * - Firestore commits per command (goal 1).
 * The bare transactions batch their reads exactly as the commands do
 * (idempotency record + company + caller in one getAll, and so on).
 */
import { Firestore } from "@google-cloud/firestore";
import { http } from "@google-cloud/functions-framework";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createApi } from "../src/app/api-app";
import { localTokenVerifier } from "../src/auth/token-verifier";
import { MENUISERIE } from "../dev/demo-data/companies";
import { seedCompany } from "../dev/demo-data/seed-company";
import { guardBodySize } from "../testing/body-size-guard";
import { watchWrites } from "../testing/firestore-writes";
import { startFirestoreEmulator } from "../testing/firestore-emulator";
import { LOCAL_AUDIENCE, LOCAL_PUBLIC_KEY_FILE, mintLocalToken } from "../testing/local-tokens";
import { percentile } from "./percentile";
import {
  COMPANIES,
  CREDIT_NOTES,
  DEPOSITS,
  EVENTS,
  IDEMPOTENCY,
  INSTALMENTS,
  INVOICES,
  JOURNAL_ENTRIES,
  REFUNDS,
  SEQUENCES,
  USERS,
} from "../src/model/collections";

const N = 60;
const WARMUP = 5;
// Documents off: this bench measures the workflow's transactions, not document rendering (its own bench, #13).
const COMPANY = {
  ...MENUISERIE,
  id: "bench",
  settings: { ...MENUISERIE.settings, approvalThreshold: "1000000.00", documentsEnabled: false },
};
const REQUESTER = "rachel@menuiserie.test";
const ACCOUNTING = "alice@menuiserie.test";

export default async function workflowBench(): Promise<void> {
  const emulator = await startFirestoreEmulator({ projectId: "demo-bench-workflow" });
  const db = new Firestore({ projectId: emulator.projectId, host: emulator.host, ssl: false });
  const written = watchWrites(db);
  try {
    await seedCompany(db, COMPANY);
    http(
      "api-bench",
      createApi({
        db,
        verifier: localTokenVerifier(readFileSync(LOCAL_PUBLIC_KEY_FILE, "utf8"), LOCAL_AUDIENCE),
      }) as Parameters<typeof http>[1],
    );
    const server = guardBodySize(getTestServer("api-bench"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/companies/${COMPANY.id}`;
    const tokens: Record<string, string> = {
      [REQUESTER]: mintLocalToken(REQUESTER),
      [ACCOUNTING]: mintLocalToken(ACCOUNTING),
    };
    const call = async (as: string, path: string, body: unknown) => {
      const res = await fetch(`${url}${path}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${tokens[as]}`,
          "idempotency-key": randomUUID(),
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json as { id: string };
    };

    const today = new Date().toISOString().slice(0, 10);
    const deposits: string[] = [];
    for (let i = 0; i < N; i++) {
      deposits.push(
        (
          await call(ACCOUNTING, "/deposits", {
            customer: { name: "Hôtel Bellevue SARL", kind: "b2b", siren: "732829320" },
            orderRef: `B-${i}`,
            kind: "acompte",
            supplyKind: "goods",
            order: { lines: [{ vatRate: "20", net: "12000.00" }] },
            deposit: { percent: "30" },
            cashedDate: today,
            paymentMeans: "virement",
          })
        ).id,
      );
    }

    const refunds: string[] = [];
    const httpRequest = async (i: number) => {
      refunds[i] = (
        await call(REQUESTER, "/refunds", {
          depositId: deposits[i],
          scope: { kind: "full" },
          reason: "seller_cancels",
          schedule: { kind: "single", date: today },
        })
      ).id;
    };
    const httpApprove = async (i: number) => void (await call(ACCOUNTING, `/refunds/${refunds[i]}/approve`, {}));
    // One command of each first, so the bare transactions can copy what it wrote.
    await httpRequest(0);
    await httpApprove(0);

    // The same reads and writes, in one bare transaction each, without HTTP, tokens, validation or the engine:
    // the documents written are copies of what the commands wrote (same sizes, same index entries).
    const company = db.collection(COMPANIES).doc(COMPANY.id);
    const data = async (query: FirebaseFirestore.Query) => (await query.limit(1).get()).docs[0].data();
    const sample = {
      refund: (await company.collection(REFUNDS).doc(refunds[0]).get()).data()!,
      creditNote: await data(company.collection(CREDIT_NOTES)),
      entry: await data(company.collection(JOURNAL_ENTRIES).where("content.kind", "==", "credit_note")),
      instalment: await data(company.collection(REFUNDS).doc(refunds[0]).collection(INSTALMENTS)),
      event: await data(company.collection(EVENTS).where("type", "==", "refund.approved")),
      idempotency: await data(company.collection(IDEMPOTENCY).where("status", "==", 200)),
      sequence: (
        await company
          .collection(SEQUENCES)
          .doc(`creditNote-${today.slice(0, 4)}`)
          .get()
      ).data()!,
      creditNotes: (await company.collection(DEPOSITS).doc(deposits[0]).get()).get("creditNotes"),
    };
    const bareRequest = (i: number) =>
      db.runTransaction(async (tx) => {
        await tx.getAll(
          company.collection(IDEMPOTENCY).doc(randomUUID()),
          company,
          company.collection(USERS).doc(REQUESTER),
        );
        await tx.get(company.collection(DEPOSITS).doc(deposits[i]));
        await Promise.all([
          tx.get(
            company
              .collection(REFUNDS)
              .where("depositId", "==", deposits[i])
              .where("status", "in", ["submitted", "sales_approved", "accounting_approved"]),
          ),
          tx.get(
            company.collection(INVOICES).where("customerKey", "==", "siren:732829320").where("type", "==", "final"),
          ),
        ]);
        await tx.get(company.collection(USERS).where("roles", "array-contains-any", ["accounting_approver"]));
        tx.create(company.collection("bareRefunds").doc(`r${i}`), { ...sample.refund, status: "submitted" });
        tx.update(company.collection(DEPOSITS).doc(deposits[i]), { refundableBalance: "0.00" });
        tx.create(company.collection(EVENTS).doc(), sample.event);
        tx.create(company.collection(IDEMPOTENCY).doc(randomUUID()), sample.idempotency);
      });
    const bareApprove = (i: number) =>
      db.runTransaction(async (tx) => {
        await tx.getAll(
          company.collection(IDEMPOTENCY).doc(randomUUID()),
          company,
          company.collection(USERS).doc(ACCOUNTING),
        );
        const refund = company.collection("bareRefunds").doc(`r${i}`);
        await tx.get(refund);
        const sequences = [
          company.collection(SEQUENCES).doc("bareCreditNote"),
          company.collection(SEQUENCES).doc("bareJournal"),
        ];
        await tx.getAll(company.collection(DEPOSITS).doc(deposits[i]), ...sequences);
        tx.create(company.collection(CREDIT_NOTES).doc(), { ...sample.creditNote, series: "bare" });
        tx.create(company.collection(JOURNAL_ENTRIES).doc(), { ...sample.entry, series: "bare" });
        tx.create(refund.collection(INSTALMENTS).doc("1"), sample.instalment);
        tx.update(company.collection(DEPOSITS).doc(deposits[i]), {
          creditNotes: sample.creditNotes,
          status: "refunded",
        });
        tx.set(refund, sample.refund);
        tx.create(company.collection(EVENTS).doc(), sample.event);
        tx.create(company.collection(EVENTS).doc(), sample.event);
        for (const seq of sequences) tx.set(seq, sample.sequence);
        tx.create(company.collection(IDEMPOTENCY).doc(randomUUID()), sample.idempotency);
      });

    // HTTP and bare runs alternate, so the machine's load drifts the same way on both.
    const requestHttp: number[] = [];
    const requestBare: number[] = [];
    const approveHttp: number[] = [];
    const approveBare: number[] = [];
    let requestCommits = 0;
    let approveCommits = 0;
    const time = async (fn: () => Promise<unknown>): Promise<number> => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    for (let i = 1; i < N; i++) {
      written.commits = 0;
      requestHttp.push(await time(() => httpRequest(i)));
      requestCommits += written.commits;
      requestBare.push(await time(() => bareRequest(i)));
    }
    for (let i = 1; i < N; i++) {
      written.commits = 0;
      approveHttp.push(await time(() => httpApprove(i)));
      approveCommits += written.commits;
      approveBare.push(await time(() => bareApprove(i)));
    }
    for (const samples of [requestHttp, requestBare, approveHttp, approveBare]) samples.splice(0, WARMUP);
    requestCommits /= N - 1;
    approveCommits /= N - 1;

    const row = (name: string, httpMs: number[], bareMs: number[], perCommand: number) => {
      const ratio = percentile(httpMs, 50) / percentile(bareMs, 50);
      console.log(
        `${name.padEnd(8)} HTTP p50 ${percentile(httpMs, 50).toFixed(1)} ms  p99 ${percentile(httpMs, 99).toFixed(1)} ms | bare transaction p50 ${percentile(bareMs, 50).toFixed(1)} ms  p99 ${percentile(bareMs, 99).toFixed(1)} ms | ratio ${ratio.toFixed(2)} (goal ≤ 1.5 ${ratio <= 1.5 ? "met" : "NOT met"}) | commits/command ${perCommand.toFixed(2)} (goal 1)`,
      );
    };
    console.log(`workflow on the Firestore emulator, ${N - 1 - WARMUP} timed calls each (after ${WARMUP} warm-up):`);
    row("request", requestHttp, requestBare, requestCommits);
    row("approve", approveHttp, approveBare, approveCommits);
    server.closeAllConnections();
    server.close();
  } finally {
    await db.terminate();
    await emulator.stop();
  }
}
