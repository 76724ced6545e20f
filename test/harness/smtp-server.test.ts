/**
 * The local SMTP server tests and `npm start` send to: real SMTP on loopback,
 * each accepted message kept as a raw .eml file, read back by mailparser.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { startSmtpSink, type SmtpSink } from "../../functions/testing/smtp-server";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";

let sink: SmtpSink;
beforeEach(async () => (sink = await startSmtpSink()));
afterEach(() => sink.stop());

const client = (extra: Record<string, unknown> = {}) =>
  nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true, ...extra });

const emlFiles = () => readdirSync(sink.directory).filter((f) => f.endsWith(".eml"));

it('reads a display name with a comma ("Dupont, Jean") as one address', async () => {
  await client().sendMail({
    from: '"Compta, Acompte" <relances@acompte.test>',
    to: '"Dupont, Jean" <jean@exemple.fr>',
    cc: ['"Martin, Léa" <lea@exemple.fr>', "paul@exemple.fr"],
    subject: "Relance",
    text: "Bonjour.",
  });
  const [got] = await sink.messages();
  expect(got.headers.get("to")).toBe('"Dupont, Jean" <jean@exemple.fr>');
  expect(got.to).toEqual(["jean@exemple.fr"]);
  expect(got.cc).toEqual(["lea@exemple.fr", "paul@exemple.fr"]);
  expect(got.from).toBe('"Compta, Acompte" <relances@acompte.test>');
  expect(got.envelopeTo).toEqual(["jean@exemple.fr", "lea@exemple.fr", "paul@exemple.fr"]);
});

it("keeps each accepted message byte for byte as an .eml file, and decodes subject, UTF-8 body, HTML and attachments", async () => {
  const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d]);
  await client().sendMail({
    from: "Acompte <relances@acompte.test>",
    to: "client@exemple.fr",
    subject: "Échéance de remboursement – 1\u202f440,00\u00a0€",
    text: "Échéance n°2 : 1\u202f440,00\u00a0€ à verser.\nCordialement,",
    html: "<p>Échéance n°2 : <b>1\u202f440,00\u00a0€</b></p>",
    attachments: [{ filename: "avoir-AV-2026-0001.pdf", content: pdf, contentType: "application/pdf" }],
    messageId: "<piece-jointe@acompte.test>",
  });
  const files = emlFiles();
  expect(files).toHaveLength(1);
  const [got] = await sink.messages();
  expect(readFileSync(join(sink.directory, files[0])).equals(got.raw)).toBe(true);
  const raw = got.raw.toString("latin1");
  expect(raw).toMatch(/^Subject: =\?UTF-8\?[QB]\?/im);
  expect(raw).toMatch(/^Content-Type: multipart\/mixed/im);
  expect(got.subject).toBe("Échéance de remboursement – 1\u202f440,00\u00a0€");
  expect(got.text).toBe("Échéance n°2 : 1\u202f440,00\u00a0€ à verser.\nCordialement,");
  expect(got.html).toBe("<p>Échéance n°2 : <b>1\u202f440,00\u00a0€</b></p>");
  expect(got.messageId).toBe("<piece-jointe@acompte.test>");
  expect(await sink.hasMessageId("<piece-jointe@acompte.test>")).toBe(true);
  expect(await sink.hasMessageId("<autre@acompte.test>")).toBe(false);
  expect(got.attachments).toHaveLength(1);
  expect(got.attachments[0]).toMatchObject({ filename: "avoir-AV-2026-0001.pdf", contentType: "application/pdf" });
  expect(got.attachments[0].content.equals(pdf)).toBe(true);
});

it.each(["PLAIN", "LOGIN"])("accepts AUTH %s with any credentials, and mail without AUTH", async (authMethod) => {
  await client({ auth: { user: "relances", pass: "secret" }, authMethod }).sendMail({
    from: "relances@acompte.test",
    to: "a@exemple.fr",
    subject: `Avec ${authMethod}`,
    text: "x",
  });
  await smtpTransport({ host: sink.host, port: sink.port, user: "relances", password: "secret" }).send({
    from: "relances@acompte.test",
    to: ["b@exemple.fr"],
    subject: "Par le transport",
    text: "x",
    messageId: "<auth@acompte.test>",
  });
  await client().sendMail({ from: "relances@acompte.test", to: "c@exemple.fr", subject: "Sans AUTH", text: "x" });
  expect((await sink.messages()).map((m) => m.subject)).toEqual([
    `Avec ${authMethod}`,
    "Par le transport",
    "Sans AUTH",
  ]);
});

it("answers 550 to RCPT TO for the refused recipients only, until changed", async () => {
  sink.rejectRecipients(["Refuse@Exemple.fr"]);
  const info = await client().sendMail({
    from: "relances@acompte.test",
    to: ["refuse@exemple.fr", "accepte@exemple.fr"],
    subject: "Un sur deux",
    text: "x",
  });
  expect(info).toMatchObject({ rejected: ["refuse@exemple.fr"], rejectedErrors: [{ responseCode: 550 }] });
  const alone = client().sendMail({
    from: "relances@acompte.test",
    to: "refuse@exemple.fr",
    subject: "Seul",
    text: "x",
  });
  await expect(alone).rejects.toMatchObject({ responseCode: 550 });

  sink.rejectRecipients([]);
  await client().sendMail({ from: "relances@acompte.test", to: "refuse@exemple.fr", subject: "Plus tard", text: "x" });
  const got = await sink.messages();
  expect(got.map((m) => [m.subject, m.envelopeTo])).toEqual([
    ["Un sur deux", ["accepte@exemple.fr"]],
    ["Plus tard", ["refuse@exemple.fr"]],
  ]);
});

it("keeps serving after a client vanishes in the middle of DATA, and stores nothing of that message", async () => {
  const socket = createConnection({ host: sink.host, port: sink.port });
  const replies: string[] = [];
  const waitFor = (code: string) =>
    new Promise<void>((resolve) => {
      const check = () =>
        replies
          .join("")
          .split("\r\n")
          .some((l) => l.startsWith(`${code} `))
          ? resolve()
          : false;
      socket.on("data", (chunk: Buffer) => {
        replies.push(chunk.toString());
        check();
      });
      check();
    });
  await waitFor("220");
  for (const [command, code] of [
    ["EHLO client", "250"],
    ["MAIL FROM:<relances@acompte.test>", "250"],
    ["RCPT TO:<client@exemple.fr>", "250"],
    ["DATA", "354"],
  ]) {
    replies.length = 0;
    socket.removeAllListeners("data");
    const answered = waitFor(code);
    socket.write(`${command}\r\n`);
    await answered;
  }
  socket.write("Subject: coupe\r\n\r\nLe debut d'un message");
  await new Promise<void>((resolve) => socket.end(resolve));
  socket.destroy();

  await client().sendMail({ from: "relances@acompte.test", to: "client@exemple.fr", subject: "Entier", text: "x" });
  expect((await sink.messages()).map((m) => m.subject)).toEqual(["Entier"]);
  expect(emlFiles()).toHaveLength(1);
});

it("removes its temporary folder on stop, but keeps a folder it was given", async () => {
  const own = sink.directory;
  await sink.stop();
  expect(existsSync(own)).toBe(false);

  const given = mkdtempSync(join(tmpdir(), "acompte-smtp-test-"));
  try {
    sink = await startSmtpSink({ directory: given });
    await client().sendMail({ from: "relances@acompte.test", to: "a@exemple.fr", subject: "Garde", text: "x" });
    await sink.stop();
    expect(readdirSync(given).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
  } finally {
    sink = await startSmtpSink(); // afterEach stops it
    rmSync(given, { recursive: true, force: true });
  }
});
