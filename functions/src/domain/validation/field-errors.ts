import { z } from "zod";
import { EngineValidationError, FieldError } from "../errors/engine-error";

/** French names of the fields users meet, to name them in messages. */
const FIELD_LABELS: Record<string, string> = {
  net: "montant HT",
  vat: "montant de TVA",
  gross: "montant TTC",
  vatRate: "taux de TVA",
  amount: "montant",
  percent: "pourcentage",
  lines: "lignes",
  date: "date",
  dueDate: "date d'échéance",
  firstDate: "date de la première échéance",
  approvalDate: "date d'approbation",
  invoiceDate: "date de facture",
  paidDate: "date d'encaissement",
  cashedDate: "date d'encaissement",
  asOf: "date d'arrêté",
  number: "numéro",
  invoiceNumber: "numéro de facture",
  outstanding: "reste dû",
  reason: "motif",
  scope: "étendue du remboursement",
  schedule: "échéancier",
  count: "nombre d'échéances",
  intervalMonths: "intervalle en mois",
  instalments: "échéances",
  kind: "type",
  customerKind: "type de client",
  supplyKind: "nature de l'opération",
  deposit: "acompte",
  order: "commande",
  keepAsCredit: "montant gardé en avoir",
  offsets: "compensations",
  terminationDate: "date de résolution",
  refundDate: "date de remboursement",
  deliveryDate: "date de livraison",
  receivables: "encours clients",
  sales: "chiffre d'affaires",
  days: "nombre de jours",
  months: "mois",
  month: "mois",
  contractRate: "taux contractuel",
  claimDate: "date de la réclamation",
  settlements: "règlements",
  earlierClaims: "réclamations précédentes",
  penalties: "pénalités",
  indemnity: "indemnité forfaitaire",
  claimIndemnity: "indemnité forfaitaire réclamée",
  items: "éléments",
  name: "nom",
  address: "adresse",
  email: "adresse e-mail",
  orderRef: "référence de commande",
  label: "libellé",
  comment: "commentaire",
  disputeReason: "motif du litige",
  promiseUntil: "date de promesse de paiement",
  paidOn: "date de paiement",
  // Bodies of the api and the sheets (a field a message may name).
  customer: "client",
  siren: "SIREN",
  depositId: "acompte",
  customerCreditId: "crédit client",
  paymentMeans: "moyen de paiement",
  total: "total",
  amountDue: "net à payer",
  depositsDeducted: "acomptes déduits",
  invoiceIds: "factures",
  invoice: "facture",
  deposits: "acomptes",
  settlement: "règlement",
  choice: "choix de règlement",
  approvalThreshold: "seuil d'approbation",
  paymentTerms: "conditions de paiement",
  paymentTermsDays: "délai de paiement (jours)",
  penaltyRate: "taux de pénalités",
  paymentPromiseMaxMonths: "durée maximale d'une promesse de paiement (mois)",
  fiscalYearEnd: "clôture de l'exercice",
  journalSheetMonths: "mois affichés dans la feuille Écritures",
  separator: "séparateur",
  roles: "rôles",
  plan: "échéancier",
  executionDate: "date d'exécution",
  reference: "référence",
  n: "numéro d'échéance",
  to: "fin de période",
  from: "début de période",
  first: "début",
  disputed: "litige",
  arrhesVatOnReceipt: "TVA sur les arrhes à l'encaissement",
  spreadsheetId: "identifiant du classeur",
  anchorText: "texte d'ancrage",
  anchor: "ancrage",
  heads: "séries",
  hash: "empreinte",
  means: "moyen de paiement",
  iban: "IBAN",
  bic: "BIC",
  bankIban: "IBAN du compte de l'entreprise",
  bankBic: "BIC du compte de l'entreprise",
  documentsEnabled: "émission des factures et avoirs en fichier",
  contentBase64: "contenu du fichier (base64)",
  fileName: "nom du fichier",
  sendDocuments: "envoi des documents au client par e-mail",
  upTo: "date limite des échéances",
  legalForm: "forme juridique",
  shareCapital: "capital social",
  siret: "SIRET",
  rcsCity: "ville d'immatriculation au RCS",
  vatNumber: "numéro de TVA intracommunautaire",
  line1: "adresse",
  line2: "complément d'adresse",
  postcode: "code postal",
  city: "ville",
  country: "pays",
  file: "fichier du relevé",
  ibanChangeHoldDays: "délai de confirmation d'un changement d'IBAN (jours)",
  statementCsv: "colonnes du relevé CSV",
  decimalComma: "virgule décimale",
  dateFormat: "format des dates",
  columns: "colonnes",
  bookingDate: "date d'opération",
  valueDate: "date de valeur",
  debit: "débit",
  credit: "crédit",
  counterpartyName: "nom du tiers",
  counterpartyIban: "IBAN du tiers",
  endToEndId: "référence de bout en bout",
  format: "format du relevé",
  itemKind: "type de pièce",
  itemId: "pièce",
  // Customer risk (domain/customers): the profile's input, the thresholds, the policy, credit insurance.
  invoiceId: "identifiant de facture",
  issuedOn: "date de facture",
  openAmount: "reste dû",
  payments: "règlements",
  // A payment's `on` (risk inputs) is named by its path below; alone, `on` is the day of a claim's step.
  on: "date",
  status: "statut",
  dunningLevel: "niveau de relance",
  factored: "facture affacturée",
  ordersInProgress: "commandes en cours",
  depositsHeld: "acomptes détenus",
  creditLimit: "limite de crédit",
  insuredLimit: "limite assurée",
  riskClass: "classe de risque",
  newAmount: "montant de la commande",
  ...riskThresholdLabels(),
  riskThresholds: "seuils des classes de risque",
  depositPolicy: "politique d'acompte par classe",
  overCreditLimitClass: "classe au-delà de la limite de crédit",
  overInsuredLimitClass: "classe au-delà de la limite assurée",
  trendWorseningDays: "hausse des retards signalée (jours)",
  depositPercent: "pourcentage d'acompte",
  beforeProduction: "acompte encaissé avant production",
  insurer: "assureur",
  insurers: "assureurs-crédit",
  daysAfterDue: "délai de déclaration après échéance (jours)",
  remindDaysBefore: "rappel avant la date limite (jours)",
  declaredOn: "date de déclaration à l'assureur",
  // The customer record (domain/customers/customer-schema.ts).
  billingAddress: "adresse de facturation",
  deliveryAddress: "adresse de livraison",
  invoiceContact: "contact pour les factures",
  dunningContact: "contact pour les relances",
  phone: "téléphone",
  insurance: "assurance-crédit",
  grantedOn: "date d'octroi de la garantie",
  factoring: "affacturage",
  factor: "factor",
  factors: "factors",
  segment: "segment",
  into: "fiche conservée",
};

