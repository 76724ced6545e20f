import { CREDIT_NOTE_NUMBER_AT_APPROVAL, statementAtApproval } from "../domain/refunds/refund-statement";
import { documentRenderer } from "../application/renderers";
import type { RenderedDocument } from "../application/ports/document-renderer";
import { CUSTOMER_CREDITS, DEPOSITS } from "../model/collections";
import type { CustomerCreditDoc } from "../model/payment";
import type { DepositDoc } from "../model/deposit";
import type { RefundDoc } from "../model/refund";
import { forbidden, notFound, unprocessable } from "../errors/api-error";
import type { DocReader } from "../storage/doc-reader";
import { hasRole, type Access } from "./access";
import { documentSeller, settingsOf } from "./company-settings";
import { issuesDocuments, refuseIfDocumentNotReady } from "./issue-document";
import { loadRefund } from "./load-refund";

/** An approver this request waits for, or who gave one of its approvals; an admin. */
function mayPreview(access: Access, doc: RefundDoc): boolean {
  return (
    hasRole(access, "admin") ||
    doc.pendingApprovers.includes(access.email) ||
    doc.approvals.some((a) => a.by === access.email)
  );
}

/** Who the statement is for and what it cites: the deposit's credit note to come, or the customer credit. */
async function statementParties(reader: DocReader, doc: RefundDoc, today: string) {
  const source = doc.proposal.source;
  if (source.kind === "customerCredit") {
    const credit = await reader.get<CustomerCreditDoc>(reader.collection(CUSTOMER_CREDITS).doc(source.creditId));
    if (!credit) throw notFound(`Crédit client introuvable : ${source.creditId}.`);
    return {
      customer: credit.customer,
      creditNote: null,
      customerCredit: { date: doc.quote.creditNote.cites.date },
    };
  }
  const deposit = doc.depositId ? await reader.get<DepositDoc>(reader.collection(DEPOSITS).doc(doc.depositId)) : null;
  if (!deposit) throw notFound(`Acompte introuvable : ${doc.depositId ?? ""}.`);
  return {
    customer: deposit.customer,
    creditNote: { number: CREDIT_NOTE_NUMBER_AT_APPROVAL, date: today },
    customerCredit: undefined,
  };
}

/**
 * « Aperçu du décompte »: the refund statement the final approval would
 * issue today, built and rendered by the same builder and renderer
 * (statementAtApproval, documentRenderer) but only read: no number taken
 * (the credit note's is named as still to come), nothing written, nothing
 * sealed. Refused as the issue would be when a mandatory mention is missing.
 */
export async function statementPreview(
  reader: DocReader,
  access: Access,
  refundId: string,
  today: string,
): Promise<RenderedDocument> {
  const { doc } = await loadRefund(reader, refundId);
  if (!mayPreview(access, doc))
    throw forbidden(
      `Seuls les approbateurs de la demande ${doc.number} et les administrateurs voient l'aperçu de son décompte.`,
    );
  if (doc.awaiting.length === 0)
    throw unprocessable(
      "INVALID_STATE",
      `La demande ${doc.number} n'attend plus d'approbation : son décompte émis est dans *Suivi* › « Documents ».`,
    );
  if (!issuesDocuments(access))
    throw unprocessable(
      "INVALID_STATE",
      "Votre société n'émet pas ses documents en fichiers : aucun décompte ne sera envoyé au client.",
    );
  const { customer, creditNote, customerCredit } = await statementParties(reader, doc, today);
  refuseIfDocumentNotReady(access, customer);
  const content = statementAtApproval({ refund: doc, date: today, customer, creditNote, customerCredit });
  const rendered = await documentRenderer.render({
    kind: "refundStatement",
    content,
    seller: documentSeller(settingsOf(access)),
  });
  return { ...rendered, fileName: `apercu-${rendered.fileName}` };
}
