import { DEMO_COMPANIES } from "../../functions/dev/demo-data/companies";
import { EngineValidationError, documentReadiness, parseInput } from "../../functions/src/domain";
import { companySettingsSchema } from "../../functions/src/workflow/bodies/company-body";
import { documentSeller } from "../../functions/src/workflow/company-settings";
import { runConfigureCompany } from "../../functions/tools/configure-company";
import { testFirestore } from "../support/firestore";

const store = testFirestore("company");
const db = store.db;

const configuration = {
  settings: {
    name: "Ébénisterie Martin SARL",
    siren: "732829320",
    vatOnDebits: false,
    arrhesVatOnReceipt: true,
    accounts: { salesGoods: "7071" },
    approvalThreshold: "3000.00",
    paymentTerms: { kind: "days", days: 45 },
  },
  reminderSettings: {
    companyName: "Ébénisterie Martin",
    recipients: { treasury: ["tresorerie@martin.test"], accounting: ["compta@martin.test"] },
  },
};

async function allDocuments(): Promise<string[]> {
  const company = db.doc("companies/martin");
  const paths: string[] = [];
  if ((await company.get()).exists) paths.push(company.path);
  for (const collection of await company.listCollections())
    for (const doc of (await collection.get()).docs) paths.push(doc.ref.path);
  return paths.sort();
}

beforeEach(() => store.clear());
afterAll(() => store.close());

