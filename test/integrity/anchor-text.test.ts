/**
 * Anchors read back from where they were kept: the mail as a mailbox stores
 * it (.eml, quoted-printable), the Cloud Logging line, the `Intégrité`
 * sheet's rows. Pure: no emulator.
 */
import nodemailer from "nodemailer";
import { anchorLogLine } from "../../functions/src/integrity/anchor-log";
import { anchorMail } from "../../functions/src/integrity/anchor-mail";
import { AnchorTextError, parseAnchors, pickAnchor } from "../../functions/src/integrity/anchor-text";
import { integrityRows } from "../../functions/src/jobs/integrity-sheet-writer";
import { toNodemailerOptions } from "../../functions/src/mail/nodemailer-options";
import type { AnchorDoc } from "../../functions/src/model/anchor";
import { rawValue } from "../../functions/src/sheets/cell";

const hash = (c: string) => c.repeat(64);
const ANCHOR: AnchorDoc = {
  date: "2026-12-01",
  heads: [
    { series: "creditNote-2026", number: "AV-2026-000004", seq: 4, hash: hash("a") },
    { series: "invoice-2026", number: "FA-2026-000012", seq: 12, hash: hash("b") },
    { series: "journal-2026", number: "EC-2026-000031", seq: 31, hash: hash("c") },
  ],
  takenAt: null as never,
  since: "2026-11-30",
  checked: 40,
  findings: [],
  findingsCount: 0,
  loggedAt: null,
};
const expected = { date: ANCHOR.date, heads: ANCHOR.heads };

it("reads the mail back from the .eml a mailbox keeps (quoted-printable, accents, headers)", async () => {
  const mail = anchorMail("acme", "Société Générale d'Été", ANCHOR, ["cac@cabinet.fr"]);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const sent = await transport.sendMail(
    toNodemailerOptions({
      from: "a@acompte.test",
      to: mail.to,
      cc: [],
      subject: mail.subject,
      text: mail.text,
      messageId: "<x@acompte.test>",
    }),
  );
  const eml = (sent.message as Buffer).toString("utf8");
  expect(eml).toContain("Content-Transfer-Encoding: quoted-printable");
  expect(parseAnchors(eml)).toEqual([expected]);
  expect(parseAnchors(mail.text)).toEqual([expected]);
});

it("reads the log line and the sheet's rows, several days at once, and picks one", () => {
  expect(parseAnchors(anchorLogLine("acme", ANCHOR))).toEqual([expected]);
  const day2 = {
    ...ANCHOR,
    date: "2026-12-02",
    heads: [{ ...ANCHOR.heads[1], number: "FA-2026-000013", seq: 13, hash: hash("d") }],
  };
  const sheet = [["Identifiant", "Date", "Série", "Dernier numéro", "Empreinte SHA-256", "Contrôle"]]
    .concat([...integrityRows(ANCHOR), ...integrityRows(day2)].map((r) => r.cells.map((c) => String(rawValue(c)))))
    .map((r) => r.join("\t"))
    .join("\n");
  const anchors = parseAnchors(sheet);
  expect(anchors.map((a) => a.date)).toEqual(["2026-12-01", "2026-12-02"]);
  expect(pickAnchor(anchors)).toEqual({ date: "2026-12-02", heads: day2.heads });
  expect(pickAnchor(anchors, "2026-12-01")).toEqual(expected);
  expect(() => pickAnchor(anchors, "2026-12-03")).toThrow("Aucune empreinte du 03/12/2026 dans ce qui a été fourni.");
});

it("refuses a day that gives one series two different heads", () => {
  const text = `Empreinte du 01/12/2026\nFA-2026-000012 ${hash("b")}\nFA-2026-000011 ${hash("e")}`;
  expect(() => parseAnchors(text)).toThrow(AnchorTextError);
  expect(() => parseAnchors(text)).toThrow(
    "Deux empreintes différentes pour les factures 2026 le 01/12/2026 (FA-2026-000012 et FA-2026-000011) : gardez celle que vous avez reçue.",
  );
});
