/**
 * Renders the mixed-rate deposit invoice in a process of its own and prints
 * its SHA-256: the determinism test compares it with the same document
 * rendered in the test's process after many others (a cold and a warm
 * renderer must agree, since any instance may render a document again).
 */
import { renderFacturX } from "../../functions/src/documents/pdf";
import { SELLER, mixedDeposit } from "../domain/einvoice/sealed-documents";

void renderFacturX(mixedDeposit(), SELLER).then((r) => process.stdout.write(r.sha256));
