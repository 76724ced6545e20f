/**
 * Invoices assigned to a factor (issue #16, « Factoring »): the factor
 * collects them, so Acompte sends no dunning letter; the receivable sits on
 * the factor's account, so what pays them is credited there; the FEC names
 * that account after the factor; the dashboard's factored share follows the
 * invoices. Notified factoring with subrogation: C. civ. 1346-1 and 1346-4
 * (the factor gets the receivable and its accessories).
 */
import {
  FecChecker,
  JournalNumbering,
  auxiliaryAccount,
  bankMatchReversalEntry,
  chartOfAccounts,
  entryTotals,
  factorAccountNames,
  factorShares,
  fecRecords,
  finalInvoiceEntry,
  paymentReceivedEntry,
  type JournalEntry,
} from "../../../functions/src/domain";
import { customerOverdueReminder, type OverdueInvoice } from "../../../functions/src/domain/reminders/customer-overdue";
import { reminderSettingsSchema } from "../../../functions/src/domain/reminders/reminder-settings";
import { CustomerTableAccumulator } from "../../../functions/src/domain/dashboard/customer-table-accumulator";
import { detailsOf } from "../refusals";

const lines = (entry: JournalEntry) => entry.lines.map((l) => [l.account, l.debit, l.credit]);

describe("dunning of a factored invoice", () => {
  const settings = reminderSettingsSchema.parse({
    companyName: "Menuiserie Durand",
    recipients: { treasury: ["tresorerie@durand.fr"], accounting: ["compta@durand.fr"] },
  });
  const invoice: OverdueInvoice = {
    companyId: "durand",
    invoiceId: "inv1",
    number: "FA-2026-000050",
    issuedOn: "2026-01-01",
    dueDate: "2026-01-31",
    openAmount: "12000.00",
    customerName: "Hôtel Bellevue SARL",
    customerKind: "b2b",
    customerEmail: "compta@bellevue.fr",
    disputed: false,
    promiseUntil: null,
    lastLetter: null,
  };

  it("sends no letter at any level for an invoice the factor collects; the same invoice not factored gets its letter", () => {
    expect(customerOverdueReminder(invoice, settings, "2026-02-07")).toMatchObject({ level: 1 });
    const factored = { ...invoice, factor: "Eurofactor" };
    for (const today of ["2026-02-07", "2026-03-10", "2026-06-30"])
      expect(customerOverdueReminder(factored, settings, today)).toBeNull();
    // Even past a letter recorded at level 1 (none is ever sent for it, but the rule does not depend on that).
    expect(
      customerOverdueReminder({ ...factored, lastLetter: { level: 1, sentOn: "2026-02-07" } }, settings, "2026-06-30"),
    ).toBeNull();
  });
});

describe("payment of factored invoices (D512 / C factor account, C411)", () => {
  it("sums the allocations to factored invoices per factor account, the rest stays off", () => {
    expect(
      factorShares([
        { amount: "1200.00", factorAccount: "4671" },
        { amount: "300.00" },
        { amount: "0.00", factorAccount: "467200" },
        { amount: "50.10", factorAccount: "467200" },
        { amount: "49.90", factorAccount: "4671" },
      ]),
    ).toEqual([
      { account: "4671", amount: "1249.90" },
      { account: "467200", amount: "50.10" },
    ]);
    expect(factorShares([{ amount: "300.00" }])).toEqual([]);
  });

  it("splits a payment of a factored and a normal invoice: C4671 for one, C411 for the other, balanced", () => {
    const entry = paymentReceivedEntry({
      date: "2026-03-10",
      pieceRef: "PAI-a1b2c3d4",
      amount: "1550.00", // 1 200,00 (factored) + 300,00 (normal) + 50,00 kept as the customer's credit
      factorShares: [{ account: "4671", amount: "1200.00" }],
    });
    expect(entry).toMatchObject({ kind: "payment_received", journal: "BQ" });
    // The excess stays on 411 with the normal invoice: it is the customer's credit, not the factor's.
    expect(lines(entry)).toEqual([
      ["411", "0.00", "350.00"],
      ["4671", "0.00", "1200.00"],
      ["512", "1550.00", "0.00"],
    ]);
    expect(entryTotals(entry)).toEqual({ debit: "1550.00", credit: "1550.00" });
    expect(entry.lines[1].label).toBe("Encaissement client (créance affacturée)");
  });

  it("credits only the factor account when the payment pays factored invoices alone, one line per account", () => {
    const entry = paymentReceivedEntry({
      date: "2026-03-10",
      pieceRef: "PAI-1",
      amount: "1000.00",
      factorShares: [
        { account: "4671", amount: "600.00" },
        { account: "467200", amount: "400.00" },
      ],
    });
    expect(lines(entry)).toEqual([
      ["4671", "0.00", "600.00"],
      ["467200", "0.00", "400.00"],
      ["512", "1000.00", "0.00"],
    ]);
  });

  it("reverses a split payment on the same accounts when its bank match is undone", () => {
    const input = {
      date: "2026-03-12",
      pieceRef: "PAI-a1b2c3d4",
      amount: "1500.00",
      factorShares: [{ account: "4671", amount: "1200.00" }],
    };
    const reversal = bankMatchReversalEntry(input, "payment_received");
    expect(reversal.kind).toBe("bank_match_reversed");
    expect(lines(reversal)).toEqual([
      ["411", "300.00", "0.00"],
      ["4671", "1200.00", "0.00"],
      ["512", "0.00", "1500.00"],
    ]);
    // Line for line the opposite of the payment's entry.
    const payment = paymentReceivedEntry(input);
    expect(lines(reversal)).toEqual(payment.lines.map((l) => [l.account, l.credit, l.debit]));
  });

  it("refuses factor shares above the payment, in French", () => {
    const refused = (factorShares: { account: string; amount: string }[]) =>
      detailsOf(() => paymentReceivedEntry({ date: "2026-03-10", pieceRef: "PAI-1", amount: "100.00", factorShares }));
    expect(refused([{ account: "4671", amount: "100.01" }])).toEqual([
      {
        path: "factorShares",
        message: "Part du règlement sur les comptes de factor : dépasse le montant du règlement.",
      },
    ]);
    expect(refused([{ account: "9999", amount: "10.00" }]).map((d) => d.path)).toEqual(["factorShares.0.account"]);
  });
});

