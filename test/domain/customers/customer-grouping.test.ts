/** Which customers copied into documents are one customer (issue #16): SIREN for companies, e-mail then name for consumers. */
import fc from "fast-check";
import { foldedName, groupCustomers, type CustomerSighting } from "../../../functions/src/domain";

const company = (name: string, siren: string): CustomerSighting => ({
  key: `siren:${siren}`,
  customer: { name, kind: "b2b", siren },
});
const consumer = (name: string, email?: string): CustomerSighting => ({
  key: email ? `email:${email.toLowerCase()}` : `name:${name.trim().toLowerCase()}`,
  customer: { name, kind: "b2c", ...(email ? { email } : {}) },
});

test("a company is one customer per SIREN, whatever name it was typed under", () => {
  const groups = groupCustomers([
    company("Hôtel Bellevue SARL", "732829320"),
    company("HOTEL BELLEVUE", "732829320"),
    company("Garage Dupuis SAS", "552100554"),
  ]);
  expect(groups).toEqual([
    { keys: ["siren:732829320"], customer: expect.objectContaining({ name: "HOTEL BELLEVUE" }), sightings: 2 },
    { keys: ["siren:552100554"], customer: expect.objectContaining({ name: "Garage Dupuis SAS" }), sightings: 1 },
  ]);
});

test("a consumer by e-mail (case folded), then by name; a name alone joins the one e-mail that bears it", () => {
  const groups = groupCustomers([
    consumer("M. Martin", "Martin@Example.fr"),
    consumer("M. Martin", "martin@example.fr"),
    consumer("m. martin"),
    consumer("Mme Lefèvre"),
    consumer("MME  LEFEVRE"),
  ]);
  expect(groups.map((g) => [g.keys, g.sightings])).toEqual([
    [["email:martin@example.fr", "name:m. martin"], 3],
    [["name:mme  lefevre", "name:mme lefèvre"], 2],
  ]);
});

test("a name borne by two e-mails (two people) is left alone, not guessed", () => {
  const groups = groupCustomers([
    consumer("Marie Durand", "marie@a.fr"),
    consumer("Marie Durand", "marie@b.fr"),
    consumer("Marie Durand"),
  ]);
  expect(groups.map((g) => g.keys)).toEqual([["email:marie@a.fr"], ["email:marie@b.fr"], ["name:marie durand"]]);
});

test("a company and a consumer of the same name are two customers", () => {
  const groups = groupCustomers([company("Bellevue", "732829320"), consumer("Bellevue")]);
  expect(groups).toHaveLength(2);
});

test("folded names: accents, case, spaces and punctuation", () => {
  expect(foldedName("  Hôtel  Bellevue, S.A.R.L. ")).toBe("hotel bellevue s a r l");
  expect(foldedName("hotel bellevue s.a.r.l")).toBe(foldedName("Hôtel Bellevue S.A.R.L."));
});

test("properties: every sighting in exactly one group; every key once; the order of sightings does not change the groups", () => {
  const sighting = fc.oneof(
    fc.constantFrom("732829320", "552100554").map((s) => company("Société", s)),
    fc
      .tuple(fc.constantFrom("Mme Durand", "mme durand", "M. Roux"), fc.option(fc.constantFrom("a@x.fr", "B@x.fr")))
      .map(([n, e]) => consumer(n, e ?? undefined)),
  );
  fc.assert(
    fc.property(fc.array(sighting, { maxLength: 20 }), (sightings) => {
      const groups = groupCustomers(sightings);
      expect(groups.reduce((n, g) => n + g.sightings, 0)).toBe(sightings.length);
      const keys = groups.flatMap((g) => g.keys);
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(keys)).toEqual(new Set(sightings.map((s) => s.key)));
      const canon = (gs: typeof groups) => gs.map((g) => g.keys.join("|")).sort();
      expect(canon(groupCustomers([...sightings].reverse()))).toEqual(canon(groups));
    }),
  );
});
