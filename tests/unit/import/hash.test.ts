import { describe, expect, it } from 'vitest';
import { stableHash } from '../../../lib/import/hash';

describe('stableHash', () => {
  it('is stable across releases (ids already stored must keep matching)', () => {
    expect(stableHash(['C1', '2025-01-01', 5, undefined])).toBe(stableHash(['C1', '2025-01-01', 5, undefined]));
    expect(stableHash(['C1', '2025-01-01', 5, undefined])).toMatchInlineSnapshot(`"1saqzm3im0n0w5kohunzgd"`);
  });

  it('separates fields, undefined and empty', () => {
    expect(stableHash(['ab', 'c'])).not.toBe(stableHash(['a', 'bc']));
    expect(stableHash(['a', undefined])).not.toBe(stableHash(['a', '']));
    expect(stableHash([5])).toBe(stableHash(['5']));
  });
});
