import type { DeployContext } from "../deploy-context";
import { documentsBucketStep } from "./documents-bucket";
import { enableApis } from "./enable-apis";
import { firestore } from "./firestore";
import { functions } from "./functions";
import { schedules } from "./schedules";
import { secrets } from "./secrets";
import { serviceAccounts } from "./service-accounts";
import type { Step } from "./step";

/** The deployment, in order: each step relies on the ones before it. */
export const STEPS: readonly Step[] = [
  enableApis,
  firestore,
  serviceAccounts,
  documentsBucketStep,
  secrets,
  functions,
  schedules,
];

export async function runSteps(ctx: DeployContext): Promise<void> {
  for (const step of STEPS) {
    ctx.ops.section(step.title);
    await step.run(ctx);
  }
}
