/**
 * Escaping for XML text and attribute values, and the characters XML 1.0
 * cannot carry at all. Its entities are HTML's too: the one escaper of the
 * code base, also for the HTML and SVG that the add-on's download dialog,
 * the local mail view, the add-on preview and the local Sheets view build
 * from text.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Control characters other than tab, line feed and carriage return, and U+FFFE/U+FFFF: not allowed in XML 1.0. */
function allowedInXml(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
}

/**
 * `value` safe inside an XML element or a double-quoted attribute.
 *
 * @example
 * escapeXml(`Dupont & Fils <"SARL">`); // → "Dupont &amp; Fils &lt;&quot;SARL&quot;&gt;"
 */
export function escapeXml(value: string): string {
  return Array.from(value)
    .filter(allowedInXml)
    .join("")
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
