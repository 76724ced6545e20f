/** Firestore document types of the workflow: one file per collection, layout in collections.ts. */
export * from "./amounts";
export * from "./anchor";
export * from "./chain";
export * from "./collections";
export * from "./company";
export * from "./credit-note";
export * from "./deposit";
export * from "./event";
export * from "./idempotency";
export * from "./invoice";
export * from "./journal-entry";
export * from "./payment";
export * from "./refund";
export * from "./roles";
export * from "./sequence";
export * from "./workbook";
export * from "./document";
