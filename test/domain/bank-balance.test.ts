/** The dashboard's bank fold (domain/dashboard/bank-balance.ts): which statement is compared, and with what. */
import { BankBalanceAccumulator } from "../../functions/src/domain/dashboard/bank-balance";

const IBAN = "FR7630006000011234567890189";
const OTHER = "FR1420041010050500013M02606";

test("the latest statement of the company's account with a balance, against the bank lines up to its date", () => {
  const acc = new BankBalanceAccumulator(IBAN);
  // Lines first, statements after: the fold does not depend on the order.
  acc.addBankLine({ date: "2026-01-15", debit: "4320.00", credit: "0.00" });
  acc.addBankLine({ date: "2026-01-31", debit: "0.00", credit: "2160.00" });
  acc.addBankLine({ date: "2026-02-01", debit: "999.99", credit: "0.00" });
  acc.addStatement({ accountIban: IBAN, statementId: "REL-1", closingBalance: "100.00", closingDate: "2026-01-20" });
  acc.addStatement({ accountIban: IBAN, statementId: "REL-3", closingBalance: "2200.00", closingDate: "2026-01-31" });
  acc.addStatement({ accountIban: IBAN, statementId: "REL-2", closingBalance: "1.00", closingDate: "2026-01-31" });
  // Another account's statement, and one without a closing balance, are not compared.
  acc.addStatement({ accountIban: OTHER, statementId: "X", closingBalance: "9.00", closingDate: "2026-03-01" });
  acc.addStatement({ accountIban: IBAN, statementId: "REL-9", closingDate: "2026-03-01" });
  expect(acc.result().statement).toEqual({
    accountIban: IBAN,
    statementId: "REL-3",
    date: "2026-01-31",
    bankBalance: "2200.00",
    bookBalance: "2160.00",
    difference: "40.00",
  });
});

test("to reconcile: to_reconcile and unmatched entries, credits and debits apart", () => {
  const acc = new BankBalanceAccumulator(undefined);
  acc.addEntry({ status: "to_reconcile", direction: "credit", amount: "100.10" });
  acc.addEntry({ status: "unmatched", direction: "credit", amount: "0.20" });
  acc.addEntry({ status: "to_reconcile", direction: "debit", amount: "55.50" });
  acc.addEntry({ status: "applied", direction: "credit", amount: "1000.00" });
  acc.addEntry({ status: "returned", direction: "credit", amount: "80.00" });
  acc.addStatement({ accountIban: IBAN, statementId: "REL-1", closingBalance: "1.00", closingDate: "2026-01-20" });
  expect(acc.result()).toEqual({ statement: null, toReconcile: { count: 3, credits: "100.30", debits: "55.50" } });
});
