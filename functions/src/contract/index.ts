/**
 * The wire contract of the `api` function: the enums, every answer's type
 * (one per resource), the bodies the add-on sends and the closed list of
 * error codes. The functions' presenters return these types and the add-on
 * compiles against them (apps-script/src/interfaces/api.ts re-exports this
 * module), so an incompatible change to an answer breaks the add-on's
 * typecheck. Types and constant lists only: see docs/addon.md.
 */
export * from "./enums";
export * from "./errors";
export * from "./refund";
export * from "./deposit";
export * from "./answers";
export * from "./audit";
export * from "./workbook";
export * from "./bodies";
export * from "./legal-rates";
export * from "./fec";
export * from "./vat-return";
export * from "./bank";
export * from "./bank-account";
export * from "./documents";
export * from "./customer";
