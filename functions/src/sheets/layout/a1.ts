/** A1 pieces the product writes: quoted sheet names (`'Échéancier'`) and column letters. */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
