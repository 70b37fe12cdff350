/**
 * The CRM registry and the books agree: the same ids everywhere (zod enums, settings, sample),
 * host patterns that isHost accepts, manifest patterns derived from them, and for every CRM a
 * demo tenant whose record links parse back to the same record.
 */
import { describe, expect, it } from 'vitest';
import { BOOKS, crmOfUrl } from '../../lib/crm/books';
import { CRMS, CRM_IDS, CRM_MATCHES, descriptorFor } from '../../lib/crm/registry';
import { STORIES, STORY_IDS, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { CrmIdSchema } from '../../lib/schemas/enums';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings-defaults';

describe('CRM registry', () => {
  it('ids are unique and the same list everywhere', () => {
    const ids = CRMS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CRM_IDS).toEqual(ids);
    expect(CrmIdSchema.options).toEqual(ids);
    expect(Object.keys(BOOKS).sort()).toEqual([...ids].sort());
    expect(Object.keys(DEFAULT_SETTINGS.crm.enabled)).toEqual(ids);
    for (const s of STORIES) expect(Object.keys(s.crmIds)).toEqual(ids);
  });

  it('manifest match patterns are the descriptors’ hosts, and isHost accepts each of them', () => {
    expect(CRM_MATCHES).toEqual(CRMS.flatMap((d) => d.hosts.map((h) => `https://${h}/*`)));
    for (const d of CRMS)
      for (const h of d.hosts) {
        // `*.dynamics.com` is broad on purpose: only `<org>.crmN.dynamics.com` hosts are Dynamics 365 apps.
        const host = h.replace('*.', h === '*.dynamics.com' ? 'contoso.crm4.' : 'acme.');
        expect(d.isHost(host), `${d.id}: ${host}`).toBe(true);
        expect(d.isHost(`${host}.evil.example`), `${d.id}: ${host}.evil.example`).toBe(false);
      }
  });

  it('a host belongs to at most one CRM', () => {
    for (const d of CRMS) for (const h of d.hosts) if (!h.startsWith('*')) expect(CRMS.filter((o) => o.isHost(h)).map((o) => o.id)).toEqual([d.id]);
  });

  it('custom domains pick the CRM the user mapped them to, before the built-in hosts', () => {
    const custom = [{ crm: 'dynamics' as const, host: 'CRM.Contoso.example' }];
    expect(descriptorFor('crm.contoso.example', custom)?.id).toBe('dynamics');
    expect(descriptorFor('crm.contoso.example')).toBeNull();
    expect(descriptorFor('acme.lightning.force.com', custom)?.id).toBe('salesforce');
    expect(crmOfUrl('https://crm.contoso.example/ContosoOrg/main.aspx?appid=a1&pagetype=entitylist&etn=account', custom)).toEqual({
      crm: 'dynamics',
      tenant: 'crm.contoso.example/contosoorg',
      base: { origin: 'https://crm.contoso.example/ContosoOrg', part: 'a1' },
    });
    expect(crmOfUrl('https://crm.contoso.example/ContosoOrg/main.aspx')).toBeNull();
  });
});

describe.each(CRMS.map((d) => [d.id, d] as const))('%s book', (crm, d) => {
  const book = BOOKS[crm];
  const demo = new URL(book.demoListUrl);

  it('has a story id for every story customer and an unknown record', () => {
    expect(Object.keys(book.sample.stories).sort()).toEqual([...STORY_IDS].sort());
    expect(new Set(Object.values(book.sample.stories)).size).toBe(STORY_IDS.length);
    expect(Object.values(book.sample.stories)).not.toContain(UNKNOWN_RECORD[crm].id);
  });

  it('its demo tenant is a list page of this CRM whose base it learns', () => {
    expect(d.isHost(demo.hostname)).toBe(true);
    expect(d.parseUrl(demo)).toMatchObject({ kind: 'list', objectType: 'account' });
    expect(book.learnBase(demo)).not.toBeNull();
  });

  it('record links built from the learnt base open the same record on the same tenant', () => {
    const base = book.learnBase(demo)!;
    for (const id of [...Object.values(book.sample.stories), UNKNOWN_RECORD[crm].id]) {
      const url = new URL(book.recordUrl({ objectType: 'account', id }, base)!);
      expect(d.isHost(url.hostname)).toBe(true);
      expect(d.parseUrl(url)).toEqual({ kind: 'record', objectType: 'account', recordId: id });
      expect(book.tenantOf(url)).toBe(book.tenantOf(demo));
    }
  });

  it('escapes ids so a hostile id cannot change the link’s target', () => {
    const url = book.recordUrl({ objectType: 'account', id: '../../x?y=1#z' }, book.learnBase(demo)!)!;
    expect(url).not.toContain('../');
    expect(new URL(url).origin).toBe(demo.origin);
  });
});
