/**
 * Who may trigger a scheduled job, read from the environment: the settings
 * both jobs need, in a module of their own so that the dashboard loads no
 * mail code (the mail settings are in job-config). Local ID tokens (the
 * workflow's development key) are accepted only in its local mode on the
 * emulator, so a deployed function can never trust them.
 */
import { z } from "zod";
import { localPublicKeyFromEnv } from "../auth/auth-config";
import { LOCAL_ISSUER, LOCAL_KEY_ID } from "../auth/token-verifier";
import type { SchedulerAuthConfig } from "./scheduler-auth";

const list = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);

const schedulerEnv = z.object({
  SCHEDULER_AUDIENCE: z.string().min(1),
  SCHEDULER_SERVICE_ACCOUNTS: list.pipe(z.array(z.email()).min(1)),
});

/**
 * A configuration mistake of the deployment: its message names the
 * variables, for the operator's logs — never for the caller's answer.
 */
export class JobConfigError extends Error {}

/** The settings `schema` reads, or a JobConfigError naming every missing or invalid one. */
export function parsedJobEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new JobConfigError(`Configuration des tâches planifiées incomplète ou invalide : ${fields}`);
  }
  return result.data;
}

/** Who may trigger a job: both jobs need it. */
export function loadSchedulerAuth(env: NodeJS.ProcessEnv = process.env): SchedulerAuthConfig {
  const e = parsedJobEnv(schedulerEnv, env);
  const auth: SchedulerAuthConfig = { audience: e.SCHEDULER_AUDIENCE, allowedEmails: e.SCHEDULER_SERVICE_ACCOUNTS };
  const localKey = localSchedulerKey(env);
  if (localKey !== null) {
    auth.keys = async () => ({ [LOCAL_KEY_ID]: localKey });
    auth.issuers = [LOCAL_ISSUER];
  }
  return auth;
}

/** The workflow's local development key, under the api's own rule (auth-config): never when deployed. */
function localSchedulerKey(env: NodeJS.ProcessEnv): string | null {
  try {
    return localPublicKeyFromEnv(env);
  } catch (error) {
    throw new JobConfigError(`Tâches planifiées : mode local refusé (${(error as Error).message}).`);
  }
}
