import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Decimal from "decimal.js";
import {
  buildTransferFile,
  remittanceText,
  type TransferFileInput,
  type TransferInstalment,
} from "../../../functions/src/domain/bank/sepa-transfer";
import { endToEndId, isSepaIdentifier, sepaText } from "../../../functions/src/domain/bank/sepa-text";
import { EngineRuleError, EngineValidationError } from "../../../functions/src/domain/errors/engine-error";
import { escapeXml } from "../../../functions/src/domain/bank/xml-text";
import { validateAgainstSchema } from "../../../functions/testing/bank/xmllint";

const ARTIFACTS = path.resolve(__dirname, "../../../test-artifacts/bank");

const COMPANY = { name: "Atelier Dupont & Fils <SAS>", iban: "FR7630006000011234567890189", bic: "AGRIFRPP" };
const SECOND_ACCOUNT = { iban: "FR1420041010050500013M02606", bic: "PSSTFRPPPAR" };

function instalment(over: Partial<TransferInstalment> & Pick<TransferInstalment, "id">): TransferInstalment {
  return {
    refundNumber: "AV-2026-000004",
    index: 1,
    count: 3,
    amount: "1440.00",
    dueDate: "2026-12-10",
    creditor: { name: "Hélène Lefèvre-Œstrup", iban: "DE89370400440532013000" },
    ...over,
  };
}

const INPUT: TransferFileInput = {
  messageId: "VIR-2026-000001",
  createdAt: "2026-12-02T16:00:00Z",
  executionDate: "2026-12-10",
  debtor: COMPANY,
  instalments: [
    instalment({ id: "R4-1", amount: "1440.00" }),
    instalment({ id: "R4-2", index: 2, amount: "1440.00", executionDate: "2027-01-10", dueDate: "2027-01-10" }),
    instalment({ id: "R4-3", index: 3, amount: "1440.01", executionDate: "2027-01-10", dueDate: "2027-01-10" }),
    instalment({
      id: "R7-1",
      refundNumber: "AV-2026-000007",
      index: 1,
      count: 1,
      amount: "0.10",
      creditor: {
        name: "Société Générale d'Équipement & Cie",
        iban: "FR76 3000 4000 0312 3456 7890 143",
        bic: "SOGEFRPP",
      },
    }),
    instalment({
      id: "R9-1",
      refundNumber: "AV-2026-000009",
      index: 1,
      count: 1,
      amount: "0.20",
      debtorAccount: SECOND_ACCOUNT,
      creditor: { name: "Müller GmbH", iban: "AT611904300234573201" },
    }),
  ],
};

/** Values of every `<name>` element, in order. */
const values = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((m) => m[1]);

