/**
 * The local mail view of `npm start` (functions/dev/mail-view.ts) over a
 * real SMTP sink: a document mail sent through the product's own
 * smtpTransport shows in the list (date, recipient, subject) and on its
 * page (text body, attachment), the attachment downloads byte for byte
 * under its name and content type, and the customer's text is escaped.
 */
import { startMailView, type MailView } from "../../functions/dev/mail-view";
import { smtpTransport } from "../../functions/src/mail/smtp-transport";
import { startSmtpSink, type SmtpSink } from "../../functions/testing/smtp-server";

let sink: SmtpSink;
let view: MailView;
beforeAll(async () => {
  sink = await startSmtpSink();
  view = await startMailView({ directory: sink.directory });
});
afterAll(async () => {
  await view.stop();
  await sink.stop();
});

// A PDF header then every byte value: anything decoded as text on the way would not come back equal.
const PDF = Buffer.concat([
  Buffer.from("%PDF-1.7\n"),
  Buffer.from(Array.from({ length: 50_000 - 9 }, (_, i) => (i * 7) % 256)),
]);
const HOSTILE = `<img src=x onerror="alert(1)"> Dupont & Fils`;

async function get(path: string) {
  const res = await fetch(new URL(path, view.url));
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

test("lists the message, shows its body and gives back its attachment byte for byte; customer text escaped", async () => {
  expect((await get("/")).bytes.toString()).toContain("Aucun message reçu pour l'instant.");
  await smtpTransport({ host: sink.host, port: sink.port }).send({
    from: "Menuiserie Durand <documents@acompte.test>",
    to: ["compta@hotel-bellevue.test"],
    subject: `Avoir AV-2026-000001 — ${HOSTILE}`,
    text: `Bonjour,\n\nVeuillez trouver ci-joint l'avoir.\n${HOSTILE}`,
    messageId: "<mail-view-1@acompte.test>",
    attachments: [{ fileName: "décompte-RB-2026-000001.pdf", contentType: "application/pdf", content: PDF }],
  });

  const list = await get("/");
  expect(list.res.status).toBe(200);
  expect(list.res.headers.get("content-security-policy")).toContain("default-src 'none'");
  const html = list.bytes.toString();
  expect(html).toContain("Messages reçus (1)");
  expect(html).toContain("compta@hotel-bellevue.test");
  expect(html).toContain("Avoir AV-2026-000001 — &lt;img src=x onerror=&quot;alert(1)&quot;&gt; Dupont &amp; Fils");
  expect(html).not.toContain("<img");
  // Dated in French, Paris time (« 03/12/2026 11:42:05 »).
  expect(html).toMatch(/<td>\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}<\/td>/);
  const link = /href="(\/messages\/[^"]+\.eml)"/.exec(html)![1];

  const message = (await get(link)).bytes.toString();
  expect(message).toContain("Veuillez trouver ci-joint l&apos;avoir.");
  expect(message).not.toContain("<img");
  expect(message).toContain("décompte-RB-2026-000001.pdf</a> — application/pdf, 49 Ko");
  const attachmentLink = /href="(\/messages\/[^"]+\/attachments\/0)"/.exec(message)![1];

  const attachment = await get(attachmentLink);
  expect(attachment.res.status).toBe(200);
  expect(attachment.res.headers.get("content-type")).toBe("application/pdf");
  expect(attachment.res.headers.get("content-disposition")).toBe(
    `attachment; filename="decompte-RB-2026-000001.pdf"; filename*=UTF-8''${encodeURIComponent("décompte-RB-2026-000001.pdf")}`,
  );
  expect(attachment.bytes.equals(PDF)).toBe(true);

  const [received] = await sink.messages();
  const raw = await get(`${link}/raw`);
  expect(raw.bytes.equals(received.raw)).toBe(true);
});

test("only the sink's messages are served: another path, a missing attachment or a write gets a French refusal", async () => {
  for (const path of [
    "/messages/..%2F..%2Fetc%2Fpasswd",
    "/messages/absent.eml",
    "/messages/x/attachments/0",
    "/autre",
  ]) {
    const { res, bytes } = await get(path);
    expect([path, res.status]).toEqual([path, 404]);
    expect(bytes.toString()).toContain("Introuvable");
  }
  const link = /href="(\/messages\/[^"]+\.eml)"/.exec((await get("/")).bytes.toString())![1];
  expect((await get(`${link}/attachments/5`)).res.status).toBe(404);
  const post = await fetch(new URL("/", view.url), { method: "POST" });
  expect(post.status).toBe(405);
});
