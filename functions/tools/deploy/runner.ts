/**
 * How the steps touch the world. The steps only describe commands; a runner
 * either prints them (dry run) or runs them, and masks every secret value it
 * was told about in anything it prints.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { Command, commandLine } from "./command";

export interface Ops {
  readonly dryRun: boolean;
  /** A step's title, printed as a `# …` comment line. */
  section(title: string): void;
  /** A command that changes something. Dry run: printed, not run. */
  run(cmd: Command, options?: { retryWhile?: RegExp }): Promise<void>;
  /**
   * A read-only command (describe, access): its standard output, or null when
   * what it reads does not exist. Dry run: null, nothing printed, so each
   * describe-then-create step prints its create form.
   */
  read(cmd: Command): Promise<string | null>;
  /** A value never to print (a secret read from its source). */
  secret(value: string): void;
  warn(text: string): void;
}

/** A command that failed; its message is already masked. Exit code 1. */
export class DeployFailed extends Error {}

/** Where the runner prints: text to standard output or error (already masked when it gets here). */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Output = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

abstract class BaseOps implements Ops {
  abstract readonly dryRun: boolean;
  private readonly secrets = new Set<string>();

  constructor(protected readonly output: Output) {}

  secret(value: string): void {
    if (value.length > 0) this.secrets.add(value);
  }

  protected mask(text: string): string {
    let masked = text;
    for (const s of this.secrets) masked = masked.split(s).join("***");
    return masked;
  }

  section(title: string): void {
    this.output.out(`# ${title}\n`);
  }

  warn(text: string): void {
    this.output.err(`warning: ${this.mask(text)}\n`);
  }

  abstract run(cmd: Command, options?: { retryWhile?: RegExp }): Promise<void>;
  abstract read(cmd: Command): Promise<string | null>;
}

export class DryRunOps extends BaseOps {
  readonly dryRun = true;

  constructor(output: Output = stdio) {
    super(output);
  }

  async run(cmd: Command): Promise<void> {
    this.output.out(`${this.mask(commandLine(cmd))}\n`);
  }

  async read(): Promise<string | null> {
    return null;
  }
}

/** What gcloud says when the thing described is not there (as opposed to a refusal or an outage). */
const ABSENT = /NOT_FOUND|not found|does not exist|status=\[404\]/i;

interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

export class LiveOps extends BaseOps {
  readonly dryRun = false;

  constructor(
    private readonly cwd: string,
    output: Output = stdio,
    private readonly retryDelayMs = 5000,
  ) {
    super(output);
  }

  async run(cmd: Command, options: { retryWhile?: RegExp } = {}): Promise<void> {
    const line = this.mask(commandLine(cmd));
    for (let attempt = 1; ; attempt++) {
      this.output.out(`+ ${line}\n`);
      const result = await this.spawn(cmd, true);
      if (result.code === 0) return;
      // A service account created seconds ago may not be visible to IAM yet.
      if (options.retryWhile?.test(result.stderr) && attempt < 6) {
        await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
        continue;
      }
      throw new DeployFailed(`Command failed (exit ${result.code}): ${line}`);
    }
  }

  async read(cmd: Command): Promise<string | null> {
    const result = await this.spawn(cmd, false);
    if (result.code === 0) return result.stdout;
    if (ABSENT.test(result.stderr)) return null;
    throw new DeployFailed(
      `Command failed (exit ${result.code}): ${this.mask(commandLine(cmd))}\n${this.mask(result.stderr.trim())}`,
    );
  }

  /** Runs without a shell; `echo` forwards the command's output (masked) as it comes. */
  private spawn(cmd: Command, echo: boolean): Promise<Finished> {
    return new Promise((resolve, reject) => {
      const [name, ...args] = cmd.argv;
      // A path such as node_modules/.bin/firebase is relative to the repository, not to PATH.
      const file = name.includes("/") ? path.resolve(this.cwd, name) : name;
      const child = spawn(file, args, { cwd: this.cwd, stdio: [cmd.stdin ? "pipe" : "ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (echo) this.output.out(this.mask(chunk));
      });
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
        stderr += chunk;
        if (echo) this.output.err(this.mask(chunk));
      });
      child.on("error", (error) => reject(new DeployFailed(`Cannot run ${file}: ${error.message}`)));
      child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
      if (cmd.stdin) child.stdin!.end(cmd.stdin.value());
    });
  }
}