describe("SEPA credit transfer file (pain.001.001.09)", () => {
  const file = buildTransferFile(INPUT);

  it("validates against the EPC-restricted pain.001.001.09 schema and is kept for review", () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "transfer-example.xml"), file.xml);
    const verdict = validateAgainstSchema(file.xml, "pain.001.001.09.xsd");
    expect(verdict.output).toContain("validates");
    expect(verdict.ok).toBe(true);
  });

  it("the schema check itself catches a broken file", () => {
    const broken = file.xml.replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>CHK</PmtMtd>");
    expect(validateAgainstSchema(broken, "pain.001.001.09.xsd").ok).toBe(false);
  });

  it("has one payment block per execution date and debtor account, counts and control sums that add up", () => {
    expect(file.blocks.map((b) => [b.executionDate, b.debtorIban, b.count, b.controlSum])).toEqual([
      ["2026-12-10", "FR1420041010050500013M02606", 1, "0.20"],
      ["2026-12-10", "FR7630006000011234567890189", 2, "1440.10"],
      ["2027-01-10", "FR7630006000011234567890189", 2, "2880.01"],
    ]);
    expect(file.count).toBe(5);
    expect(file.controlSum).toBe("4320.31");
    // What the XML says, recomputed from the XML alone.
    const [headerCount, ...blockCounts] = values(file.xml, "NbOfTxs").map(Number);
    const [headerSum, ...blockSums] = values(file.xml, "CtrlSum").map((s) => new Decimal(s));
    const amounts = [...file.xml.matchAll(/<InstdAmt Ccy="EUR">([^<]+)<\/InstdAmt>/g)].map((m) => new Decimal(m[1]));
    expect(headerCount).toBe(amounts.length);
    expect(blockCounts.reduce((a, b) => a + b, 0)).toBe(headerCount);
    expect(headerSum.toFixed(2)).toBe(Decimal.sum(...amounts).toFixed(2));
    expect(Decimal.sum(...blockSums).toFixed(2)).toBe(headerSum.toFixed(2));
    // 0.10 + 0.20 exactly, not 0.30000000000000004.
    expect(values(file.xml, "CtrlSum")).toEqual(["4320.31", "0.20", "1440.10", "2880.01"]);
  });

  it("gives each instalment a deterministic end-to-end id and a French remittance text in SEPA characters", () => {
    const ids = values(file.xml, "EndToEndId");
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toContain("ACP-R4-1");
    for (const id of ids) expect(isSepaIdentifier(id)).toBe(true);
    expect(values(file.xml, "Ustrd")).toContain("Remboursement AV-2026-000004 echeance 1/3");
    expect(remittanceText("AV-2026-000004", 2, 3)).toBe("Remboursement AV-2026-000004 echeance 2/3");
    expect(values(file.xml, "Nm")).toContain("Helene Lefevre-OEstrup");
  });

  it("escapes XML and converts names to the SEPA character set", () => {
    expect(file.xml).toContain("<Nm>Atelier Dupont + Fils SAS</Nm>");
    expect(file.xml).toContain("<Nm>Societe Generale d&apos;Equipement + Cie</Nm>");
    expect(file.xml).not.toMatch(/[^\x20-\x7e\n]/);
    const xmlish = buildTransferFile({ ...INPUT, debtor: { ...COMPANY, name: `Dupont "<Fils>" & l'Atelier` } });
    expect(xmlish.xml).toContain("<Nm>Dupont Fils + l&apos;Atelier</Nm>");
    expect(validateAgainstSchema(xmlish.xml, "pain.001.001.09.xsd").ok).toBe(true);
  });

  it("is byte-identical when regenerated, whatever the order of the instalments", () => {
    expect(buildTransferFile(INPUT).xml).toBe(file.xml);
    expect(buildTransferFile({ ...INPUT, instalments: [...INPUT.instalments].reverse() }).xml).toBe(file.xml);
    expect(buildTransferFile({ ...INPUT, createdAt: "2026-12-02T16:00:01Z" }).xml).not.toBe(file.xml);
  });

  it("writes the creditor agent only when the BIC is known, and NOTPROVIDED for a debtor without BIC", () => {
    const noBic = buildTransferFile({
      ...INPUT,
      debtor: { ...COMPANY, bic: undefined },
      instalments: INPUT.instalments.slice(0, 1),
    });
    expect(noBic.xml).toContain("<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>");
    expect(noBic.xml).not.toContain("<CdtrAgt>");
    expect(validateAgainstSchema(noBic.xml, "pain.001.001.09.xsd").ok).toBe(true);
    expect(file.xml).toContain("<CdtrAgt><FinInstnId><BICFI>SOGEFRPP</BICFI></FinInstnId></CdtrAgt>");
  });

  it("a large file (300 instalments over several dates and accounts) still validates and adds up", () => {
    const instalments = Array.from({ length: 300 }, (_, n) =>
      instalment({
        id: `R${n}-1`,
        refundNumber: `AV-2026-${String(n).padStart(6, "0")}`,
        index: 1,
        count: 1,
        amount: `${(n * 37) % 5000}.${String((n * 13) % 100).padStart(2, "0")}`.replace(/^0\.00$/, "0.01"),
        executionDate: `2026-12-${String(10 + (n % 3)).padStart(2, "0")}`,
        debtorAccount: n % 2 ? SECOND_ACCOUNT : undefined,
      }),
    );
    const big = buildTransferFile({ ...INPUT, instalments });
    expect(big.blocks).toHaveLength(6);
    expect(big.count).toBe(300);
    expect(big.controlSum).toBe(Decimal.sum(...instalments.map((i) => new Decimal(i.amount))).toFixed(2));
    expect(validateAgainstSchema(big.xml, "pain.001.001.09.xsd").ok).toBe(true);
  });

  it("refuses bad input with every problem in French, naming each field", () => {
    let error: unknown;
    try {
      buildTransferFile({
        ...INPUT,
        createdAt: "hier",
        instalments: [
          instalment({ id: "A", amount: "12.345" }),
          instalment({ id: "B", index: 2, amount: "1000000000.00" }),
          instalment({ id: "C", index: 3, creditor: { name: "X", iban: "FR7630006000011234567890188" } }),
          instalment({ id: "C", index: 3 }),
          instalment({ id: "D", creditor: { name: "Y", iban: "BR1800360305000010009795493C1" } }),
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EngineValidationError);
    const messages = (error as EngineValidationError).details.map((d) => d.message);
    expect(messages).toEqual([
      "Date de création du fichier : date et heure invalides (ex. 2026-12-02T16:00:00Z).",
      "Montant de l'échéance AV-2026-000004 échéance 1/3 : le montant a plus de deux décimales.",
      "Montant de l'échéance AV-2026-000004 échéance 2/3 : un virement SEPA ne dépasse pas 999 999 999,99 €.",
      "IBAN du bénéficiaire (AV-2026-000004 échéance 3/3) : clé de contrôle incorrecte : vérifiez les caractères saisis.",
      "Échéance AV-2026-000004 échéance 3/3 : déjà dans ce fichier, un virement par échéance.",
      "IBAN du bénéficiaire (AV-2026-000004 échéance 1/3) : le pays BR n'est pas dans la zone SEPA : virement SEPA impossible.",
    ]);
    expect(() => buildTransferFile({ ...INPUT, instalments: [] })).toThrow(EngineRuleError);
  });
});

describe("SEPA text", () => {
  it("keeps only the SEPA Latin set, within the length", () => {
    expect(sepaText("Œuvre « spéciale » — n° 12 ; 50 € & plus_", 140)).toBe("OEuvre speciale - n 12 50 EUR + plus-");
    expect(sepaText("é".repeat(200), 140)).toHaveLength(140);
  });

  it("derives end-to-end ids within 35 allowed characters, the same every time", () => {
    expect(endToEndId("R4-1")).toBe("ACP-R4-1");
    const odd = endToEndId("refunds/AbC déf/instalments/1 with a very long id indeed");
    expect(odd).toMatch(/^ACP-[0-9a-f]{31}$/);
    expect(odd).toHaveLength(35);
    expect(endToEndId("refunds/AbC déf/instalments/1 with a very long id indeed")).toBe(odd);
    expect(endToEndId("x/1")).not.toBe(endToEndId("x/2"));
  });
});

describe("XML escaping", () => {
  it("escapes markup characters and drops what XML 1.0 cannot hold", () => {
    expect(escapeXml(`Dupont & Fils <"SARL"> l'atelier`)).toBe(
      "Dupont &amp; Fils &lt;&quot;SARL&quot;&gt; l&apos;atelier",
    );
    expect(escapeXml("a\u0000b\u0008c\td\ne\uffff")).toBe("abc\td\ne");
    expect(escapeXml("Hélène 😀")).toBe("Hélène 😀");
  });
});
