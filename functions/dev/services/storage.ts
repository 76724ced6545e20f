/**
 * The local Cloud Storage server of `npm start` (functions/testing/storage-server):
 * the bucket the issued documents are kept in, reached by the official client
 * through DOCUMENTS_STORAGE_ENDPOINT. Started before the api. Its objects live
 * in memory like the emulator's documents: each run starts empty.
 */
import { startStorageServer } from "../../testing/storage-server/index";
import type { Service } from "../start";

export const storageServerService: Service = {
  name: "local Cloud Storage",
  async start() {
    const server = await startStorageServer({
      port: process.env.STORAGE_PORT ? Number(process.env.STORAGE_PORT) : undefined,
    });
    process.env.DOCUMENTS_STORAGE_ENDPOINT = server.url;
    process.env.DOCUMENTS_BUCKET = process.env.DOCUMENTS_BUCKET ?? "acompte-documents-local";
    return {
      lines: [`local Cloud Storage  ${server.url}  (bucket ${process.env.DOCUMENTS_BUCKET}: issued documents)`],
      stop: () => server.close(),
    };
  },
};
