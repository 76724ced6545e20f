/** The service's time source; tests and demo data inject a fixed one. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const parisDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Business date `YYYY-MM-DD` of an instant in France. */
export function parisDay(instant: Date): string {
  return parisDate.format(instant);
}
