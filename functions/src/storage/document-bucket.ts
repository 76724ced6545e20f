import type { Bucket } from "@google-cloud/storage";

/**
 * Where issued documents are kept: a Cloud Storage bucket (with a retention
 * policy in production, functions/tools/deploy), or locally the project's
 * storage server (functions/testing/storage-server) through the same client.
 * An object is created once (`ifGenerationMatch: 0`) and never overwritten:
 * a retry of the same upload finds it there.
 */
export interface DocumentBucket {
  /** Creates the object unless it exists; false when it was already there (412). */
  createOnce(name: string, bytes: Uint8Array, contentType: string): Promise<boolean>;
  /** The object's bytes; null when there is none. */
  read(name: string): Promise<Buffer | null>;
}

/** Configuration from the environment: DOCUMENTS_BUCKET, and DOCUMENTS_STORAGE_ENDPOINT for a local server. */
export interface DocumentBucketConfig {
  bucket: string;
  apiEndpoint?: string;
}

export function documentBucketConfig(env: NodeJS.ProcessEnv = process.env): DocumentBucketConfig | null {
  if (!env.DOCUMENTS_BUCKET) return null;
  return {
    bucket: env.DOCUMENTS_BUCKET,
    ...(env.DOCUMENTS_STORAGE_ENDPOINT ? { apiEndpoint: env.DOCUMENTS_STORAGE_ENDPOINT } : {}),
  };
}

const code = (error: unknown) => (error as { code?: number }).code;

export function cloudDocumentBucket(config: DocumentBucketConfig): DocumentBucket {
  let bucket: Promise<Bucket> | null = null;
  // Loaded on first use: a function that never touches a document does not load the client (docs/cold-start.md).
  const opened = () =>
    (bucket ??= import("@google-cloud/storage").then(({ Storage }) =>
      // A local endpoint needs no credentials (the client sends none to a custom endpoint).
      new Storage(config.apiEndpoint ? { apiEndpoint: config.apiEndpoint, projectId: "demo-acompte" } : {}).bucket(
        config.bucket,
      ),
    ));
  return {
    async createOnce(name, bytes, contentType) {
      try {
        await (await opened()).file(name).save(Buffer.from(bytes), {
          resumable: false,
          contentType,
          preconditionOpts: { ifGenerationMatch: 0 },
        });
        return true;
      } catch (error) {
        if (code(error) === 412) return false;
        throw error;
      }
    },
    async read(name) {
      try {
        const [bytes] = await (await opened()).file(name).download();
        return bytes;
      } catch (error) {
        if (code(error) === 404) return null;
        throw error;
      }
    },
  };
}

let shared: { key: string; bucket: DocumentBucket } | null = null;

/** The configured bucket (one client per process); null when the deployment keeps no documents. */
export function documentBucketFromEnv(env: NodeJS.ProcessEnv = process.env): DocumentBucket | null {
  const config = documentBucketConfig(env);
  if (!config) return null;
  const key = `${config.apiEndpoint ?? ""}|${config.bucket}`;
  if (shared?.key !== key) shared = { key, bucket: cloudDocumentBucket(config) };
  return shared.bucket;
}
