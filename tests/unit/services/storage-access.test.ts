import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { restrictToExtension } from '../../../lib/services/storage-access';
import { toAppError } from '../../../lib/messaging/errors';

describe('storage.local is kept from content scripts', () => {
  it('asks Chrome for trusted contexts only', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    expect(await restrictToExtension({ setAccessLevel })).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('is a no-op where the browser has no switch (Firefox)', async () => {
    expect(await restrictToExtension({})).toBe(false);
    expect(await restrictToExtension(undefined)).toBe(false);
  });
});

describe('a full disk', () => {
  it('is reported as db.quota (the work pauses and says so), also when Dexie wraps it', () => {
    const native = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(toAppError(native)).toEqual({ code: 'db.quota' });
    expect(toAppError(new Dexie.AbortError('aborted', native))).toEqual({ code: 'db.quota' });
    expect(toAppError(new Error('other'))).toEqual({ code: 'internal' });
  });
});
