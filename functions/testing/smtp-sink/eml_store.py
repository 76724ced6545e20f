"""aiosmtpd handler for the local SMTP sink: stores each accepted message as
one .eml file, so tests can count and read exactly what a real SMTP server
received.

Run as:  python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c eml_store.EmlStore DIR

A file DIR/reject-rcpt (one address a line) makes the server refuse those
recipients with a permanent 550, which lets tests provoke a failed send.
"""
import os
import time
import uuid


class EmlStore:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("EmlStore needs exactly one argument: the output directory")
        return cls(args[0])

    def _rejected(self):
        path = os.path.join(self.directory, "reject-rcpt")
        try:
            with open(path, encoding="utf-8") as f:
                return {line.strip().lower() for line in f if line.strip()}
        except FileNotFoundError:
            return set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self._rejected():
            return "550 5.1.1 Destinataire refuse (sink)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%d-%s.eml" % (time.time_ns(), uuid.uuid4().hex)
        tmp = os.path.join(self.directory, name + ".tmp")
        # The envelope goes first, as headers the parser skips, so the test can
        # see who the message was actually delivered to (Bcc included).
        with open(tmp, "wb") as f:
            f.write(("X-Sink-Mail-From: %s\r\n" % envelope.mail_from).encode("utf-8"))
            f.write(("X-Sink-Rcpt-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode("utf-8"))
            f.write(envelope.original_content or envelope.content)
        # Rename is atomic: a reader never sees half a message.
        os.rename(tmp, os.path.join(self.directory, name))
        return "250 Message accepted for delivery"
