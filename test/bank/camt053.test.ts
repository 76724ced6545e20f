import { Camt053Reader, parseCamt053 } from "../../functions/src/bank/camt053";
import { entryKey } from "../../functions/src/domain/bank/statement-entry";
import { EngineValidationError } from "../../functions/src/domain/errors/engine-error";
import { refusal } from "../domain/refusals";
import {
  camtStatement,
  camtStatementChunks,
  type FakeEntry,
  type FakeStatement,
} from "../../functions/testing/bank/camt-statement";
import { validateAgainstSchema } from "../../functions/testing/bank/xmllint";

const ACCOUNT = "FR7630006000011234567890189";

const STATEMENT: FakeStatement & { entries: FakeEntry[] } = {
  id: "STMT-2026-12-01",
  iban: ACCOUNT,
  closingBalance: { amount: "10250.40", direction: "credit", date: "2026-12-01" },
  entries: [
    {
      ref: "BQ-0001",
      amount: "4320.00",
      direction: "credit",
      bookingDate: "2026-12-01",
      remittance: ["Paiement FA-2026-0042 commande 12"],
      counterpartyName: "Dupont & Fils SARL",
      counterpartyIban: "FR76 3000 4000 0312 3456 7890 143",
    },
    {
      ref: "BQ-0002",
      amount: "1440.00",
      direction: "debit",
      bookingDate: "2026-12-01",
      endToEndId: "ACP-R4-1",
      remittance: ["Remboursement AV-2026-000004 echeance 1/3"],
      counterpartyName: "Helene Lefevre",
      counterpartyIban: "DE89370400440532013000",
    },
    {
      ref: "BQ-0003",
      amount: "1440.00",
      direction: "credit",
      reversal: true,
      bookingDate: "2026-12-01",
      endToEndId: "ACP-R4-1",
      returnReason: "AC04",
    },
    {
      ref: "BQ-0004",
      amount: "99.00",
      direction: "credit",
      bookingDate: "2026-12-01",
      creditorReference: "RF18539007547034",
    },
    { ref: "BQ-0005", amount: "5.00", direction: "debit", bookingDate: "2026-12-02", status: "PDNG" },
    {
      ref: "BQ-0006",
      amount: "300.00",
      direction: "debit",
      bookingDate: "2026-12-01",
      transactions: [
        { amount: "100.00", endToEndId: "ACP-R5-1", counterpartyName: "A", counterpartyIban: "DE89370400440532013000" },
        { amount: "200.00", endToEndId: "ACP-R6-1", counterpartyName: "B", counterpartyIban: "DE89370400440532013000" },
      ],
    },
  ],
};

/** The French message of the reader's refusal. */
const refused = (call: () => unknown) => refusal(call, EngineValidationError).message;

