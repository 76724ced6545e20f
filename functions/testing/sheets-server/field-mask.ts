/**
 * The `fields` query parameter of Google APIs: `a,b(c,d),e.f` keeps only
 * those paths of the response (arrays are filtered element by element).
 */
type Mask = Map<string, Mask | true>;

export function parseFieldMask(fields: string): Mask {
  let i = 0;
  const parseList = (): Mask => {
    const mask: Mask = new Map();
    while (i < fields.length && fields[i] !== ")") {
      let name = "";
      while (i < fields.length && !",()".includes(fields[i])) name += fields[i++];
      const path = name.trim().split(".").filter(Boolean);
      let sub: Mask | true = true;
      if (fields[i] === "(") {
        i++;
        sub = parseList();
        i++; // ")"
      }
      let target = mask;
      path.forEach((key, k) => {
        if (k === path.length - 1) {
          const existing = target.get(key);
          target.set(key, existing === true || sub === true ? true : merge(existing ?? new Map(), sub));
        } else {
          const next = target.get(key);
          if (next === true) return;
          const m: Mask = next ?? new Map();
          target.set(key, m);
          target = m;
        }
      });
      if (fields[i] === ",") i++;
    }
    return mask;
  };
  return parseList();
}

function merge(a: Mask, b: Mask): Mask {
  for (const [k, v] of b) {
    const cur = a.get(k);
    a.set(k, cur === true || v === true ? true : merge(cur ?? new Map(), v));
  }
  return a;
}

export function applyFieldMask(value: unknown, mask: Mask): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask));
  if (value === null || typeof value !== "object") return value;
  if (mask.has("*")) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = sub === true ? v : applyFieldMask(v, sub);
  }
  return out;
}

/** Copies `fields` (an update mask, `*` = all) of `source` into `target`, as updateSheetProperties does. */
export function applyUpdateMask(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  fields: string,
): void {
  if (fields.trim() === "*") {
    Object.assign(target, source);
    return;
  }
  for (const path of fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean)) {
    const keys = path.split(".");
    let t: Record<string, unknown> = target;
    let s: unknown = source;
    keys.forEach((key, k) => {
      s = (s as Record<string, unknown> | undefined)?.[key];
      if (k === keys.length - 1) {
        if (s === undefined) delete t[key];
        else t[key] = s;
      } else {
        t = (t[key] ??= {}) as Record<string, unknown>;
      }
    });
  }
}
