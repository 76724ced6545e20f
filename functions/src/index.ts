// Entry module loaded by Cloud Functions: registers every function.
export {};
