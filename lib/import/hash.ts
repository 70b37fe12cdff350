/**
 * A fast, stable 106-bit string hash (two 53-bit cyrb53 lanes) for idempotent import keys.
 * Not cryptographic; collisions among a million rows are ~1e-20 likely.
 */
function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function stableHash(parts: readonly (string | number | undefined)[]): string {
  const s = parts.map((p) => (p === undefined ? '\u0000' : String(p))).join('\u001f');
  return cyrb53(s, 1).toString(36).padStart(11, '0') + cyrb53(s, 2).toString(36).padStart(11, '0');
}
