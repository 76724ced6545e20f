import { DeployContext, gcloud, runtimeAccount } from "../deploy-context";
import type { Step } from "./step";

/**
 * Invoices and credit notes are kept ten years (Code de commerce L123-22;
 * the tax authority's right of inspection, LPF L102 B, is six): the bucket's
 * retention policy forbids deleting or replacing an object before then.
 */
export const DOCUMENTS_RETENTION = "10y";

/** The bucket the issued documents are kept in (DOCUMENTS_BUCKET of the api and of the jobs that mail them). */
export function documentsBucket(ctx: DeployContext): string {
  return `${ctx.project}-acompte-documents`;
}

/** Cloud Storage's location for the Firestore one: the EU multi-region for `eur3`, else the same region. */
export function bucketLocation(firestoreLocation: string): string {
  return firestoreLocation === "eur3" ? "EU" : firestoreLocation;
}

/** The runtime creates objects (never overwrites: ifGenerationMatch 0) and reads them; it cannot delete any. */
export const BUCKET_ROLES = ["roles/storage.objectCreator", "roles/storage.objectViewer"];

export const documentsBucketStep: Step = {
  title: "4. Cloud Storage: the documents bucket, its retention policy, the runtime's access",
  async run(ctx) {
    const { ops } = ctx;
    const url = `gs://${documentsBucket(ctx)}`;
    const retention = await ops.read(
      gcloud(ctx, "storage", "buckets", "describe", url, "--format=value(retention_policy.retentionPeriod)"),
    );
    if (retention === null) {
      await ops.run(
        gcloud(
          ctx,
          "storage",
          "buckets",
          "create",
          url,
          `--location=${bucketLocation(ctx.config.firestore.location)}`,
          "--uniform-bucket-level-access",
          "--public-access-prevention",
          `--retention-period=${DOCUMENTS_RETENTION}`,
        ),
      );
    } else if (retention.trim() === "") {
      // A bucket made by hand without a policy gets one (a policy can be lengthened, never shortened once locked).
      await ops.run(gcloud(ctx, "storage", "buckets", "update", url, `--retention-period=${DOCUMENTS_RETENTION}`));
    }
    for (const role of BUCKET_ROLES)
      await ops.run(
        gcloud(
          ctx,
          "storage",
          "buckets",
          "add-iam-policy-binding",
          url,
          `--member=serviceAccount:${runtimeAccount(ctx)}`,
          `--role=${role}`,
          "--format=none",
        ),
      );
  },
};
