import { createHash } from "node:crypto";
import { fieldProblem } from "../domain/validation/field-errors";
import { euros } from "../domain/reminders/french-amount";
import { formatMoney, money } from "../domain";
import { DEPOSITS, INVOICES } from "../model/collections";
import type { DepositDoc } from "../model/deposit";
import { invoiceCopies, type InvoiceContent, type InvoiceDoc } from "../model/invoice";
import type { RateLine, Totals } from "../model/amounts";
import { badRequest, conflict, unprocessable } from "../errors/api-error";
import { chainHash, recordedAt } from "../storage/chain-hash";
import { EXTERNAL_SERIES, SERIES } from "../storage/series";
import type { UnitOfWork } from "../storage/unit-of-work";
import type { Access } from "./access";
import { settingsOf } from "./company-settings";
import { ensureCustomer } from "./customer-records";
import { markRecordStale } from "./mark-profile-stale";
import { invoiceDueDate } from "./invoice-due-date";
import type { ExternalInvoiceBody } from "./record-external-invoice-body";

/** One document per external number: a second invoice with that number is refused, also under concurrency. */
export function externalInvoiceId(number: string): string {
  return `ext-${createHash("sha256").update(number).digest("hex").slice(0, 32)}`;
}

/** Numbers shaped like ours (FA-2026-000123) would pass for documents of our chained series. */
const OWN_NUMBER = new RegExp(
  `^(${Object.values(SERIES)
    .map((s) => s.prefix)
    .join("|")})-\\d{4}-\\d{6}$`,
);

const cents = (v: string) => formatMoney(money(v));

function amounts(body: ExternalInvoiceBody): { lines: RateLine[]; total: Totals } {
  if (body.lines) {
    const lines = body.lines.map((l) => ({
      vatRate: l.vatRate,
      net: cents(l.net),
      vat: cents(l.vat),
      gross: formatMoney(money(l.net).plus(l.vat)),
    }));
    const sum = (k: "net" | "vat" | "gross") => formatMoney(lines.reduce((s, l) => s.plus(l[k]), money("0")));
    return { lines, total: { net: sum("net"), vat: sum("vat"), gross: sum("gross") } };
  }
  const t = body.total!;
  const gross = formatMoney(money(t.net).plus(t.vat));
  if (t.gross !== undefined && !money(t.gross).equals(gross))
    throw badRequest("Le total TTC doit être égal au total HT plus la TVA.", [
      fieldProblem("total.gross", `${euros(t.gross)} au lieu de ${euros(gross)} (HT + TVA)`),
    ]);
  return { lines: [], total: { net: cents(t.net), vat: cents(t.vat), gross } };
}

/**
 * Records an invoice another tool issued (and booked): it keeps its own
 * number, takes none from our FA- series and posts no entry, but becomes
 * an open receivable like our final invoices — payments are matched to it,
 * refunds may offset it, dunning and the dashboard count it.
 */
export async function recordExternalInvoice(uow: UnitOfWork, access: Access, body: ExternalInvoiceBody) {
  if (body.date > uow.today)
    throw badRequest("La date de la facture est dans le futur.", [fieldProblem("date", "date future")]);
  if (OWN_NUMBER.test(body.number))
    throw badRequest(`Le numéro ${body.number} a la forme des numéros d'Acompte : gardez celui de l'outil d'origine.`, [
      fieldProblem("number", "numéro réservé aux séries d'Acompte"),
    ]);
  const ref = uow.collection(INVOICES).doc(externalInvoiceId(body.number));
  const [existing, deposits] = await Promise.all([
    uow.get<InvoiceDoc>(ref),
    body.orderRef
      ? uow.query<DepositDoc>(uow.collection(DEPOSITS).where("orderRef", "==", body.orderRef))
      : Promise.resolve([]),
  ]);
  if (existing) throw conflict("EXTERNAL_INVOICE_EXISTS", `La facture ${body.number} est déjà enregistrée.`);
  const open = deposits.filter((d) => d.data.status === "open");
  if (open.length > 0)
    throw conflict(
      "DEPOSITS_OPEN",
      `La commande ${body.orderRef} a des acomptes ouverts dans Acompte (${open.map((d) => d.data.invoiceNumber).join(", ")}) : émettez sa facture de solde avec Acompte, qui les déduit.`,
    );

  const { lines, total } = amounts(body);
  const deducted = money(body.depositsDeducted ?? "0");
  if (deducted.greaterThan(total.gross))
    throw unprocessable("DEPOSITS_ABOVE_INVOICE", "Les acomptes déduits dépassent le total TTC de la facture.", [
      fieldProblem("depositsDeducted", `au plus ${euros(total.gross)}`),
    ]);
  const amountDue = formatMoney(money(total.gross).minus(deducted));
  if (body.amountDue !== undefined && !money(body.amountDue).equals(amountDue))
    throw unprocessable(
      "AMOUNT_DUE_MISMATCH",
      `Le net à payer (${euros(body.amountDue)}) doit être le total TTC moins les acomptes déduits (${euros(amountDue)}).`,
      [fieldProblem("amountDue", `${euros(amountDue)} attendu`)],
    );
  const settings = settingsOf(access);
  const dueDate = body.dueDate ?? invoiceDueDate(body.date, settings.paymentTerms);

  const content: InvoiceContent = {
    type: "final",
    typeCode: "380",
    number: body.number,
    date: body.date,
    seller: { name: settings.name, siren: settings.siren },
    customer: body.customer,
    orderRef: body.orderRef ?? "",
    lines,
    total,
    ...(body.depositsDeducted !== undefined ? { externalDepositsDeducted: cents(body.depositsDeducted) } : {}),
    amountDue,
    dueDate,
    origin: "external",
  };
  markRecordStale(uow, await ensureCustomer(uow, body.customer, "external_invoice"));
  const paid = money(amountDue).isZero();
  const createdAt = uow.timestamp;
  const link = { series: EXTERNAL_SERIES, seq: 0, prevHash: "" };
  const doc: InvoiceDoc = {
    ...invoiceCopies(content),
    openAmount: amountDue,
    paidOn: paid ? body.date : null,
    content,
    createdAt,
    ...link,
    hash: chainHash({ ...link, recordedAt: recordedAt(createdAt), content }),
  };
  uow.create(ref, doc);
  uow.event("invoice.imported", { kind: "invoice", id: ref.id }, null, {
    number: body.number,
    origin: "external",
    amountDue,
    dueDate,
  });
  return { id: ref.id, ...doc, createdAt: undefined };
}
