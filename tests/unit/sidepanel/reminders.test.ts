import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../../lib/db/app-db';
import { setDbForTests } from '../../../lib/db/db';
import { applyReminderSettings, countOverdue, nextReminderAt, notifyOverdue, REMINDER_ALARM, setupReminders } from '../../../lib/services/reminders';
import { saveSettings } from '../../../lib/settings/store';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import type { Action } from '../../../lib/schemas/domain';

let db: AppDB;
const action = (id: string, status: Action['status'], due: string, snoozedUntil?: string): Action => ({
  id,
  customerId: 'C-1',
  kind: 'revisit',
  status,
  due,
  reason: 'reason.contact-gap',
  createdAt: 0,
  updatedAt: 0,
  snoozedUntil,
});

beforeEach(async () => {
  db = new AppDB(`rem-${Math.random()}`);
  await db.open();
  await db.actions.bulkPut([
    action('a', 'open', '2026-11-10'),
    action('b', 'open', '2026-11-19'),
    action('c', 'open', '2026-11-20'), // due today: not overdue
    action('d', 'done', '2026-11-01'),
    action('e', 'snoozed', '2026-11-01', '2026-11-20'), // snooze over
    action('f', 'snoozed', '2026-11-01', '2026-11-25'), // still snoozed
    action('g', 'dismissed', '2026-11-01'),
  ]);
  setDbForTests(db);
});
afterEach(async () => {
  setDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
});

describe('overdue reminders', () => {
  it('schedules the next local hour, daily, and clears when off', async () => {
    const now = new Date(2026, 10, 20, 10, 30);
    expect(new Date(nextReminderAt(now, 9)).getDate()).toBe(21);
    expect(new Date(nextReminderAt(now, 11)).getHours()).toBe(11);
    expect(new Date(nextReminderAt(now, 11)).getDate()).toBe(20);

    await applyReminderSettings({ enabled: true, hour: 8 }, now);
    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm?.periodInMinutes).toBe(1440);
    expect(new Date(alarm!.scheduledTime).getHours()).toBe(8);
    await applyReminderSettings({ enabled: false, hour: 8 }, now);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('counts open actions due before today and snoozed ones whose snooze ended', async () => {
    expect(await countOverdue(db, '2026-11-20')).toBe(3);
    expect(await countOverdue(db, '2026-11-01')).toBe(0);
  });

  it('notifies in the user language, and not at all when nothing is overdue', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Rapport',
      version: '1',
      icons: { 16: 'icon/16.png', 128: 'icon/128.png' },
    });
    expect(await notifyOverdue(db, '2026-11-20', { language: 'zh_CN' }, ['en'])).toBe(3);
    const opts = Object.values(fakeBrowser.notifications.getAllCreateOptions?.() ?? {}) as { message: string; iconUrl: string }[];
    expect(opts.map((o) => o.message)).toEqual(['今日队列中有 3 项逾期行动待处理。']);
    expect(opts[0]!.iconUrl).toMatch(/icon\/128\.png$/);
    await fakeBrowser.notifications.clear('rapport:overdue-reminder');
    expect(await notifyOverdue(db, '2026-11-01', { language: 'en' }, ['en'])).toBe(0);
  });

  it('follows the settings: turning reminders on schedules the alarm', async () => {
    setupReminders();
    await new Promise((r) => setTimeout(r, 20));
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
    await saveSettings({ ...DEFAULT_SETTINGS, reminders: { enabled: true, hour: 7 } });
    await new Promise((r) => setTimeout(r, 20));
    expect(new Date((await fakeBrowser.alarms.get(REMINDER_ALARM))!.scheduledTime).getHours()).toBe(7);
  });
});
