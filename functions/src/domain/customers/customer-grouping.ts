/**
 * Which customers copied into deposits, invoices, payments and credits are
 * one and the same (issue #16): a company by its SIREN; a consumer by
 * e-mail (case folded), then by name (case, accents, spaces and punctuation
 * folded). A consumer seen without e-mail joins the one e-mail group that
 * bears the same name; with none, or several (two people, same name), it
 * stays a group of its own — merging them is a person's decision.
 */

/** A customer as a document carries it, with its matching key (model/amounts.ts `customerKey`). */
export interface CustomerSighting {
  key: string;
  customer: { name: string; kind: "b2b" | "b2c"; siren?: string; email?: string; address?: string; vatNumber?: string };
}

/** One customer found among the sightings: its keys, the identity its record starts from. */
export interface CustomerGroup {
  /** Every key of the group, strongest first (SIREN, then e-mail, then name): the record's id comes from the first. */
  keys: string[];
  /** The identity the record starts from: the last sighting of the strongest key. */
  customer: CustomerSighting["customer"];
  /** How many sightings the group holds. */
  sightings: number;
}

/** « Hôtel  Bellevue, S.A.R.L. » and « hotel bellevue sarl » fold alike. */
export function foldedName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const STRENGTH = ["siren:", "email:", "name:"];
const strength = (key: string) => {
  const i = STRENGTH.findIndex((p) => key.startsWith(p));
  return i < 0 ? STRENGTH.length : i;
};
const byStrength = (a: string, b: string) => strength(a) - strength(b) || a.localeCompare(b);

/** The groups of `sightings`: companies and e-mails in the order first seen, then the names seen alone. */
export function groupCustomers(sightings: readonly CustomerSighting[]): CustomerGroup[] {
  const groups = new Map<string, { keys: Set<string>; sightings: CustomerSighting[] }>();
  const add = (groupKey: string, s: CustomerSighting) => {
    const g = groups.get(groupKey) ?? { keys: new Set<string>(), sightings: [] };
    g.keys.add(s.key);
    g.sightings.push(s);
    groups.set(groupKey, g);
  };
  const nameOnly: CustomerSighting[] = [];
  // Names borne by each consumer e-mail: where a sighting without e-mail may go.
  const emailsOfName = new Map<string, Set<string>>();
  for (const s of sightings) {
    const c = s.customer;
    if (c.kind === "b2b" && c.siren) add(`siren:${c.siren}`, s);
    else if (c.email) {
      const email = c.email.toLowerCase();
      add(`b2c-email:${email}`, s);
      const name = foldedName(c.name);
      emailsOfName.set(name, (emailsOfName.get(name) ?? new Set()).add(email));
    } else nameOnly.push(s);
  }
  for (const s of nameOnly) {
    const name = foldedName(s.customer.name);
    const emails = [...(emailsOfName.get(name) ?? [])];
    add(emails.length === 1 ? `b2c-email:${emails[0]}` : `${s.customer.kind}-name:${name}`, s);
  }
  return [...groups.values()].map((g) => {
    const keys = [...g.keys].sort(byStrength);
    const strongest = g.sightings.filter((s) => s.key === keys[0]);
    return { keys, customer: strongest[strongest.length - 1].customer, sightings: g.sightings.length };
  });
}
