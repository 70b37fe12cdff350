/**
 * Permissions = what the shipped code calls. Every `browser.*` / `chrome.*` namespace used in
 * entrypoints/, lib/ and components/ is listed here with the permission it needs, so a new API
 * call without its permission, or a permission nothing calls, fails this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_DOMAINS } from '../../../wxt.config';
import { CHROME, declared, FIREFOX, manifestFor } from './manifest-config';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SHIPPED = ['entrypoints', 'lib', 'components'];

/** API namespace → the permission it needs ('' = none). */
const NEEDS: Record<string, string> = {
  runtime: '',
  permissions: '',
  windows: '', // getLastFocused: window ids need nothing
  tabs: '', // only the calls in TABS below
  storage: 'storage',
  alarms: 'alarms',
  notifications: 'notifications',
  cookies: 'cookies', // Salesforce's session cookie, when the rep connects Salesforce (lib/services/sync-session.ts)
  scripting: 'scripting',
  sidePanel: 'sidePanel',
};

/** Every tabs.* call the code makes, and why it needs no `tabs` permission. */
const TABS: Record<string, string> = {
  query: 'returns ids of all tabs; a url only where we hold host permission (the CRM hosts, granted custom domains), the only urls we read',
  sendMessage: 'needs no permission; only our content script answers',
  create: 'opening our own side panel page needs no permission',
  onActivated: 'tab and window ids only',
  onUpdated: 'fires for every tab; changeInfo.url only where we hold host permission',
};

/** Declared though no API call uses them, and why. */
const WITHOUT_CALLS: Record<string, string> = {
  unlimitedStorage: 'the IndexedDB book (years of transactions) must not be evicted or hit the default quota',
};

/** Files that build the object a `permissions.request(…)` call passes → the builder's name. */
const REQUEST_BUILDERS: Record<string, string> = { 'lib/sync/data-collection.ts': 'connectPermissions' };

/** Chrome-only APIs whose callers fall back where they are missing. */
const CHROME_ONLY: Record<string, string> = { sidePanel: 'reminders.ts opens the side panel page in a tab instead' };

type Use = { api: string; member: string; where: string };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const files = SHIPPED.flatMap((d) => sources(join(ROOT, d))).map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

const uses: Use[] = files.flatMap(({ path, text }) =>
  [...text.matchAll(/\b(?:browser|chrome)\s*\.\s*([A-Za-z]+)(?:\s*\.\s*([A-Za-z]+))?/g)].map((m) => ({
    api: m[1]!,
    member: m[2] ?? '',
    where: `${path}:${text.slice(0, m.index).split('\n').length}`,
  })),
);

describe('permissions follow the code', () => {
  it('finds the API calls it checks', () => {
    expect(uses.length).toBeGreaterThan(20);
    expect(new Set(uses.map((u) => u.api))).toContain('tabs');
  });

  it('every API namespace the code calls is classified', () => {
    expect(uses.filter((u) => !(u.api in NEEDS)).map((u) => `${u.where}: ${u.api}`)).toEqual([]);
  });

  it.each([CHROME, FIREFOX])('$browser: every permission a call needs is declared (required or optional)', async (target) => {
    const have = declared(await manifestFor(target));
    const missing = uses
      .filter((u) => NEEDS[u.api] && !have.includes(NEEDS[u.api]!) && !(target.browser === 'firefox' && u.api in CHROME_ONLY))
      .map((u) => `${u.where}: ${u.api} needs ${NEEDS[u.api]}`);
    expect(missing).toEqual([]);
  });

  it.each([CHROME, FIREFOX])('$browser: every declared API permission is called somewhere (or says why not)', async (target) => {
    const needed = new Set(uses.map((u) => NEEDS[u.api]));
    const unused = declared(await manifestFor(target)).filter((p) => !p.includes('://') && !needed.has(p) && !(p in WITHOUT_CALLS));
    expect(unused).toEqual([]);
  });

  it('no `tabs` permission: every tabs call is one that works without it', async () => {
    const calls = uses.filter((u) => u.api === 'tabs');
    expect(calls.filter((u) => !(u.member in TABS)).map((u) => `${u.where}: tabs.${u.member}`)).toEqual([]);
    expect(new Set(calls.map((u) => u.member))).toEqual(new Set(Object.keys(TABS)));
    for (const target of [CHROME, FIREFOX]) expect(declared(await manifestFor(target))).not.toContain('tabs');
  });

  it('each optional permission is requested by the code, from a user action', async () => {
    const requests = files.filter((f) => /permissions\.request\(/.test(f.text)).map((f) => f.text);
    // A request object built elsewhere counts when a file that calls permissions.request uses its builder.
    const built = Object.entries(REQUEST_BUILDERS)
      .filter(([, fn]) => requests.some((t) => t.includes(`${fn}(`)))
      .map(([path]) => files.find((f) => f.path === path)!.text);
    for (const target of [CHROME, FIREFOX]) {
      const m = await manifestFor(target);
      for (const p of [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])].map(String)) {
        const asked =
          p === CUSTOM_DOMAINS ? /permissions\.request\(\{\s*origins:/ : new RegExp(`permissions\\.request\\(\\{\\s*permissions:\\s*\\[[^\\]]*'${p}'`);
        const inBuilder = new RegExp(`permissions:\\s*\\[[^\\]]*'${p}'`);
        expect(requests.some((t) => asked.test(t)) || built.some((t) => inBuilder.test(t)), `${target.browser}: optional ${p} is never requested`).toBe(true);
      }
    }
  });
});
