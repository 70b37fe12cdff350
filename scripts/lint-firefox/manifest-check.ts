/**
 * The built manifests against wxt.config.ts: WXT adds entrypoints and rewrites MV2 manifests
 * (host permissions into permissions, action into browser_action, and it drops MV3-only keys),
 * so what ships is checked, not only the config (tests/unit/manifest checks the config itself).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigEnv } from 'wxt';
import config from '../../wxt.config';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  icons?: Record<string, string>;
  commands?: Record<string, unknown>;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sorted = (xs: readonly string[] | undefined): string[] => [...(xs ?? [])].sort();
const isHost = (p: string): boolean => p.includes('://');

async function expected(env: ConfigEnv): Promise<Manifest> {
  if (typeof config.manifest !== 'function') throw new Error('wxt.config.ts: `manifest` should be a function of the target browser');
  return (await config.manifest(env)) as Manifest;
}

function problemsOf(built: Manifest, want: Manifest, mv2: boolean, dir: string): string[] {
  const out: string[] = [];
  const check = (what: string, ok: boolean, got: unknown): void => {
    if (!ok) out.push(`${dir}/manifest.json: ${what} (got ${JSON.stringify(got)})`);
  };
  const apiPerms = (built.permissions ?? []).filter((p) => !isHost(p));
  const hostPerms = mv2 ? (built.permissions ?? []).filter(isHost) : built.host_permissions;
  check('API permissions differ from wxt.config.ts', same(sorted(apiPerms), sorted(want.permissions)), apiPerms);
  check('host permissions differ from wxt.config.ts', same(sorted(hostPerms), sorted(want.host_permissions)), hostPerms);
  check('optional permissions differ from wxt.config.ts', same(built.optional_permissions, want.optional_permissions), built.optional_permissions);
  check(
    'optional host permissions differ from wxt.config.ts',
    same(built.optional_host_permissions, want.optional_host_permissions),
    built.optional_host_permissions,
  );
  check('holds the tabs permission', !(built.permissions ?? []).includes('tabs'), built.permissions);
  for (const key of ['browser_specific_settings', 'minimum_chrome_version', 'icons', 'short_name', 'default_locale']) {
    check(`${key} differs from wxt.config.ts`, same(built[key], want[key]), built[key]);
  }
  const actionKey = mv2 ? 'browser_action' : 'action';
  const icon = (m: Manifest): unknown => (m[actionKey] as { default_icon?: unknown } | undefined)?.default_icon;
  check(`${actionKey}.default_icon differs from wxt.config.ts`, icon(built) !== undefined && same(icon(built), icon(want)), icon(built));
  check('commands differ from wxt.config.ts', same(Object.keys(built.commands ?? {}), Object.keys(want.commands ?? {})), built.commands);
  for (const path of new Set([...Object.values(built.icons ?? {}), ...Object.values((icon(built) as Record<string, string>) ?? {})])) {
    check(`names ${path}, which the build lacks`, existsSync(join(dir, path)), path);
  }
  return out;
}

export async function builtManifestProblems(firefoxDir: string, chromeDir: string): Promise<string[]> {
  const targets = [
    { dir: firefoxDir, env: { browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' } as ConfigEnv },
    { dir: chromeDir, env: { browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' } as ConfigEnv },
  ];
  const out: string[] = [];
  for (const { dir, env } of targets) {
    const file = join(dir, 'manifest.json');
    if (!existsSync(file)) {
      out.push(`no ${env.browser} build at ${dir}`);
      continue;
    }
    out.push(...problemsOf(JSON.parse(readFileSync(file, 'utf8')) as Manifest, await expected(env), env.manifestVersion === 2, dir));
  }
  return out;
}
