import { ConfigError } from "./deploy-config";

export interface CliArgs {
  project: string;
  region: string;
  config: string;
  dryRun: boolean;
}

export const USAGE =
  "usage: npm run deploy -- --project <project-id> --region <region> [--config deploy.config.json] [--dry-run]";

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;

/** `--name value` or `--name=value`; anything unknown is an error (exit 2), never ignored. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const values: Record<string, string> = {};
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--dry-run") {
      dryRun = true;
      continue;
    }
    const m = /^--(project|region|config)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ConfigError(`Unknown argument: ${arg}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new ConfigError(`--${m[1]} needs a value\n${USAGE}`);
    values[m[1]] = value;
  }
  if (!values.project) throw new ConfigError(`--project is required\n${USAGE}`);
  if (!values.region) throw new ConfigError(`--region is required\n${USAGE}`);
  if (!PROJECT_ID.test(values.project))
    throw new ConfigError(`--project: not a Google Cloud project id: ${values.project}`);
  if (!REGION.test(values.region)) throw new ConfigError(`--region: not a Google Cloud region: ${values.region}`);
  return { project: values.project, region: values.region, config: values.config ?? "deploy.config.json", dryRun };
}
