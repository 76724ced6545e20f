/**
 * Bank details as people type them: IBAN and BIC validated with `ibantools`
 * (checksum, country format, SEPA zone), normalised to their electronic form
 * and masked for display. Refusals are French and name the field by its label
 * (« IBAN du client »), never a code path.
 */
import { electronicFormatIBAN, isSEPACountry, isValidBIC, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { EngineValidationError, type FieldError } from "../errors/engine-error";

/** Which field a value came from: its path in the request and its French label. */
export interface BankField {
  path: string;
  /** e.g. « IBAN du client », « BIC de la société ». */
  label: string;
}

/** An IBAN in electronic form: upper case, no spaces (`FR7630006000011234567890189`). */
export type Iban = string;
/** A BIC of 8 or 11 characters, upper case. */
export type Bic = string;

/** Upper case without spaces, dashes or dots: how the IBAN is stored and sent to the bank. */
export function normaliseIban(raw: string): Iban {
  return electronicFormatIBAN(raw.replace(/[.\-\u00a0\u202f]/g, "")) ?? "";
}

const IBAN_PROBLEMS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: "pays inconnu (un IBAN commence par le code du pays, ex. FR76…)",
  [ValidationErrorsIBAN.WrongBBANLength]: "nombre de caractères incorrect pour ce pays",
  [ValidationErrorsIBAN.WrongBBANFormat]: "caractères inattendus pour ce pays",
  [ValidationErrorsIBAN.ChecksumNotNumber]: "la clé (3e et 4e caractères) doit être formée de deux chiffres",
  [ValidationErrorsIBAN.WrongIBANChecksum]: "clé de contrôle incorrecte : vérifiez les caractères saisis",
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: "clé RIB incorrecte : vérifiez les caractères saisis",
  [ValidationErrorsIBAN.QRIBANNotAllowed]: "un QR-IBAN ne peut pas recevoir de virement SEPA",
};

/**
 * The French problem with an IBAN, or null when it is valid and in the SEPA
 * zone (a SEPA credit transfer can only reach such an account).
 *
 * @example
 * ibanProblem("FR76 3000 6000 0112 3456 7890 189"); // → null
 * ibanProblem("FR76 3000 6000 0112 3456 7890 188"); // → "clé de contrôle incorrecte : vérifiez les caractères saisis"
 */
export function ibanProblem(raw: string): string | null {
  const iban = normaliseIban(raw);
  if (iban === "") return "obligatoire";
  if (!/^[A-Z0-9]+$/.test(iban)) return "seuls les lettres et les chiffres sont admis";
  const result = validateIBAN(iban);
  if (!result.valid) {
    // Listed most telling first: a mistyped digit breaks both keys, the IBAN's is the one people know.
    const code = (Object.keys(IBAN_PROBLEMS).map(Number) as ValidationErrorsIBAN[]).find((c) =>
      result.errorCodes.includes(c),
    );
    return code === undefined ? "IBAN invalide" : IBAN_PROBLEMS[code]!;
  }
  const country = iban.slice(0, 2);
  if (!isSEPACountry(country)) return `le pays ${country} n'est pas dans la zone SEPA : virement SEPA impossible`;
  return null;
}

/** The French problem with a BIC, or null. */
export function bicProblem(raw: string): string | null {
  const bic = raw.replace(/\s/g, "").toUpperCase();
  if (bic === "") return "obligatoire";
  return isValidBIC(bic) ? null : "BIC invalide (8 ou 11 caractères, ex. BNPAFRPPXXX)";
}

function refuse(field: BankField, problem: string): never {
  const detail: FieldError = { path: field.path, message: `${field.label} : ${problem}.` };
  throw new EngineValidationError([{ ...detail, message: detail.message[0].toUpperCase() + detail.message.slice(1) }]);
}

/**
 * The IBAN in electronic form, or an `EngineValidationError` naming the field
 * by its label (« IBAN du client : clé de contrôle incorrecte… »).
 */
export function checkIban(raw: string, field: BankField): Iban {
  const problem = ibanProblem(raw);
  if (problem) refuse(field, problem);
  return normaliseIban(raw);
}

/** The BIC upper case without spaces, or an `EngineValidationError` naming the field. */
export function checkBic(raw: string, field: BankField): Bic {
  const problem = bicProblem(raw);
  if (problem) refuse(field, problem);
  return raw.replace(/\s/g, "").toUpperCase();
}

/**
 * The IBAN in groups of four, as banks print it for people to copy.
 *
 * @example
 * spacedIban("FR7630004000031234567890143"); // → "FR76 3000 4000 0312 3456 7890 143"
 */
export function spacedIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The IBAN as shown to people who need to recognise it but not copy it:
 * country and key, then the last four characters, by groups of four.
 *
 * @example
 * maskIban("FR7630006000011234567890189"); // → "FR76 **** **** **** **** ***0 189"
 */
export function maskIban(iban: string): string {
  const compact = normaliseIban(iban);
  if (compact.length <= 8) return spacedIban(compact);
  return spacedIban(compact.slice(0, 4) + "*".repeat(compact.length - 8) + compact.slice(-4));
}