/** « seuil de retard moyen pondéré de la classe B (jours) »… one label per threshold of risk-thresholds.ts. */
function riskThresholdLabels(): Record<string, string> {
  const criteria = {
    daysLate: ["seuil de retard moyen pondéré de la classe ", " (jours)"],
    lateShare: ["seuil de part de factures en retard de la classe ", ""],
    dunningLevel: ["seuil de niveau de relance de la classe ", ""],
    brokenPromises: ["seuil de promesses non tenues de la classe ", ""],
    disputes: ["seuil de litiges de la classe ", ""],
  };
  return Object.fromEntries(
    Object.entries(criteria).flatMap(([criterion, [before, after]]) =>
      ["B", "C", "D"].map((c) => [`${criterion}${c}`, `${before}${c}${after}`]),
    ),
  );
}

/** « pourcentage d'acompte de la classe C »: the deposit policy's fields, alone or in the settings. */
function depositPolicyPathLabels(): Record<string, string> {
  const fields = {
    depositPercent: "pourcentage d'acompte",
    paymentTermsDays: "délai de paiement (jours)",
    beforeProduction: "acompte encaissé avant production",
  };
  return Object.fromEntries(
    ["A", "B", "C", "D"].flatMap((c) =>
      Object.entries(fields).flatMap(([field, label]) => [
        [`${c}.${field}`, `${label} de la classe ${c}`],
        [`depositPolicy.${c}.${field}`, `${label} de la classe ${c}`],
        // As the configuration (configure-company) nests it.
        [`settings.depositPolicy.${c}.${field}`, `${label} de la classe ${c}`],
      ]),
    ),
  );
}

/** Where the last key alone says too little: the label of the whole path (indexes left out). */
const PATH_LABELS: Record<string, string> = {
  allocations: "pièces rapprochées",
  "allocations.amount": "montant rapproché",
  "scope.amount": "montant à rembourser",
  "scope.lines": "montants HT à rembourser",
  "scope.lines.net": "montant HT à rembourser",
  "scope.kind": "étendue du remboursement",
  "schedule.date": "date du paiement",
  "schedule.kind": "type d'échéancier",
  "schedule.instalments.amount": "montant de l'échéance",
  "deposit.amount": "montant de l'acompte",
  "deposit.percent": "pourcentage d'acompte",
  "insurer.name": "nom de l'assureur",
  "payments.on": "date du règlement",
  "invoices.payments.on": "date du règlement",
  "insurers.name": "nom de l'assureur",
  "insurers.email": "e-mail de l'assureur",
  // As configure-company reports them (under `settings`).
  "settings.insurers.name": "nom de l'assureur",
  "settings.insurers.email": "e-mail de l'assureur",
  "factors.name": "nom du factor",
  "factors.iban": "IBAN du factor",
  "factors.bic": "BIC du factor",
  "factors.account": "compte du factor",
  "factors.mention": "mention de subrogation",
  "settings.factors.name": "nom du factor",
  "settings.factors.iban": "IBAN du factor",
  "settings.factors.bic": "BIC du factor",
  "settings.factors.account": "compte du factor",
  "settings.factors.mention": "mention de subrogation",
  // A payment's part on factor accounts (paymentReceivedEntry).
  "factorShares.account": "compte du factor",
  "factorShares.amount": "montant réglé au factor",
  factorShares: "part du règlement sur les comptes de factor",
  "customer.name": "nom du client",
  ...depositPolicyPathLabels(),
  "insurance.limit": "montant garanti par l'assureur",
  "factoring.status": "statut d'affacturage",
  "invoiceContact.email": "e-mail du contact pour les factures",
  "invoiceContact.name": "nom du contact pour les factures",
  "dunningContact.email": "e-mail du contact pour les relances",
  "dunningContact.name": "nom du contact pour les relances",
};

