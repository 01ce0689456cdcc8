/**
 * Shannon entropy in bits per character. Random tokens score high (hex ~3.7-4, base64 ~4.5-5.5 for 32+
 * characters), words and identifiers lower; it is what separates `token = "k3Jd9xQ..."` from `token = "header"`.
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case, digits and symbols a value uses. */
export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

export function isHex(value: string): boolean {
  return /^[0-9a-fA-F]+$/.test(value);
}
