/**
 * Splits value ranges into values.batchUpdate request bodies that stay
 * under the payload Google recommends for one request (~2 MB), so a sync
 * is one call until then. Batches are filled row by row: a range that does
 * not fit whole is cut at a row boundary and continues in the next batch,
 * so every batch but the last is full and a large sync makes
 * ceil(bytes / limit) calls, not one per sheet.
 */
export const MAX_PAYLOAD_BYTES = 2_000_000;

export interface ValueRangeLike {
  range: string;
  /** `null` leaves the cell as it is; a row shorter than the range leaves the cells after it as they are. */
  values: (string | number | null)[][];
}

/** The JSON body values.batchUpdate sends around the ranges. */
export function requestBody(data: ValueRangeLike[]) {
  return { valueInputOption: "RAW", data };
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
/** `{"valueInputOption":"RAW","data":[]}` */
const ENVELOPE_BYTES = bytesOf(requestBody([]));
const RANGE = /^(.*!)?([A-Z]+)(\d+):([A-Z]+)(\d+)$/;

/** Bytes of a range holding no rows yet (`{"range":"…","values":[]}`); the rows add theirs and a comma each. */
const rangeBytes = (vr: ValueRangeLike) => bytesOf({ ...vr, values: [] });

export function splitByPayload<T extends ValueRangeLike>(ranges: T[], limit = MAX_PAYLOAD_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = ENVELOPE_BYTES;
  const close = () => {
    if (current.length) batches.push(current);
    current = [];
    size = ENVELOPE_BYTES;
  };
  /** Adds a part of `bytes` (its comma included) to the current batch, or to a new one when it does not fit. */
  const add = (part: T, bytes: number) => {
    if (current.length && size + bytes > limit) close();
    current.push(part);
    size += bytes;
  };
  for (const vr of ranges) {
    // Each row's JSON and its comma; a range is its header plus its rows, less the first row's comma.
    const rowBytes = vr.values.map((line) => bytesOf(line) + 1);
    const comma = current.length ? 1 : 0;
    const whole = rangeBytes(vr) - 1 + comma + rowBytes.reduce((t, b) => t + b, 0);
    const m = RANGE.exec(vr.range);
    if (size + whole <= limit || !m || vr.values.length < 2) {
      add(vr, whole);
      continue;
    }
    // Cut at row boundaries: fill what is left of the current batch, then the next ones.
    const [, sheet = "", fromColumn, firstRow, toColumn] = m;
    const lastRow = Number(firstRow) + vr.values.length - 1;
    let start = 0;
    while (start < vr.values.length) {
      const from = Number(firstRow) + start;
      // The part's end row is not known yet: the range's last row is as long as any it can be.
      let bytes = rangeBytes({ ...vr, range: `${sheet}${fromColumn}${from}:${toColumn}${lastRow}` }) - 1;
      bytes += current.length ? 1 : 0;
      let end = start;
      while (end < vr.values.length && size + bytes + rowBytes[end] <= limit) bytes += rowBytes[end++];
      if (end === start) {
        if (current.length) {
          close();
          continue;
        }
        bytes += rowBytes[end++]; // one row alone over the limit: sent alone, Sheets decides
      }
      const values = vr.values.slice(start, end);
      add({ ...vr, range: `${sheet}${fromColumn}${from}:${toColumn}${from + values.length - 1}`, values }, bytes);
      start = end;
    }
  }
  close();
  return batches;
}
