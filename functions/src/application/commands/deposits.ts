import { z } from "zod";
import { orderAddedExposure, vatBreakdown } from "../../domain";
import { badRequest, notFound } from "../../errors/api-error";
import { DEPOSITS } from "../../model/collections";
import type { DepositDoc } from "../../model/deposit";
import { depositBodySchema } from "../../workflow/bodies/deposit-body";
import { orderRefSchema } from "../../workflow/bodies/order-ref";
import { adviceFor, recordOfTyped } from "../../workflow/customer-advice";
import { recordDeposit } from "../../workflow/record-deposit";
import { defineChange, defineRead } from "../command";
import { parseQuery } from "../parse-body";
import { presentCustomerAdvice } from "../presenters/customer";
import { depositAsStored, presentDeposit } from "../presenters/deposit";

export const recordDepositCommand = defineChange({
  name: "deposit.record",
  summary:
    "Records a cashed deposit and issues its deposit invoice (numbered, chained, posted); the answer's `advice` is the customer's class, the terms its policy recommends and the limit warning (as GET …/customers/advice).",
  roles: ["requester", "accounting_approver"],
  body: depositBodySchema,
  status: 201,
  answer: "Deposit",
  handler: async (uow, access, body) => {
    const recorded = await recordDeposit(uow, access, body);
    // The record as it stood before this deposit: a customer seen for the first time has none (no profile).
    const record = await recordOfTyped(uow, body.customer);
    const orderAmount = orderAddedExposure(
      { gross: vatBreakdown(body.order.lines.map(({ vatRate, net }) => ({ vatRate, net }))).total.gross },
      { amount: recorded.doc.gross },
    );
    return { ...recorded, advice: { record, orderAmount, advice: adviceFor(access, record, orderAmount) } };
  },
  present: ({ id, doc, advice }) => ({ ...presentDeposit(id, doc, []), advice: presentCustomerAdvice(advice) }),
});

export const getDepositCommand = defineRead({
  name: "deposit.get",
  summary: "A deposit with its refund requests.",
  roles: [],
  answer: "Deposit",
  handler: async (_access, reader, { params }) => {
    const doc = await reader.get<DepositDoc>(reader.collection(DEPOSITS).doc(params.depositId));
    if (!doc) throw notFound(`Acompte introuvable : ${params.depositId}.`);
    return { status: 200, body: await depositAsStored(reader, params.depositId, doc) };
  },
});

/** Other parameters (a cache-buster…) are ignored, as a query string's are. */
const listQuerySchema = z.object({ orderRef: orderRefSchema });

export const listDepositsCommand = defineRead({
  name: "deposit.list",
  summary: "The deposits of one order (`?orderRef=`), in invoice-number order.",
  roles: [],
  query: listQuerySchema,
  answer: "Deposit[]",
  handler: async (_access, reader, { query }) => {
    if (!query.orderRef)
      throw badRequest("Paramètre orderRef obligatoire (référence de commande).", [
        { path: "orderRef", message: "Paramètre « orderRef » : obligatoire." },
      ]);
    const { orderRef } = parseQuery(listQuerySchema, query);
    const deposits = await reader.query<DepositDoc>(reader.collection(DEPOSITS).where("orderRef", "==", orderRef));
    deposits.sort((a, b) => a.data.invoiceNumber.localeCompare(b.data.invoiceNumber));
    return { status: 200, body: deposits.map((d) => presentDeposit(d.id, d.data, [])) };
  },
});
