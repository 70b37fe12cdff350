/** Without the optional `notifications` permission the background neither notifies nor listens. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../../lib/db/app-db';
import { setDbForTests } from '../../../lib/db/db';
import { notifyOverdue, setupReminders } from '../../../lib/services/reminders';
import { CHROME, manifestFor } from './manifest-config';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`opt-notif-bg-${Math.random()}`);
  await db.open();
  setDbForTests(db);
});
afterEach(async () => {
  setDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
});

describe('background without the notifications permission', () => {
  it('does not notify, and listens for clicks only once the API is there', async () => {
    await db.actions.put({
      id: 'a',
      customerId: 'C-1',
      kind: 'revisit',
      status: 'open',
      due: '2026-11-01',
      reason: 'reason.contact-gap',
      createdAt: 0,
      updatedAt: 0,
    });
    const { icons } = await manifestFor(CHROME);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Rapport', version: '0.1.0', icons });
    const api = fakeBrowser.notifications;
    const create = vi.spyOn(api, 'create');
    try {
      (fakeBrowser as { notifications?: unknown }).notifications = undefined;
      expect(() => setupReminders()).not.toThrow();
      expect(await notifyOverdue(db, '2026-11-20', { language: 'en' }, ['en'])).toBe(0);
    } finally {
      fakeBrowser.notifications = api;
    }
    expect(create).not.toHaveBeenCalled();
    expect(api.onClicked.hasListeners()).toBe(false);
    // Granted later: the next reminder notifies and wires the click.
    expect(await notifyOverdue(db, '2026-11-20', { language: 'en' }, ['en'])).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![1]).toMatchObject({ iconUrl: expect.stringMatching(/\/icon\/128\.png$/) as unknown });
    expect(api.onClicked.hasListeners()).toBe(true);
  });
});
