/**
 * Splits value ranges into batches whose JSON stays under the size Google
 * recommends for one request (~2 MB), so a sync is one call until then.
 */
export const MAX_PAYLOAD_BYTES = 2_000_000;

export interface ValueRangeLike {
  range: string;
  values: (string | number)[][];
}

export function splitByPayload<T extends ValueRangeLike>(ranges: T[], limit = MAX_PAYLOAD_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  const push = (vr: T, bytes: number) => {
    if (current.length && size + bytes > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(vr);
    size += bytes;
  };
  for (const vr of ranges) {
    const bytes = Buffer.byteLength(JSON.stringify(vr));
    if (bytes <= limit || vr.values.length < 2) {
      push(vr, bytes);
      continue;
    }
    // One range alone is too big: cut it into consecutive row blocks.
    const m = /^(.*!)?([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(vr.range);
    if (!m) {
      push(vr, bytes);
      continue;
    }
    const perRow = bytes / vr.values.length;
    const rowsPerPart = Math.max(1, Math.floor(limit / perRow / 1.1));
    const first = Number(m[3]);
    for (let i = 0; i < vr.values.length; i += rowsPerPart) {
      const values = vr.values.slice(i, i + rowsPerPart);
      const part = { ...vr, range: `${m[1] ?? ""}${m[2]}${first + i}:${m[4]}${first + i + values.length - 1}`, values };
      push(part, Buffer.byteLength(JSON.stringify(part)));
    }
  }
  if (current.length) batches.push(current);
  return batches;
}