describe("the factor's account in the FEC", () => {
  it("names each configured factor's account after its factors; the default 4671 alone reads « Factor »", () => {
    expect(
      factorAccountNames([
        { name: "Eurofactor", iban: "FR7630004000031234567890143" },
        { name: "BNP Paribas Factor", iban: "FR7630004000031234567890143", account: "467200" },
        { name: "Factofrance", iban: "FR7630004000031234567890143", account: "4671" },
      ]),
    ).toEqual(
      new Map([
        ["4671", "Factor Eurofactor, Factofrance"],
        ["467200", "Factor BNP Paribas Factor"],
      ]),
    );
    expect(factorAccountNames(undefined).size).toBe(0);
  });

  it("passes the tax office's checks with a payment split between 411 and the factor's account", () => {
    const chart = chartOfAccounts();
    const accountNames = factorAccountNames([{ name: "Eurofactor", iban: "FR7630004000031234567890143" }]);
    const customer = { account: auxiliaryAccount("siren:552100554"), name: "Dupont SA" };
    const invoice = finalInvoiceEntry({
      date: "2026-02-20",
      pieceRef: "FA2026-0043",
      supplyKind: "goods",
      lines: [{ vatRate: "20", net: "1250.00", vat: "250.00" }],
    });
    const payment = paymentReceivedEntry({
      date: "2026-03-01",
      pieceRef: "PAI-1",
      amount: "1500.00",
      factorShares: [{ account: "4671", amount: "1200.00" }],
    });
    const numbering = new JournalNumbering();
    const checker = new FecChecker({ start: "2026-01-01", end: "2026-12-31" });
    const records = [invoice, payment].flatMap((entry) =>
      fecRecords({
        entry,
        number: numbering.next(entry.journal),
        validDate: entry.date,
        customer,
        chart,
        accountNames,
      }),
    );
    records.forEach((r) => checker.add(r));
    expect(checker.problems()).toEqual([]);
    const factorLine = records.find((r) => r.CompteNum === "4671")!;
    expect(factorLine).toMatchObject({ CompteLib: "Factor Eurofactor", Credit: "1200,00", CompAuxNum: "" });
    // Without the settings (a factor removed since), the account keeps the practice name.
    expect(fecRecords({ entry: payment, number: "BQ-1", validDate: "2026-03-01", chart })[1].CompteLib).toBe("Factor");
  });
});

describe("dashboard's factored share by invoice", () => {
  it("is the open amount of the invoices assigned to a factor over the open receivables, whatever the customer's status today", () => {
    const acc = new CustomerTableAccumulator("2026-03-31");
    acc.addInvoice({
      customerKey: "k1",
      gross: "1200.00",
      openAmount: "1200.00",
      issuedOn: "2026-02-01",
      factor: "Eurofactor",
    });
    acc.addInvoice({ customerKey: "k1", gross: "600.00", openAmount: "600.00", issuedOn: "2026-01-05" }); // before the contract
    acc.addInvoice({
      customerKey: "k2",
      gross: "900.00",
      openAmount: "0.00",
      issuedOn: "2026-02-01",
      factor: "Eurofactor",
    });
    acc.addInvoice({ customerKey: "k2", gross: "200.00", openAmount: "200.00", issuedOn: "2026-03-01", factor: null });
    // k1 assigned today; k2 no longer, its paid factored invoice counts nothing either way.
    const k1 = acc.addCustomer({ id: "CLI-1", name: "Un", keys: ["k1"], factoring: { status: "assigned" } });
    acc.addCustomer({ id: "CLI-2", name: "Deux", keys: ["k2"], factoring: { status: "none" } });
    // « Tableau clients » keeps the record's status.
    expect(k1?.factored).toBe(true);
    // 1 200,00 factored of 1 200 + 600 + 200 = 2 000,00 open: 0.6000 (by customer status it would be 1 800 / 2 000).
    expect(acc.result().receivables).toMatchObject({ total: "2000.00", factored: "1200.00", factoredShare: "0.6000" });
  });
});
