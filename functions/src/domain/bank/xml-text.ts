/** Escaping for XML text and attribute values, and the control characters XML 1.0 cannot carry at all. */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * `value` safe inside an XML element or a double-quoted attribute.
 *
 * @example
 * escapeXml(`Dupont & Fils <"SARL">`); // → "Dupont &amp; Fils &lt;&quot;SARL&quot;&gt;"
 */
export function escapeXml(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
