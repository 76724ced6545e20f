/**
 * What a person may write on a customer record (contract issue #16, slice
 * 1): identity, contacts, terms, credit limit, refund bank details,
 * credit-insurance cover, factoring status, segment. Every check carries its
 * French message; `fieldErrors` names the field by its label. The risk class
 * is the payment profile's to write: a request that sets it is refused.
 */
import { z } from "zod";
import { formatMoney, money } from "../money/money";
import { sirenOfVatNumber } from "../identity/vat-number";
import { AMOUNT_MAX } from "../validation/bounds";
import {
  bicSchema as bic,
  ibanSchema as iban,
  sirenSchema as siren,
  vatNumberSchema as vatNumber,
} from "../validation/identifier-schemas";
import { emailSchema } from "../validation/email";
import { amountSchema, calendarDate, customerKind } from "../validation/primitives";
import { text } from "../validation/text";
import { paymentTermsDaysSchema } from "./payment-terms";

/** The codes a record's factoring status takes: not factored, or assigned to a factor. */
export const FACTORING_STATUSES = ["none", "assigned"] as const;
/** One of FACTORING_STATUSES: "assigned", the customer's invoices are assigned to a factor (subrogation). */
export type FactoringStatus = (typeof FACTORING_STATUSES)[number];

/** Stored as every amount is, to the cent: "15000" → "15000.00". */
const limit = amountSchema({ allowZero: true, max: AMOUNT_MAX }).transform((v) => formatMoney(money(v)));
const address = text({ error: "doit être une adresse", max: 500, multiline: true });

const contact = z.strictObject({
  name: text({ error: "doit être un nom", max: 200 }).optional(),
  email: emailSchema.optional(),
  phone: z
    .string({ error: "doit être un numéro de téléphone" })
    .max(30, { message: "30 caractères au plus" })
    .regex(/^\+?[\d\s.()-]{6,}$/, { message: "doit être un numéro de téléphone, par exemple 01 23 45 67 89" })
    .optional(),
});

const insurance = z.strictObject({
  insurer: text({ error: "doit être un nom d'assureur", required: "l'assureur est obligatoire", max: 200 }),
  limit,
  grantedOn: calendarDate,
});

const factoring = z
  .strictObject({
    status: z.enum(FACTORING_STATUSES, { error: "doit valoir none (non affacturé) ou assigned (affacturé)" }),
    factor: text({ error: "doit être un nom de factor", max: 200 }).optional(),
  })
  .refine((f) => f.status !== "assigned" || f.factor !== undefined, {
    path: ["factor"],
    message: "le factor est obligatoire pour un client affacturé",
  });

/** The risk class comes from the payment profile; typed by a person it is refused, whatever its value. */
const notSettable = (why: string) =>
  z
    .unknown()
    .superRefine((_v, ctx) => ctx.addIssue({ code: "custom", message: why }))
    .optional();

/** Why a risk class typed by a person (api or sheet) is refused: the payment profile computes it. */
export const RISK_CLASS_NOT_SETTABLE =
  "calculée par Acompte à partir de l'historique de paiement du client, elle ne se saisit pas";

/** The fields a person edits (every one optional on an update), their schemas. */
const editable = {
  name: text({ error: "doit être un nom", required: "le nom est obligatoire", max: 200 }),
  vatNumber,
  email: emailSchema,
  billingAddress: address,
  deliveryAddress: address,
  invoiceContact: contact,
  dunningContact: contact,
  paymentTermsDays: paymentTermsDaysSchema,
  creditLimit: limit,
  iban,
  bic,
  insurance,
  factoring,
  segment: text({ error: "doit être un segment, par exemple « Hôtellerie »", max: 100 }),
};

type Editable = { [K in keyof typeof editable]: z.output<(typeof editable)[K]> };

/** The numbers of one customer must agree: a French VAT number carries its SIREN. */
export function vatSirenProblem(record: { siren?: string; vatNumber?: string }): string | null {
  if (!record.siren || !record.vatNumber) return null;
  const carried = sirenOfVatNumber(record.vatNumber);
  return carried !== null && carried !== record.siren ? `ne correspond pas au SIREN ${record.siren}` : null;
}

/** A new record: name and kind; a company's SIREN (9 digits, Luhn key). */
export const customerCreateSchema = z
  .strictObject({
    ...editable,
    name: editable.name,
    kind: customerKind,
    siren: siren.optional(),
    vatNumber: vatNumber.optional(),
    email: emailSchema.optional(),
    billingAddress: address.optional(),
    deliveryAddress: address.optional(),
    invoiceContact: contact.optional(),
    dunningContact: contact.optional(),
    paymentTermsDays: editable.paymentTermsDays.optional(),
    creditLimit: limit.optional(),
    iban: iban.optional(),
    bic: bic.optional(),
    insurance: insurance.optional(),
    factoring: factoring.optional(),
    segment: editable.segment.optional(),
    riskClass: notSettable(RISK_CLASS_NOT_SETTABLE),
  })
  .refine((c) => c.kind !== "b2b" || c.siren !== undefined, {
    path: ["siren"],
    message: "le SIREN est obligatoire pour un client professionnel",
  })
  .superRefine((c, ctx) => {
    const problem = vatSirenProblem(c);
    if (problem) ctx.addIssue({ code: "custom", path: ["vatNumber"], message: problem });
  });
/** A new record as the schema leaves it (identifiers compact, amounts to the cent). */
export type CustomerCreate = Omit<z.output<typeof customerCreateSchema>, "riskClass">;

const IDENTITY_FIXED =
  "identifie le client et ses factures : pour réunir deux fiches, fusionnez-les (« Fusionner ») plutôt que de le changer";

/**
 * A change to a record: only the fields given change; `null` clears an
 * optional one (the name stays). Kind and SIREN identify the customer and
 * its sealed invoices: they are not edited, duplicates are merged.
 */
export const customerUpdateSchema = z.strictObject({
  name: editable.name.optional(),
  ...Object.fromEntries(
    Object.entries(editable)
      .filter(([k]) => k !== "name")
      .map(([k, s]) => [k, s.nullable().optional()]),
  ),
  kind: notSettable(IDENTITY_FIXED),
  siren: notSettable(IDENTITY_FIXED),
  riskClass: notSettable(RISK_CLASS_NOT_SETTABLE),
}) as unknown as z.ZodType<CustomerUpdate>;
/** A change to a record: the fields given, `null` clearing an optional one. */
export type CustomerUpdate = { name?: string } & {
  [K in Exclude<keyof Editable, "name">]?: Editable[K] | null;
};

/** The editable field names, in the order the sheet and the API reference show them. */
export const CUSTOMER_EDITABLE_FIELDS = Object.keys(editable) as (keyof Editable)[];
