/** The service's time source; tests and demo data inject a fixed one. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
