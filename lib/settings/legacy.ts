/**
 * Settings of builds before the settings store moved into the database lived in
 * `browser.storage.local` under `settings` (with WXT's version marker under `settings$`).
 * They are carried over once, through the same migration and validation as any other read,
 * and then removed from storage that content scripts could write.
 */
import { browser } from 'wxt/browser';

const KEYS = ['settings', 'settings$'];

/** The value stored by an older build, if any. */
export async function readLegacySettings(): Promise<unknown> {
  const got = await browser.storage.local.get(KEYS[0]!);
  return got[KEYS[0]!];
}

export async function dropLegacySettings(): Promise<void> {
  await browser.storage.local.remove(KEYS);
}
