/**
 * `npm start`'s bank files (docs/bank.md), written to `<local folder>/bank`:
 * the SEPA transfer file the demo prepared, as stored (byte for byte what a
 * download gives), and a camt.053.001.08 statement of Menuiserie's account to
 * import from the sidebar's « Banque » tab: the bank's debit of one
 * instalment of that file (our end-to-end id), the customer's payment of the
 * open final invoice by its number, and a transfer nobody knows. Its closing
 * balance is the book balance of 512 moved by those three entries, so once
 * imported and reconciled the dashboard's difference is the unknown one.
 */
import type { Firestore } from "@google-cloud/firestore";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chartOfAccounts } from "../../src/domain/ledger/chart-of-accounts";
import { formatMoney, money, type Money } from "../../src/domain/money/money";
import { COMPANIES, JOURNAL_ENTRIES, TRANSFER_FILES } from "../../src/model/collections";
import type { JournalEntryDoc } from "../../src/model/journal-entry";
import type { TransferFileDoc } from "../../src/model/transfer-file";
import { camtStatement } from "../../testing/bank/camt-statement";
import { MENUISERIE } from "./companies";
import type { DemoSummary } from "./load-demo";

export interface DemoBankFiles {
  transferFile: string;
  statement: string;
}

/** The unknown transfer: no invoice, no customer, left « À rapprocher » with no suggestion. */
export const DEMO_UNKNOWN_CREDIT = { amount: "75.00", name: "SCI Les Tilleuls", remittance: "Regularisation loyer" };

async function bookBalance(db: Firestore, companyId: string, account: string): Promise<Money> {
  const entries = await db.collection(COMPANIES).doc(companyId).collection(JOURNAL_ENTRIES).get();
  return entries.docs
    .flatMap((d) => (d.data() as JournalEntryDoc).content.lines)
    .filter((line) => line.account === account)
    .reduce((t, line) => t.plus(line.debit).minus(line.credit), money(0));
}

export async function writeDemoBankFiles(db: Firestore, summary: DemoSummary, dir: string): Promise<DemoBankFiles> {
  const company = MENUISERIE;
  const iban = company.settings.bankIban!;
  const file = (
    await db.collection(COMPANIES).doc(company.id).collection(TRANSFER_FILES).doc(summary.transferFileId).get()
  ).data() as TransferFileDoc;
  const instalment = file.instalments[0];
  const today = new Date().toISOString().slice(0, 10);
  const invoice = summary.openInvoice;
  const closing = (await bookBalance(db, company.id, chartOfAccounts(company.settings.accounts).bank))
    .minus(instalment.amount)
    .plus(invoice.openAmount)
    .plus(DEMO_UNKNOWN_CREDIT.amount);
  const statement = camtStatement({
    id: `REL-DEMO-${today.replace(/-/g, "")}`,
    iban,
    createdAt: `${today}T06:00:00`,
    closingBalance: {
      amount: formatMoney(closing.abs()),
      direction: closing.isNegative() ? "debit" : "credit",
      date: today,
    },
    entries: [
      {
        ref: `DEMO-${today}-1`,
        amount: instalment.amount,
        direction: "debit",
        bookingDate: today,
        endToEndId: instalment.endToEndId,
        counterpartyName: instalment.customerName,
        counterpartyIban: instalment.iban,
        remittance: [`Remboursement ${instalment.creditNoteNumber} echeance ${instalment.n}/${instalment.count}`],
      },
      {
        ref: `DEMO-${today}-2`,
        amount: invoice.openAmount,
        direction: "credit",
        bookingDate: today,
        counterpartyName: invoice.customerName,
        remittance: [`Reglement facture ${invoice.number}`],
      },
      {
        ref: `DEMO-${today}-3`,
        amount: DEMO_UNKNOWN_CREDIT.amount,
        direction: "credit",
        bookingDate: today,
        counterpartyName: DEMO_UNKNOWN_CREDIT.name,
        remittance: [DEMO_UNKNOWN_CREDIT.remittance],
      },
    ],
  });
  const bank = join(dir, "bank");
  mkdirSync(bank, { recursive: true });
  const paths = { transferFile: join(bank, `${file.number}.xml`), statement: join(bank, "releve-demo.camt053.xml") };
  writeFileSync(paths.transferFile, file.xml);
  writeFileSync(paths.statement, statement);
  return paths;
}
