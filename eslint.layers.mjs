/**
 * The layers of functions/src/ (docs/architecture.md), enforced on every
 * import, `import type` included:
 *
 *   domain ← model ← storage ← application ← { http, sheets, jobs } ← entry points
 *
 * Each folder names the folders it may import besides itself; an import that
 * climbs out of the folder into any other folder of functions/src/, or out of
 * functions/src/ altogether, is an error. The rule is `no-restricted-imports`
 * with one regex per folder and depth, so the message names the arrow.
 */

const APPLICATION = ["domain", "model", "storage", "contract", "errors"];
const ADAPTER = [...APPLICATION, "auth", "workflow", "application", "integrity"];
const JOBS = [...ADAPTER, "mail", "outbox", "sheets"];
const APP = [...JOBS, "http", "jobs"];

/** Folder of functions/src/ → the folders it may import. */
export const LAYERS = {
  // The pure engine: nothing but itself and the pure packages below.
  domain: [],
  // Firestore document types and collection names.
  model: ["domain"],
  // Shared infrastructure every layer above the model may use; its codes are the contract's closed list.
  errors: ["domain", "contract"],
  auth: ["domain", "errors"],
  mail: ["domain", "errors"],
  // Transactions, series, chains, idempotency, the lease.
  storage: ["domain", "model", "errors"],
  // The wire shapes the API answers, shared with the add-on.
  contract: ["domain", "model"],
  // The application layer: command definitions (application/) and their handlers (workflow/).
  workflow: [...APPLICATION, "application"],
  // application/ reads bank files (commands' input) so workflows get domain entries.
  application: [...APPLICATION, "workflow", "integrity", "bank", "documents"],
  // Bank file formats (camt.053 reader): parse files into domain entries.
  bank: ["domain"],
  // Document files (the Factur-X PDF/A-3 renderer): sealed content in, bytes out, no storage.
  documents: ["domain"],
  // Tamper evidence reads the stored chains: beside the application layer.
  integrity: APPLICATION,
  // Reminder delivery, the jobs' infrastructure.
  outbox: ["domain", "model", "storage", "errors", "mail"],
  // The adapters over the application layer; sheets ↛ http.
  http: ADAPTER,
  sheets: ADAPTER,
  // Jobs publish their sheets through the sheets adapter (sheets never imports jobs).
  jobs: JOBS,
  // Entry points: app/ composes the api function, entry/ registers the functions.
  app: APP,
  entry: [...APP, "app"],
};

/**
 * The only packages the domain imports: pure computation, no I/O.
 * ibantools (IBAN/BIC checks, no dependencies) because issue #15 asks for a
 * maintained IBAN library rather than our own country table.
 */
const DOMAIN_PACKAGES = ["decimal.js", "zod", "ibantools"];

/**
 * Imports today's code still makes against the target, each to be removed by
 * the change named; a file listed here may import the folders given, and no
 * others beyond its layer's.
 */
export const TEMPORARY_EXCEPTIONS = [];

const FOLDERS = Object.keys(LAYERS);
const MAX_DEPTH = 4;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function patterns(folder, depth, extra = []) {
  const allowed = new Set([folder, ...LAYERS[folder], ...extra]);
  const up = `(\\.\\./){${depth + 1}}`;
  const forbidden = FOLDERS.filter((f) => !allowed.has(f));
  const result = [
    {
      regex: `^${up}(${forbidden.join("|")})(/|$)`,
      message: `functions/src/${folder}/ may import only ${[...LAYERS[folder], ...extra].join(", ") || "itself"} (eslint.layers.mjs).`,
    },
    {
      regex: `^(\\.\\./){${depth + 2},}`,
      message: "Product code imports nothing from outside functions/src/.",
    },
  ];
  if (folder === "domain")
    result.push({
      regex: `^(?!\\.|(${DOMAIN_PACKAGES.map(escape).join("|")})$)`,
      message: `The domain imports only ${DOMAIN_PACKAGES.join(" and ")}: no Firestore, no HTTP, no Node.`,
    });
  return result;
}

function rule(folder, depth, extra) {
  return { "no-restricted-imports": ["error", { patterns: patterns(folder, depth, extra) }] };
}

const filesAt = (folder, depth) => [`functions/src/${folder}/${"*/".repeat(depth)}*.ts`];

/** Flat-config entries: one per folder and depth, then the temporary exceptions. */
export function layerBoundaries() {
  const entries = [];
  for (const folder of FOLDERS)
    for (let depth = 0; depth <= MAX_DEPTH; depth++)
      entries.push({ files: filesAt(folder, depth), rules: rule(folder, depth) });
  for (const exception of TEMPORARY_EXCEPTIONS)
    for (const file of exception.files) {
      const [folder, ...rest] = file.replace("functions/src/", "").split("/");
      const extra = TEMPORARY_EXCEPTIONS.filter((e) => e.files.includes(file)).flatMap((e) => e.allow);
      entries.push({ files: [file], rules: rule(folder, rest.length - 1, extra) });
    }
  return entries;
}
