/**
 * A command of the deployment: an argv run without a shell, and optionally a
 * secret fed on its standard input (so a secret value is never an argument,
 * never in `ps`, never printed).
 */
export interface SecretInput {
  /** Where the value comes from, as printed (`$VAR` or `file …`); never the value. */
  describe: string;
  value: () => string;
}

export interface Command {
  argv: string[];
  stdin?: SecretInput;
}

const SAFE = /^[A-Za-z0-9_\-.,:/=@%+]+$/;

/** POSIX shell quoting: the printed line runs as is in bash. */
export function shellQuote(argv: readonly string[]): string {
  return argv.map((a) => (SAFE.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}

/** One printed line: the command, plus a comment naming what goes on its standard input. */
export function commandLine(cmd: Command): string {
  const line = shellQuote(cmd.argv);
  return cmd.stdin ? `${line}  # stdin: ${cmd.stdin.describe}` : line;
}

const DELIMITERS = [",", "|", ";", "#", "~", "!"];

/**
 * KEY=VALUE pairs for gcloud's list flags (`--set-env-vars`, `--set-secrets`).
 * gcloud splits on commas unless the value starts with `^D^` naming another
 * delimiter (`gcloud topic escaping`), so a value holding a comma (a sender
 * name like "Lefèvre, SARL") is kept whole.
 */
export function keyValueList(pairs: Record<string, string>): string {
  const items = Object.entries(pairs).map(([k, v]) => `${k}=${v}`);
  const delimiter = DELIMITERS.find((d) => items.every((i) => !i.includes(d)));
  if (delimiter === undefined) throw new Error(`No list delimiter fits these values: ${Object.keys(pairs).join(", ")}`);
  return delimiter === "," ? items.join(",") : `^${delimiter}^${items.join(delimiter)}`;
}
