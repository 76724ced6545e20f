import type { Firestore } from "@google-cloud/firestore";
import { COMPANIES, JOURNAL_ENTRIES } from "../../functions/src/model/collections";

/** Each journal entry of `companyId`, in validation order: its kind and its lines as [account, debit, credit]. */
export async function journalLines(db: Firestore, companyId: string) {
  const docs = (await db.collection(COMPANIES).doc(companyId).collection(JOURNAL_ENTRIES).orderBy("seq").get()).docs;
  return docs.map((d) => ({
    kind: d.get("content.kind") as string,
    lines: (d.get("content.lines") as { account: string; debit: string; credit: string }[]).map((l) => [
      l.account,
      l.debit,
      l.credit,
    ]),
  }));
}
