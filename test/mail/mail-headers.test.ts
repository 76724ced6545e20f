/**
 * Customer text in reminders cannot change who a message goes to: a name
 * with CR/LF stays inside an RFC 2047-encoded Subject, and a recipient that is
 * not one bare address is refused before anything leaves, by both transports.
 */
import { OAuth2Client } from "google-auth-library";
import { parseMessage, startSmtpSink, type SmtpSink } from "../../functions/testing/smtp-server";
import { buildRawMime, gmailTransport } from "../../functions/src/mail/gmail-transport";
import type { OutgoingMail } from "../../functions/src/mail/mail-transport";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";

const HOSTILE_NAME = "Durand Élodie\r\nBcc: intrus@attacker.test\r\n\r\nCorps injecté";

const mail: OutgoingMail = {
  from: "Acompte <relances@acompte.test>",
  to: ["validation@exemple.fr"],
  cc: ["compta@exemple.fr"],
  subject: `Remboursement en attente de votre validation commerciale – ${HOSTILE_NAME}`,
  text: `À transmettre à ${HOSTILE_NAME} :\nBonjour.`,
  messageId: "<entete123@acompte.test>",
  headers: { "X-Acompte-Reminder": "approval-waiting|0|2026-03-10|lefevre|refund%2FDR-1" },
};

/** The header block as sent, unfolded: one entry per header. */
function headerLines(raw: Buffer): string[] {
  const text = raw.toString("latin1");
  return text
    .slice(0, text.search(/\r?\n\r?\n/))
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/);
}

function expectNoInjectedHeader(raw: Buffer): void {
  const lines = headerLines(raw);
  expect(lines.filter((l) => /^subject:/i.test(l))).toHaveLength(1);
  expect(lines.filter((l) => /^(bcc|to|cc):/i.test(l)).join("\n")).not.toContain("attacker");
  expect(lines.some((l) => /^bcc:/i.test(l))).toBe(false);
  // Non-ASCII only as encoded words: every header byte is 7-bit.
  expect(lines.join("\n")).toMatch(/^[\x20-\x7e\n\t]*$/);
  expect(lines.find((l) => /^subject:/i.test(l))).toMatch(/=\?UTF-8\?[QB]\?/i);
}

let sink: SmtpSink;
beforeAll(async () => (sink = await startSmtpSink()));
afterAll(() => sink.stop());

it("Gmail's raw MIME keeps a name with CR/LF inside one encoded Subject and sends to the chosen recipients only", async () => {
  const raw = await buildRawMime(mail);
  expectNoInjectedHeader(raw);
  const parsed = await parseMessage(raw);
  expect(parsed.subject).not.toMatch(/[\r\n]/);
  expect(parsed.subject).toContain("validation commerciale – Durand Élodie");
  expect(parsed.to).toEqual(["validation@exemple.fr"]);
  expect(parsed.cc).toEqual(["compta@exemple.fr"]);
  // In the body the name is text (line ends normalized), after the blank line that ends the headers.
  expect(parsed.text).toBe(mail.text.replace(/\r\n/g, "\n"));
});

it("over SMTP the envelope holds the chosen recipients only", async () => {
  await smtpTransport({ host: sink.host, port: sink.port }).send(mail);
  const [got] = await sink.messages();
  expect(got.envelopeTo.sort()).toEqual(["compta@exemple.fr", "validation@exemple.fr"]);
  expectNoInjectedHeader(got.raw);
  expect(got.subject).toContain("Durand Élodie");
});

const NOT_ONE_ADDRESS = [
  "client@exemple.fr\r\nBcc: intrus@attacker.test",
  "client@exemple.fr, intrus@attacker.test",
  "client@exemple.fr\nintrus@attacker.test",
  "Client <intrus@attacker.test>",
];

it.each(NOT_ONE_ADDRESS)("refuses the recipient %j on both transports before anything leaves", async (address) => {
  const before = (await sink.messages()).length;
  const smtp = smtpTransport({ host: sink.host, port: sink.port });
  await expect(smtp.send({ ...mail, to: [address] })).rejects.toThrow("Adresse de destinataire invalide");
  await expect(smtp.send({ ...mail, cc: [address] })).rejects.toThrow("Adresse de destinataire invalide");
  expect(await sink.messages()).toHaveLength(before);

  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: "jeton-local", expiry_date: Date.now() + 3600_000 });
  // Nothing listens there: the refusal must come before any request.
  const gmail = gmailTransport({ auth, rootUrl: "http://127.0.0.1:9/" });
  await expect(gmail.send({ ...mail, to: [address] })).rejects.toThrow("Adresse de destinataire invalide");
});

it("accepts a plain address with accents in its local part", async () => {
  const raw = await buildRawMime({ ...mail, to: ["trésorerie@exemple.fr"], cc: [] });
  expect((await parseMessage(raw)).to).toEqual(["trésorerie@exemple.fr"]);
});
