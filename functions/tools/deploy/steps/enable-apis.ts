import { gcloud } from "../deploy-context";
import type { Step } from "./step";

/**
 * Every API the deployment or the running functions call. firebaserules is
 * where firebase-tools uploads the Firestore rules; cloudresourcemanager
 * serves the project IAM bindings. Enabling an enabled API changes nothing.
 */
export const REQUIRED_APIS = [
  "firestore.googleapis.com",
  "firebaserules.googleapis.com",
  "cloudfunctions.googleapis.com",
  "run.googleapis.com",
  "cloudbuild.googleapis.com",
  "artifactregistry.googleapis.com",
  "cloudscheduler.googleapis.com",
  "secretmanager.googleapis.com",
  "iam.googleapis.com",
  "cloudresourcemanager.googleapis.com",
  "sheets.googleapis.com",
  "gmail.googleapis.com",
  "logging.googleapis.com",
  "storage.googleapis.com",
];

export const enableApis: Step = {
  title: "1. Enable the APIs",
  async run(ctx) {
    await ctx.ops.run(gcloud(ctx, "services", "enable", ...REQUIRED_APIS));
  },
};
