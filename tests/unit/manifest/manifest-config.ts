/** The manifest wxt.config.ts produces for a target, without a build (WXT adds entrypoints on top). */
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../../wxt.config';

export type Target = { browser: 'chrome' | 'firefox'; manifestVersion: 2 | 3 };
export const CHROME: Target = { browser: 'chrome', manifestVersion: 3 };
export const FIREFOX: Target = { browser: 'firefox', manifestVersion: 2 };

export async function manifestFor(target: Target): Promise<UserManifest> {
  const m = config.manifest;
  if (typeof m !== 'function') throw new Error('wxt.config.ts: `manifest` should be a function of the target browser');
  const env: ConfigEnv = { ...target, mode: 'production', command: 'build' };
  return m(env);
}

/** Every permission the manifest can hold for the target, required or optional. */
export const declared = (m: UserManifest): string[] => [...(m.permissions ?? []), ...(m.optional_permissions ?? [])].map(String);
