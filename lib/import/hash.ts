/**
 * A fast, stable 106-bit string hash (two 53-bit cyrb53 lanes, seeds 1 and 2, computed in one
 * pass) for idempotent import keys. Not cryptographic; collisions among a million rows are
 * ~1e-20 likely.
 */
export function stableHash(parts: readonly (string | number | undefined)[]): string {
  const s = parts.map((p) => (p === undefined ? '\u0000' : String(p))).join('\u001f');
  let a1 = 0xdeadbeef ^ 1;
  let a2 = 0x41c6ce57 ^ 1;
  let b1 = 0xdeadbeef ^ 2;
  let b2 = 0x41c6ce57 ^ 2;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
    b1 = Math.imul(b1 ^ ch, 2654435761);
    b2 = Math.imul(b2 ^ ch, 1597334677);
  }
  return lane(a1, a2) + lane(b1, b2);
}

function lane(h1: number, h2: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}
