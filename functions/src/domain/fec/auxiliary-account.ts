/**
 * A customer's auxiliary account (FEC CompAuxNum), derived from the key
 * invoices and payments are matched on (`siren:…`, `email:…` or `name:…`,
 * model/amounts.ts customerKey) so that it never changes between exports:
 * `C` + the SIREN for a company; otherwise `C` + 16 hexadecimal digits of
 * a 64-bit FNV-1a hash of the key (two customers would share an account
 * only on a hash collision, about one chance in 10^19 per pair).
 *
 * @example
 * auxiliaryAccount("siren:552100554"); // → "C552100554"
 */
export function auxiliaryAccount(customerKey: string): string {
  const siren = /^siren:(\d{9})$/.exec(customerKey);
  if (siren) return `C${siren[1]}`;
  return `C${fnv1a64(customerKey).toString(16).toUpperCase().padStart(16, "0")}`;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  return hash;
}
