import { DeployFailed } from "../runner";
import { gcloud } from "../deploy-context";
import type { Step } from "./step";

/** firebase-tools from this repository's devDependencies (pinned), never fetched at deploy time. */
export const FIREBASE_BIN = "node_modules/.bin/firebase";

export const firestore: Step = {
  title: "2. Firestore: database, rules and indexes, TTL of the idempotency records",
  async run(ctx) {
    const { ops } = ctx;
    const location = ctx.config.firestore.location;
    const existing = await ops.read(
      gcloud(ctx, "firestore", "databases", "describe", "--database=(default)", "--format=value(type,locationId)"),
    );
    if (existing === null) {
      await ops.run(
        gcloud(
          ctx,
          "firestore",
          "databases",
          "create",
          "--database=(default)",
          `--location=${location}`,
          "--type=firestore-native",
          "--delete-protection",
        ),
      );
    } else {
      const [type, actual] = existing.trim().split(/\s+/);
      if (type !== "FIRESTORE_NATIVE")
        throw new DeployFailed(`The project's (default) database is ${type}; Acompte needs Firestore in native mode.`);
      // A database's location is fixed for life: say so, change nothing.
      if (actual !== location)
        ops.warn(`the (default) database is in ${actual}, not ${location} (firestore.location); it is kept.`);
    }

    // firebase.json names firestore.rules and firestore.indexes.json. Without --force an index
    // that exists in the project but not in the file is reported, not deleted.
    await ops.run({
      argv: [FIREBASE_BIN, "deploy", "--only", "firestore", "--project", ctx.project, "--non-interactive"],
    });

    const ttl = await ops.read(
      gcloud(
        ctx,
        "firestore",
        "indexes",
        "fields",
        "describe",
        "expiresAt",
        "--collection-group=idempotency",
        "--format=value(ttlConfig.state)",
      ),
    );
    if (ttl === null || !["ACTIVE", "CREATING"].includes(ttl.trim())) {
      await ops.run(
        gcloud(
          ctx,
          "firestore",
          "fields",
          "ttls",
          "update",
          "expiresAt",
          "--collection-group=idempotency",
          "--enable-ttl",
          "--async",
        ),
      );
    }
  },
};
