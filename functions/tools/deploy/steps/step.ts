import type { DeployContext } from "../deploy-context";

/** One stage of the deployment; run in order, each one idempotent. */
export interface Step {
  title: string;
  run(ctx: DeployContext): Promise<void>;
}
