/**
 * The Luhn key INSEE uses for SIREN and SIRET numbers: from the right, every
 * second digit is doubled (minus 9 above 9) and the sum must be a multiple of 10.
 *
 * @example
 * luhnValid("552100554"); // → true
 * luhnValid("552100555"); // → false
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
