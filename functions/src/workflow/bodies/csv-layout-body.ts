import { z } from "zod";
import {
  CSV_DATE_FORMATS,
  CSV_SEPARATORS,
  CSV_STATEMENT_DEFAULTS,
  type CsvStatementLayout,
} from "../../domain/bank/csv-layout";

const header = z
  .string({ error: "doit être le titre d'une colonne du fichier" })
  .trim()
  .min(1, { message: "doit être le titre d'une colonne du fichier" })
  .max(100, { message: "100 caractères au plus" });

/**
 * The company setting `statementCsv`: every field optional, the defaults
 * (CSV_STATEMENT_DEFAULTS) fill what is not given; an amount is read from
 * `amount` or from both `debit` and `credit`.
 */
export const csvStatementLayoutSchema = z
  .strictObject({
    separator: z
      .enum(CSV_SEPARATORS, { error: "doit être « ; », « , », une tabulation ou « | »" })
      .default(CSV_STATEMENT_DEFAULTS.separator),
    decimalComma: z
      .boolean({ error: "doit valoir true (1 234,56) ou false (1234.56)" })
      .default(CSV_STATEMENT_DEFAULTS.decimalComma),
    dateFormat: z
      .enum(CSV_DATE_FORMATS, { error: `doit être l'un de : ${CSV_DATE_FORMATS.join(", ")}` })
      .default(CSV_STATEMENT_DEFAULTS.dateFormat),
    columns: z
      .strictObject({
        bookingDate: header.default(CSV_STATEMENT_DEFAULTS.columns.bookingDate),
        valueDate: header.optional(),
        amount: header.optional(),
        debit: header.optional(),
        credit: header.optional(),
        label: header.default(CSV_STATEMENT_DEFAULTS.columns.label),
        reference: header.optional(),
        counterpartyName: header.optional(),
        counterpartyIban: header.optional(),
        endToEndId: header.optional(),
      })
      .default({ ...CSV_STATEMENT_DEFAULTS.columns })
      .refine((c) => c.amount !== undefined || (c.debit !== undefined && c.credit !== undefined), {
        message: "indiquez la colonne du montant, ou celles du débit et du crédit",
      }),
  })
  .transform((layout): CsvStatementLayout => layout);
