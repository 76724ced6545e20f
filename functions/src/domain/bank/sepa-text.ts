/**
 * Text as SEPA carries it. The EPC guidelines only guarantee the basic Latin
 * set `a-z A-Z 0-9 / - ? : ( ) . , ' +` and space end to end: accented
 * letters are reduced to their base letter, other characters become a space,
 * so a French name or remittance text reaches the beneficiary readable.
 */
const SPECIAL: Record<string, string> = {
  œ: "oe",
  Œ: "OE",
  æ: "ae",
  Æ: "AE",
  ß: "ss",
  "&": "+",
  _: "-",
  "’": "'",
  "‘": "'",
  "«": "",
  "»": "",
  "–": "-",
  "—": "-",
  "€": "EUR",
};

/**
 * `value` in the SEPA Latin character set, spaces collapsed, cut to `max`
 * characters.
 *
 * @example
 * sepaText("Remboursement AV-2026-000004 échéance 1/3", 140); // → "Remboursement AV-2026-000004 echeance 1/3"
 */
export function sepaText(value: string, max: number): string {
  const replaced = Array.from(value, (c) => SPECIAL[c] ?? c).join("");
  return replaced
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, max)
    .trim();
}

/** What the guidelines allow in an identifier (EndToEndId, MsgId, PmtInfId): no space, no leading, trailing or double slash. */
export function isSepaIdentifier(value: string): boolean {
  return (
    /^[A-Za-z0-9/\-?:().,'+]{1,35}$/.test(value) &&
    !value.startsWith("/") &&
    !value.endsWith("/") &&
    !value.includes("//")
  );
}

// FNV-1a, 128 bits (the published offset basis and prime): a pure,
// standard digest, so the domain needs no Node crypto. The ids hashed are
// our own instalment ids, not adversarial input: spreading is what counts.
const FNV128_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV128_PRIME = 0x0000000001000000000000000000013bn;
const MASK128 = (1n << 128n) - 1n;

function fnv1a128Hex(text: string): string {
  let hash = FNV128_OFFSET;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * FNV128_PRIME) & MASK128;
  return hash.toString(16).padStart(32, "0");
}

/**
 * The end-to-end id of an instalment: `ACP-` and its id when that is short
 * and plain enough, otherwise `ACP-` and 31 hex characters of its 128-bit
 * FNV-1a digest.
 * Deterministic, so a file regenerated later carries the same ids and the
 * statement that reports the transfer leads back to the same instalment.
 *
 * @example
 * endToEndId("R12-1"); // → "ACP-R12-1"
 */
export function endToEndId(instalmentId: string): string {
  const plain = `ACP-${instalmentId}`;
  if (/^[A-Za-z0-9-]+$/.test(instalmentId) && plain.length <= 35) return plain;
  return `ACP-${fnv1a128Hex(instalmentId).slice(0, 31)}`;
}
