import { z } from "zod";
import { FEC_CONTENT_TYPE, type FecFile } from "../../contract";
import { FEC_SEPARATORS, fecFileName, fiscalPeriod } from "../../domain";
import { frenchDate } from "../../domain/dates/calendar-day";
import { unprocessable } from "../../errors/api-error";
import { FecExport } from "../../workflow/fec-export";
import { settingsOf } from "../../workflow/company-settings";
import { defineRead } from "../command";
import { parseQuery } from "../parse-body";

/**
 * `year` (the year the fiscal year closes in, on the company's closing day)
 * or `from` and `to` (first and last day of the fiscal year); `separator`
 * `pipe` (default) or `tab`; other parameters ignored.
 */
const fecQuerySchema = z.object({
  year: z.string().max(10).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  separator: z
    .enum(["pipe", "tab"], { error: "doit valoir « pipe » (|, par défaut) ou « tab » (tabulation)" })
    .default("pipe"),
});

/**
 * Admins and accounting approvers: the FEC of a fiscal year, streamed as
 * `text/plain`. The whole year is first read once through the tax office's
 * checks; when any fails, a 422 lists them in French instead of a file.
 */
export const exportFecCommand = defineRead({
  name: "fec.export",
  summary:
    "The FEC (Fichier des écritures comptables) of a fiscal year, streamed as text/plain, refused with the list of problems when the tax office's checks fail.",
  roles: ["admin", "accounting_approver"],
  query: fecQuerySchema,
  answer: "FecFile",
  handler: async (access, _reader, { db, params, query }) => {
    const settings = settingsOf(access);
    const { separator, ...asked } = parseQuery(fecQuerySchema, query);
    const period = fiscalPeriod(asked, settings.fiscalYearEnd);
    if (!/^\d{9}$/.test(settings.siren))
      throw unprocessable(
        "FEC_CHECKS_FAILED",
        "Le SIREN de l'entreprise n'est pas renseigné dans ses paramètres : le nom du fichier FEC l'exige.",
        [{ path: "siren", message: "SIREN de l'entreprise : à renseigner (9 chiffres)." }],
      );
    const fec = new FecExport(db, params.companyId, period, settings);
    const { problems, entries } = await fec.check();
    if (problems.length > 0)
      throw unprocessable(
        "FEC_CHECKS_FAILED",
        `Le FEC de l'exercice du ${frenchDate(period.start)} au ${frenchDate(period.end)} serait refusé par l'outil de test de l'administration : corrigez d'abord ${problems.length === 1 ? "l'anomalie suivante" : "les anomalies suivantes"}.`,
        problems.map((message) => ({ path: "fec", message })),
      );
    const file: { chunks: AsyncIterable<FecFile> } = { chunks: fec.text(entries, FEC_SEPARATORS[separator]) };
    return {
      status: 200,
      body: null,
      download: { fileName: fecFileName(settings.siren, period.end), contentType: FEC_CONTENT_TYPE, ...file },
    };
  },
});
