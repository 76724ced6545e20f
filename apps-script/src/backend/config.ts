/**
 * Where the functions live and which company this spreadsheet belongs to.
 * The URL and audience are per deployment (Script Properties, set by an admin
 * in the script editor); the company is per spreadsheet, so a company linked
 * through the menu (Document Properties) wins over the deployment default.
 */
export const PROPERTY = {
  apiUrl: "ACOMPTE_API_URL",
  audience: "ACOMPTE_AUDIENCE",
  companyId: "ACOMPTE_COMPANY_ID",
} as const;

export interface AddonConfig {
  apiUrl: string;
  /** The OAuth client id the functions expect as the ID token's audience; optional check. */
  audience: string | null;
  companyId: string;
}

export class ConfigMissingError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `Le module Acompte n'est pas configuré : ${missing.join(", ")} manquant. ` +
        "Un administrateur doit renseigner ces propriétés du script (voir la documentation d'installation).",
    );
  }
}

export function readConfig(): AddonConfig {
  const script = PropertiesService.getScriptProperties();
  const document = PropertiesService.getDocumentProperties();
  const apiUrl = (script.getProperty(PROPERTY.apiUrl) ?? "").trim().replace(/\/+$/, "");
  const audience = (script.getProperty(PROPERTY.audience) ?? "").trim() || null;
  const companyId =
    (document?.getProperty(PROPERTY.companyId) ?? "").trim() || (script.getProperty(PROPERTY.companyId) ?? "").trim();
  const missing: string[] = [];
  if (!apiUrl) missing.push(PROPERTY.apiUrl);
  if (!companyId) missing.push(PROPERTY.companyId);
  if (missing.length > 0) throw new ConfigMissingError(missing);
  return { apiUrl, audience, companyId };
}
