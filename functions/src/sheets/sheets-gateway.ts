/**
 * The few Sheets calls Acompte makes, each retried with backoff. Value
 * writes are RAW (see cell.ts) and go in one values.batchUpdate, split
 * only past ~2 MB.
 */
import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetsApi } from "./sheets-api";
import { withRetry, type RetryOptions } from "./retry";
import { MAX_PAYLOAD_BYTES, requestBody, splitByPayload, type ValueRangeLike } from "./split-payload";

export type Request = sheets_v4.Schema$Request;
export type Spreadsheet = sheets_v4.Schema$Spreadsheet;

export class SheetsGateway {
  constructor(
    readonly api: SheetsApi,
    private readonly retry: RetryOptions = {},
    /** Largest values.batchUpdate body before a split; smaller only in tests, to split small syncs. */
    private readonly maxPayloadBytes = MAX_PAYLOAD_BYTES,
  ) {}

  async get(
    spreadsheetId: string,
    params: { ranges?: string[]; includeGridData?: boolean; fields?: string } = {},
  ): Promise<Spreadsheet> {
    const res = await withRetry(() => this.api.spreadsheets.get({ spreadsheetId, ...params }), this.retry);
    return res.data;
  }

  /** Unformatted values (numbers as numbers, dates as serials), row-major. */
  async readValues(spreadsheetId: string, ranges: string[]): Promise<(string | number | boolean)[][][]> {
    if (ranges.length === 0) return [];
    const res = await withRetry(
      () =>
        this.api.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges,
          valueRenderOption: "UNFORMATTED_VALUE",
          dateTimeRenderOption: "SERIAL_NUMBER",
        }),
      this.retry,
    );
    return (res.data.valueRanges ?? []).map((vr) => (vr.values ?? []) as (string | number | boolean)[][]);
  }

  async batchUpdate(
    spreadsheetId: string,
    requests: Request[],
  ): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse | null> {
    if (requests.length === 0) return null;
    const res = await withRetry(
      () => this.api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }),
      this.retry,
    );
    return res.data;
  }

  /** The developer metadata a lookup selects, among what this project may see (its own PROJECT entries, DOCUMENT ones). */
  async findDeveloperMetadata(
    spreadsheetId: string,
    lookup: sheets_v4.Schema$DeveloperMetadataLookup,
  ): Promise<sheets_v4.Schema$DeveloperMetadata[]> {
    const res = await withRetry(
      () =>
        this.api.spreadsheets.developerMetadata.search({
          spreadsheetId,
          requestBody: { dataFilters: [{ developerMetadataLookup: lookup }] },
        }),
      this.retry,
    );
    return (res.data.matchedDeveloperMetadata ?? []).flatMap((m) => (m.developerMetadata ? [m.developerMetadata] : []));
  }

  /** Writes every range with RAW input; returns the number of write calls made. */
  async writeValues(spreadsheetId: string, data: ValueRangeLike[]): Promise<number> {
    const batches = splitByPayload(data, this.maxPayloadBytes);
    for (const batch of batches) {
      await withRetry(
        () =>
          this.api.spreadsheets.values.batchUpdate({
            spreadsheetId,
            requestBody: requestBody(batch),
          }),
        this.retry,
      );
    }
    return batches.length;
  }
}