describe("configure-company (operator script)", () => {
  it("creates the company with its settings and first admin, with an audit event", async () => {
    await runConfigureCompany(db, "martin", configuration, "Gerant@Martin.test");

    const company = (await db.doc("companies/martin").get()).data()!;
    // A new company issues its documents unless the body says otherwise (#13).
    expect(company.settings).toEqual({ ...configuration.settings, documentsEnabled: true });
    expect(company.reminderSettings).toMatchObject({
      companyName: "Ébénisterie Martin",
      dunning: { levelDays: [7, 21, 45] },
    });
    expect((await db.doc("companies/martin/users/gerant@martin.test").get()).get("roles")).toEqual(["admin"]);
    const events = (await db.collection("companies/martin/events").get()).docs.map((d) => d.data());
    expect(events.map((e) => e.type).sort()).toEqual(["company.created", "user.roles_set"]);
    expect(events.find((e) => e.type === "company.created")!.before).toBeNull();
  });

  it("changes the settings later, keeping the bound spreadsheets and recording before and after", async () => {
    await runConfigureCompany(db, "martin", configuration);
    await db.doc("companies/martin").update({ spreadsheetIds: ["sheet-1"] });

    const changed = { settings: { ...configuration.settings, approvalThreshold: "8000.00" } };
    await runConfigureCompany(db, "martin", changed);

    const company = (await db.doc("companies/martin").get()).data()!;
    expect(company.settings.approvalThreshold).toBe("8000.00");
    expect(company.spreadsheetIds).toEqual(["sheet-1"]);
    expect(company.reminderSettings.companyName).toBe("Ébénisterie Martin");
    const change = (
      await db.collection("companies/martin/events").where("type", "==", "company.settings_changed").get()
    ).docs[0].data();
    expect(change.before.settings.approvalThreshold).toBe("3000.00");
    expect(change.after.settings.approvalThreshold).toBe("8000.00");
  });

  it("documentsEnabled: a body that does not say keeps what is stored; a company configured before #13 stays off", async () => {
    await runConfigureCompany(db, "martin", { settings: { ...configuration.settings, documentsEnabled: false } });
    await runConfigureCompany(db, "martin", { settings: { ...configuration.settings, approvalThreshold: "8000.00" } });
    expect((await db.doc("companies/martin").get()).get("settings.documentsEnabled")).toBe(false);

    // Stored before the field existed: no documentsEnabled, off; re-running the script for another change keeps it so.
    await db.doc("companies/old").set({ settings: configuration.settings, createdAt: new Date() });
    await runConfigureCompany(db, "old", { settings: { ...configuration.settings, approvalThreshold: "8000.00" } });
    const old = (await db.doc("companies/old").get()).get("settings");
    expect(old.approvalThreshold).toBe("8000.00");
    expect(old).not.toHaveProperty("documentsEnabled");
    // Until an admin turns it on.
    await runConfigureCompany(db, "old", { settings: { ...configuration.settings, documentsEnabled: true } });
    expect((await db.doc("companies/old").get()).get("settings.documentsEnabled")).toBe(true);
  });

  it("stores the seller's legal identity in its normalised form", async () => {
    const identity = {
      siren: "542 107 651",
      legalForm: "SAS",
      shareCapital: "50000.00",
      address: { line1: "12 rue des Artisans", postcode: "69003", city: "Lyon" },
      siret: "542 107 651 13030",
      rcsCity: "Lyon",
      vatNumber: "fr 13 542107651",
    };
    await runConfigureCompany(db, "martin", { settings: { ...configuration.settings, ...identity } });

    const settings = (await db.doc("companies/martin").get()).get("settings");
    expect(settings).toMatchObject({
      siren: "542107651",
      siret: "54210765113030",
      vatNumber: "FR13542107651",
      address: { line1: "12 rue des Artisans", postcode: "69003", city: "Lyon", country: "FR" },
    });
  });

  it("the demo companies carry a valid, complete legal identity: documents can be issued to a professional customer", () => {
    const customer = {
      name: "Hôtel Bellevue SARL",
      kind: "b2b" as const,
      siren: "732829320",
      address: "12 quai des Brumes\n69002 Lyon",
    };
    for (const company of DEMO_COMPANIES) {
      expect(parseInput(companySettingsSchema, company.settings)).toEqual(company.settings);
      expect(documentReadiness(company.settings, customer)).toEqual([]);
    }
    // Without it (every company configured before), the same customer gets the list of what is missing.
    expect(documentReadiness(configuration.settings, customer).map((m) => m.path)).toEqual([
      "settings.address",
      "settings.vatNumber",
      "settings.legalForm",
    ]);
    expect(documentSeller({ ...DEMO_COMPANIES[0].settings, bankIban: "FR7630006000011234567890189" })).toMatchObject({
      siren: "552100554",
      vatNumber: "FR96552100554",
      iban: "FR7630006000011234567890189",
      vatOnDebits: false,
    });
  });

  it.each([
    [{ siren: "12345" }, /SIREN a 9 chiffres/],
    [{ siren: "732829321" }, /SIREN : clé de contrôle incorrecte/],
    [{ siret: "73282932000075" }, /SIRET : clé de contrôle incorrecte/],
    [{ siret: "54210765113030" }, /SIRET : ne commence pas par le SIREN 732829320/],
    [
      { vatNumber: "FR45732829320" },
      /Numéro de TVA intracommunautaire : clé incorrecte pour ce SIREN : FR44732829320 attendu/,
    ],
    [{ vatNumber: "FR13542107651" }, /Numéro de TVA intracommunautaire : ne correspond pas au SIREN 732829320/],
    [
      { address: { line1: "1 rue X", postcode: "6900", city: "Lyon" } },
      /Code postal : un code postal français a 5 chiffres/,
    ],
    [{ address: { postcode: "69003", city: "Lyon" } }, /Adresse : obligatoire/],
    [{ shareCapital: "0.00" }, /Capital social/],
    [{ approvalThreshold: "-1.00" }, /Seuil d'approbation : le montant ne peut pas être négatif/],
    [{ paymentTerms: { kind: "days", days: 90 } }, /60 jours au plus/],
    [{ accounts: { bank: "abc" } }, /numéro de compte du plan comptable invalide/],
    [{ fiscalYearEnd: "02-29" }, /Clôture de l'exercice : doit être un jour de clôture MM-JJ qui existe chaque année/],
    [{ fiscalYearEnd: "6/30" }, /Clôture de l'exercice : doit être un jour de clôture MM-JJ/],
    [{ journalSheetMonths: 0 }, /Mois affichés dans la feuille Écritures : au moins 1 mois/],
    [{ color: "blue" }, /color/],
  ])("refuses %j with a French message and writes nothing", async (override, message) => {
    const bad = { settings: { ...configuration.settings, ...override } };
    const attempt = runConfigureCompany(db, "martin", bad);
    await expect(attempt).rejects.toThrow(EngineValidationError);
    await expect(runConfigureCompany(db, "martin", bad)).rejects.toThrow(message);
    expect(await allDocuments()).toEqual([]);
  });
});