/** The French name of a field (`vatRate` → « taux de TVA »), if users meet it. */
export function fieldLabel(name: string): string | undefined {
  return Object.hasOwn(FIELD_LABELS, name) ? FIELD_LABELS[name] : undefined;
}

/**
 * How a message names the field at `path`: by its French label and, in a
 * list, its line (`scope.lines.0.net` → « Montant HT (ligne 1) »), never by
 * the JSON path, which stays in the detail's `path` for programs.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "La requête";
  const isIndex = (p: PropertyKey) => typeof p === "number" || (typeof p === "string" && /^\d+$/.test(p));
  const last = [...path].reverse().find((p) => typeof p === "string" && !isIndex(p));
  const index = [...path].reverse().find(isIndex);
  const keys = path
    .filter((p) => !isIndex(p))
    .map(String)
    .join(".");
  const label = Object.hasOwn(PATH_LABELS, keys)
    ? PATH_LABELS[keys]
    : typeof last === "string" && Object.hasOwn(FIELD_LABELS, last)
      ? FIELD_LABELS[last]
      : undefined;
  const position = index !== undefined ? ` (ligne ${Number(index) + 1})` : "";
  if (label) return capitalise(label) + position;
  return `Champ « ${typeof last === "string" ? last : "?"} »${position}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "une chaîne",
  number: "un nombre",
  boolean: "un booléen (true ou false)",
  object: "un objet",
  array: "une liste",
  integer: "un nombre entier",
};

/** The French problem text of one zod issue (without the field name). */
function problemOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "custom":
      return issue.message;
    case "invalid_type":
      if (("input" in issue && issue.input === undefined) || /received undefined$/.test(issue.message))
        return "obligatoire, absent";
      if (/^(Invalid input|Expected)/.test(issue.message))
        return `doit être ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      return issue.message;
    case "unrecognized_keys":
      return `champ inconnu, refusé`;
    case "invalid_value":
      return /^Invalid/.test(issue.message)
        ? `valeur refusée (valeurs admises : ${issue.values.map(String).join(", ")})`
        : issue.message;
    case "too_small":
      if (!/^Too small/.test(issue.message)) return issue.message;
      return issue.origin === "array"
        ? `au moins ${issue.minimum} élément(s) attendu(s)`
        : `doit valoir au moins ${issue.minimum}`;
    case "too_big":
      if (!/^Too big/.test(issue.message)) return issue.message;
      return issue.origin === "array"
        ? `au plus ${issue.maximum} élément(s) admis`
        : `doit valoir au plus ${issue.maximum}`;
    case "invalid_union":
      if (!/^Invalid/.test(issue.message)) return issue.message;
      return "forme non reconnue (vérifiez le champ « kind » et les champs qui l'accompagnent)";
    case "invalid_format":
      return /^Invalid/.test(issue.message) ? "format invalide" : issue.message;
    default:
      return /^[A-Z][a-z]+ /.test(issue.message) && !/[éèàç]/.test(issue.message) ? "valeur invalide" : issue.message;
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A ZodError as the API's `details`: one `{ path, message }` per problem,
 * `path` dotted (`lines.0.vatRate`), `message` French and naming the field by its label.
 * Unknown fields give one entry each, at their own path.
 */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({ path: path.map(String).join("."), message: `${fieldName(path)} : champ inconnu, refusé.` });
      }
      continue;
    }
    out.push({ path: issue.path.map(String).join("."), message: `${fieldName(issue.path)} : ${problemOf(issue)}.` });
  }
  return out.map((d) => ({ ...d, message: capitalise(d.message) }));
}

/**
 * Parses with `schema` or throws an EngineValidationError carrying the French details.
 *
 * @example
 * parseInput(schemas.netLinesSchema, [{ vatRate: "19.6", net: "100.00" }]);
 * // throws EngineValidationError { code: "VALIDATION_FAILED", details: [{ path: "0.vatRate",
 * //   message: "Taux de TVA (ligne 1) : taux de TVA inconnu « 19.6 » (taux admis : 20 %, 10 %, 5,5 %, 2,1 %, 0 %)." }] }
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // reportInput tells a missing field from a wrong type.
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new EngineValidationError(fieldErrors(result.error));
  return result.data;
}

/** One French detail about the field at `path` (dotted): "Montant à rembourser : <problem>." */
export function fieldProblem(path: string, problem: string): FieldError {
  return { path, message: capitalise(`${fieldName(path.split("."))} : ${problem}.`) };
}
