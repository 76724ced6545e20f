import {
  SUPPORTING_FILE_MAX_BYTES,
  supportingFileKind,
} from "../../../functions/src/domain/validation/supporting-file";
import { documentNotice } from "../../../functions/src/domain/reminders/document-notice";
import { euros } from "../../../functions/src/domain/reminders/french-amount";
import { subrogationMention } from "../../../functions/src/domain";

const withHead = (head: number[], size: number) => Buffer.concat([Buffer.from(head), Buffer.alloc(size - head.length)]);

describe("supporting files are typed by their first bytes, never by their name", () => {
  it.each([
    ["PDF", [0x25, 0x50, 0x44, 0x46, 0x2d], "application/pdf"],
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0], "image/jpeg"],
  ])("%s", (_name, head, contentType) => {
    expect(supportingFileKind(withHead(head, 100))).toMatchObject({ contentType });
    // At the limit it passes; one byte more is refused.
    expect(supportingFileKind(withHead(head, SUPPORTING_FILE_MAX_BYTES))).toMatchObject({ contentType });
    expect(supportingFileKind(withHead(head, SUPPORTING_FILE_MAX_BYTES + 1))).toEqual({
      problem: expect.stringContaining("trop volumineux"),
    });
  });

  it("refuses an executable, a PNG cut short, an empty file", () => {
    expect(supportingFileKind(withHead([0x4d, 0x5a], 100))).toEqual({
      problem: "le contenu n'est ni un PDF ni une image PNG ou JPEG",
    });
    expect(supportingFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toHaveProperty("problem");
    expect(supportingFileKind(Buffer.alloc(0))).toEqual({ problem: "fichier vide" });
  });
});

describe("the mail of an issued document", () => {
  const base = {
    companyId: "acme",
    companyName: "Menuiserie Durand SAS",
    documentId: "cn1",
    kind: "creditNote" as const,
    number: "AV-2026-000001",
    date: "2026-03-10",
    customerName: "Hôtel Bellevue SARL",
    customerEmail: "compta@hotel-bellevue.test",
    gross: "4320.00",
    cites: "FA-2026-000001",
    fileName: "AV-2026-000001-factur-x.xml",
    resend: 0,
    day: "2026-03-10",
  };

  it("names the document, its date, amount and rectified invoice in French, the file attached", () => {
    const mail = documentNotice(base);
    expect(mail.subject).toBe("Avoir AV-2026-000001 – Menuiserie Durand SAS");
    expect(mail.text).toContain(
      `l'avoir n° AV-2026-000001 du 10/03/2026, d'un montant de ${euros("4320.00")} TTC, sur la facture FA-2026-000001.`,
    );
    expect(mail).toMatchObject({ rule: "document", level: 0, target: "cn1", to: [base.customerEmail] });
    expect(mail.attachments).toEqual([{ documentId: "cn1" }]);
  });

  it("a factored invoice's mail says whom to pay, on which account, with the subrogation mention", () => {
    const mail = documentNotice({
      ...base,
      kind: "finalInvoice",
      number: "FA-2026-000002",
      cites: undefined,
      amountDue: "10080.00",
      factoring: {
        factor: "Factor Ouest",
        iban: "FR7630004000031234567890143",
        bic: "BNPAFRPP",
        mention: subrogationMention("Factor Ouest"),
      },
    });
    expect(mail.text).toContain(
      [
        `reste à payer après déduction des acomptes : ${euros("10080.00")}.`,
        "",
        "Règlement à l'ordre de Factor Ouest, par virement sur le compte IBAN FR76 3000 4000 0312 3456 7890 143, BIC BNPAFRPP.",
        subrogationMention("Factor Ouest"),
        "",
      ].join("\n"),
    );
    expect(documentNotice({ ...base, kind: "finalInvoice", number: "FA-2026-000003" }).text).not.toContain("Règlement");
  });

  it("a resend is another mail (another level), said to be a resend", () => {
    const again = documentNotice({ ...base, resend: 2, day: "2026-04-01" });
    expect(again.level).toBe(2);
    expect(again.subject).toBe("[Renvoi] Avoir AV-2026-000001 – Menuiserie Durand SAS");
    expect(again.text).toContain("il ne s'agit pas d'un nouveau document");
  });
});
