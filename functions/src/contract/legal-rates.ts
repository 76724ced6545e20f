/** One half-year of legal rates, shipped with the code or added by an admin (`GET …/legal-rates`). */
export interface LegalHalfYear {
  /** First day of the half-year: `YYYY-01-01` or `YYYY-07-01`. */
  from: string;
  /** « 2e semestre 2026 ». */
  label: string;
  /** Legal interest rate (% a year), creditor a consumer; null when only the ECB rate is known. */
  consumer: string | null;
  /** Legal interest rate (% a year), other creditors. */
  professional: string | null;
  /** ECB main refinancing rate (%) in force on `from`. */
  ecb: string | null;
  source: string | null;
  origin: "shipped" | "added";
  addedBy: string | null;
}

/** `GET …/legal-rates`: every half-year known, and those still to add as of today. */
export interface LegalRatesAnswer {
  halfYears: LegalHalfYear[];
  /** Half-years (first days) an admin should add now: the current one, and the next from 15 June / 15 December. */
  missing: { from: string; label: string }[];
}