describe("camt.053 statement reader", () => {
  const xml = camtStatement(STATEMENT);

  it("the test statements are valid camt.053.001.08", () => {
    const verdict = validateAgainstSchema(xml, "camt.053.001.08.xsd");
    expect(verdict.output).toContain("validates");
    expect(verdict.ok).toBe(true);
  });

  it("reads booked entries into typed entries, skipping pending ones", () => {
    const { statements, entries } = parseCamt053(xml);
    expect(statements).toEqual([
      {
        statementId: "STMT-2026-12-01",
        accountIban: ACCOUNT,
        closingBalance: "10250.40",
        closingDate: "2026-12-01",
        entries: 5,
        skipped: 1,
      },
    ]);
    expect(entries.map((e) => e.entryRef)).toEqual(["BQ-0001", "BQ-0002", "BQ-0003", "BQ-0004", "BQ-0006"]);
    expect(entries[0]).toEqual({
      accountIban: ACCOUNT,
      statementId: "STMT-2026-12-01",
      entryRef: "BQ-0001",
      bookingDate: "2026-12-01",
      valueDate: "2026-12-01",
      amount: "4320.00",
      direction: "credit",
      reversal: false,
      returned: false,
      transactions: [
        {
          amount: "4320.00",
          remittance: "Paiement FA-2026-0042 commande 12",
          counterpartyName: "Dupont & Fils SARL",
          counterpartyIban: "FR7630004000031234567890143",
        },
      ],
    });
    expect(entries[1]).toMatchObject({
      direction: "debit",
      transactions: [{ endToEndId: "ACP-R4-1", counterpartyName: "Helene Lefevre" }],
    });
    expect(entries[2]).toMatchObject({
      reversal: true,
      returned: true,
      transactions: [{ endToEndId: "ACP-R4-1", returnReason: "AC04" }],
    });
    expect(entries[3].transactions[0]).toEqual({ amount: "99.00", creditorReference: "RF18539007547034" });
    expect(entries[4].transactions.map((t) => [t.endToEndId, t.amount])).toEqual([
      ["ACP-R5-1", "100.00"],
      ["ACP-R6-1", "200.00"],
    ]);
    expect(entryKey(entries[0])).toBe(`${ACCOUNT}|BQ-0001`);
  });

  it("reads the older camt.053.001.02 the same way", () => {
    const old = parseCamt053(camtStatement(STATEMENT, "001.02"));
    expect(old).toEqual(parseCamt053(xml));
  });

  it("streams: entries come out as chunks go in, split anywhere, even inside a UTF-8 character", () => {
    const bytes = Buffer.from(
      camtStatement({ ...STATEMENT, entries: [{ ...STATEMENT.entries[0], counterpartyName: "Société Élan" }] }),
    );
    const seen: string[] = [];
    const reader = new Camt053Reader({ onEntry: (e) => seen.push(e.transactions[0].counterpartyName ?? "") });
    for (let i = 0; i < bytes.length; i += 7) reader.write(bytes.subarray(i, i + 7));
    reader.end();
    expect(seen).toEqual(["Société Élan"]);
    const chunks: number[] = [];
    const streaming = new Camt053Reader({ onEntry: () => chunks.push(1) });
    let written = 0;
    for (const chunk of camtStatementChunks(STATEMENT)) {
      streaming.write(chunk);
      written++;
      // Each entry is its own chunk: it is out before the file ends.
      if (written === 7) expect(chunks.length).toBe(2);
    }
    streaming.end();
    expect(chunks.length).toBe(5);
  });

  it("refuses a DOCTYPE, so no entity is ever expanded", () => {
    const xxe = xml
      .replace("<Document", '<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Document')
      .replace("Paiement FA-2026-0042", "&xxe;");
    expect(refused(() => parseCamt053(xxe))).toBe(
      "Relevé bancaire refusé : il contient une déclaration DOCTYPE (DTD, entités), interdite dans un relevé camt.053.",
    );
    const billion = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">&lol2;</Document>`;
    expect(refused(() => parseCamt053(billion))).toContain("DOCTYPE");
  });

  it("refuses an undeclared entity and malformed XML, with the line", () => {
    expect(refused(() => parseCamt053(xml.replace("Paiement FA-2026-0042", "&xxe;")))).toBe(
      "Relevé bancaire illisible : XML mal formé ligne 2 (entité inconnue ou interdite).",
    );
    expect(refused(() => parseCamt053(xml.replace("</Ntry>", "</Ntri>")))).toMatch(
      /^Relevé bancaire illisible : XML mal formé ligne \d+\.$/,
    );
    expect(refused(() => parseCamt053(xml.slice(0, xml.length / 2)))).toMatch(/XML mal formé/);
    expect(refused(() => parseCamt053(Buffer.from([0x3c, 0xff, 0xfe, 0x3e])))).toContain("UTF-8");
  });

  it("refuses a file that is not a camt.053 statement", () => {
    expect(
      refused(() =>
        parseCamt053('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>'),
      ),
    ).toBe("Relevé bancaire refusé : ce fichier n'est pas un relevé camt.053 (versions 001.02 et 001.08 acceptées).");
  });

  it("refuses other currencies than the euro", () => {
    expect(refused(() => parseCamt053(camtStatement({ ...STATEMENT, currency: "USD" })))).toBe(
      "Relevé STMT-2026-12-01 : compte en USD, seuls les comptes en euros (EUR) sont acceptés.",
    );
    const usdEntry = camtStatement({ ...STATEMENT, entries: [{ ...STATEMENT.entries[0], currency: "USD" }] });
    expect(validateAgainstSchema(usdEntry, "camt.053.001.08.xsd").ok).toBe(true);
    expect(refused(() => parseCamt053(usdEntry))).toBe(
      "Relevé STMT-2026-12-01, opération n° 1 : devise USD refusée, seuls les montants en euros (EUR) sont acceptés.",
    );
  });

  it("refuses entries missing what matching needs", () => {
    expect(refused(() => parseCamt053(xml.replace(/<BookgDt><Dt>2026-12-01<\/Dt><\/BookgDt>/, "")))).toBe(
      "Relevé STMT-2026-12-01, opération n° 1 : date de comptabilisation (BookgDt) manquant(e).",
    );
    expect(
      refused(() =>
        parseCamt053(xml.replace("<NtryRef>BQ-0001</NtryRef>", "").replace("<AcctSvcrRef>BQ-0001</AcctSvcrRef>", "")),
      ),
    ).toBe("Relevé STMT-2026-12-01, opération n° 1 : référence de l'opération (AcctSvcrRef ou NtryRef) manquant(e).");
    expect(
      refused(() => parseCamt053(xml.replace(`<IBAN>${ACCOUNT}</IBAN>`, "<IBAN>FR7630006000011234567890188</IBAN>"))),
    ).toContain("IBAN du compte invalide");
  });

  it("refuses a file above the size limit before reading it all", () => {
    const reader = new Camt053Reader({ onEntry: () => undefined, maxBytes: 1024 * 1024 });
    const entry = camtStatement({ ...STATEMENT, entries: [STATEMENT.entries[0]] });
    expect(() => {
      for (let i = 0; i < 10_000; i++)
        reader.write(i === 0 ? entry.slice(0, entry.indexOf("<Ntry>")) : "<!-- padding -->".repeat(100));
    }).toThrow("Relevé bancaire refusé : le fichier dépasse la taille maximale de 1 Mo.");
  });
});
