// @vitest-environment happy-dom
/**
 * Every selector key of every CRM against the committed fixtures: `[expectedCount, fixture]`
 * pairs for each key (selector-counts.ts), no key without them, no key the descriptor never
 * reads (dead selectors), every candidate a valid selector, and descriptors reading pages only
 * through the query helper.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRMS } from '../../lib/crm/registry';
import { match } from '../../lib/dom/query';
import { OBJECT_TYPES } from '../../lib/schemas/values';
import { SELECTOR_COUNTS } from './selector-counts';
import { fixtureNames, loadFixture } from './support';

describe.each(CRMS.map((d) => [d.id, d] as const))('%s selector registry', (crm, d) => {
  const counts = SELECTOR_COUNTS[crm];

  it('has [expectedCount, fixture] pairs for every key, and none for keys it does not have', () => {
    expect(Object.keys(counts).sort()).toEqual(Object.keys(d.selectors).sort());
    for (const [key, pairs] of Object.entries(counts)) {
      expect(pairs.length, key).toBeGreaterThan(0);
      // A key no fixture shows is a key nothing proves works.
      expect(
        pairs.some(([n]) => n > 0),
        `${key} matches nothing in any fixture`,
      ).toBe(true);
    }
  });

  it.each(Object.entries(counts).flatMap(([key, pairs]) => pairs.map(([n, fixture]) => [key, n, fixture] as const)))(
    '%s matches %i element(s) in %s',
    (key, n, fixture) => {
      expect(fixtureNames(crm)).toContain(fixture);
      expect(match(loadFixture(crm, fixture), d.selectors[key]!)[0]).toHaveLength(n);
    },
  );

  it('every candidate is a valid selector', () => {
    for (const candidates of Object.values(d.selectors)) for (const c of candidates) expect(() => document.querySelectorAll(c), c).not.toThrow();
  });

  it('the descriptor reads every key on its fixtures (no dead selectors)', () => {
    const used = new Set<string>();
    const registry = d.selectors as Record<string, readonly string[]>;
    const original = { ...registry };
    for (const key of Object.keys(original))
      Object.defineProperty(registry, key, { configurable: true, enumerable: true, get: () => (used.add(key), original[key]) });
    try {
      for (const fixture of fixtureNames(crm)) {
        const doc = loadFixture(crm, fixture);
        for (const objectType of OBJECT_TYPES) {
          d.findTitle(doc, { kind: 'record', objectType, recordId: '1' });
          d.readRecord(doc, { kind: 'record', objectType, recordId: '1' });
          d.listRows(doc, { kind: 'list', objectType });
        }
      }
    } finally {
      for (const key of Object.keys(original))
        Object.defineProperty(registry, key, { configurable: true, enumerable: true, writable: true, value: original[key] });
    }
    expect([...used].sort()).toEqual(Object.keys(original).sort());
  });

  it('reads pages only through the query helper (lib/dom/query.ts)', () => {
    const source = readFileSync(path.resolve('lib/crm', crm, 'descriptor.ts'), 'utf8');
    expect(source).not.toMatch(/querySelector|getElementsBy|\.children\b|\.closest\(['"`]/);
  });
});
