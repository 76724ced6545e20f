// Entry module loaded by Cloud Functions: registers every function.
export {};
export { reminders, dashboard } from "./jobs/functions";
