/**
 * Optional daily reminder for overdue actions (settings.reminders, off by default): one
 * `browser.alarms` alarm at the chosen local hour; when it fires and actions are overdue, one
 * notification; clicking it opens the side panel's Today queue.
 */
import { browser } from 'wxt/browser';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { actionsRepo } from '../db/repos/actions';
import { today } from '../clock';
import { createT, resolveLocale } from '../i18n';
import { sidepanel as catalog } from '../i18n/catalogs/sidepanel';
import type { Settings } from '../schemas/settings';
import { loadSettings, watchSettings } from '../settings/store';

export const REMINDER_ALARM = 'rapport:overdue-reminder';
export const REMINDER_NOTIFICATION = 'rapport:overdue-reminder';
const DAY_MINUTES = 24 * 60;

/** The next time (epoch ms, local clock) at `hour`:00 strictly after `now`. */
export function nextReminderAt(now: Date, hour: number): number {
  const at = new Date(now.getTime());
  at.setHours(hour, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/** Schedule or clear the daily alarm to match the settings. */
export async function applyReminderSettings(reminders: Settings['reminders'], now: Date = new Date()): Promise<void> {
  if (!reminders.enabled) {
    await browser.alarms.clear(REMINDER_ALARM);
    return;
  }
  const existing = await browser.alarms.get(REMINDER_ALARM);
  const when = nextReminderAt(now, reminders.hour);
  // Re-creating an identical alarm would push a due reminder past its time; only reschedule on change.
  if (existing && new Date(existing.scheduledTime).getHours() === reminders.hour && existing.periodInMinutes === DAY_MINUTES) return;
  await browser.alarms.create(REMINDER_ALARM, { when, periodInMinutes: DAY_MINUTES });
}

/** Actions overdue as of `asOf` (open, or snoozed with the snooze over), from the [status+due] index. */
export const countOverdue = (db: AppDB, asOf: string): Promise<number> => actionsRepo(db).countOverdue(asOf);

/** Notify when anything is overdue; returns the count notified about (0 = no notification). */
export async function notifyOverdue(db: AppDB, asOf: string, settings: Pick<Settings, 'language'>, languages: readonly string[]): Promise<number> {
  const notifications = notificationsApi();
  if (!notifications) return 0; // permission not granted (or revoked since)
  const count = await countOverdue(db, asOf);
  if (count === 0) return 0;
  const t = createT(catalog, resolveLocale(settings.language, languages));
  listenForClicks(); // granted since the background started
  await notifications.create(REMINDER_NOTIFICATION, {
    type: 'basic',
    iconUrl: await notificationIcon(),
    title: t('sidepanel.reminder.title'),
    message: t('sidepanel.reminder.body', { count }),
  });
  return count;
}

/** The manifest's largest icon, else a generated square (Chrome requires an icon). */
async function notificationIcon(): Promise<string> {
  const icons = browser.runtime.getManifest().icons as Record<string, string> | undefined;
  const largest = icons && Object.entries(icons).sort((a, b) => Number(b[0]) - Number(a[0]))[0];
  if (largest) return browser.runtime.getURL(`/${largest[1].replace(/^\//, '')}` as '/');
  const canvas = new OffscreenCanvas(96, 96);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#2563eb';
  ctx.fillRect(0, 0, 96, 96);
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 64px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('R', 48, 52);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:image/png;base64,${btoa(binary)}`;
}

/** Open the side panel in the last focused window; fall back to a tab where the API is missing. */
async function openSidePanel(): Promise<void> {
  const win = await browser.windows.getLastFocused();
  try {
    if (win.id === undefined) throw new Error('no window');
    await browser.sidePanel.open({ windowId: win.id });
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  }
}

/** Background wiring: keep the alarm in step with settings, notify on the alarm, open on click. */
export function setupReminders(): void {
  void loadSettings().then((s) => applyReminderSettings(s.reminders));
  watchSettings((s, previous) => {
    if (JSON.stringify(s.reminders) !== JSON.stringify(previous.reminders)) void applyReminderSettings(s.reminders);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REMINDER_ALARM) return;
    void loadSettings().then((s) => (s.reminders.enabled ? notifyOverdue(getDb(), today(), s, navigator.languages) : 0));
  });
  listenForClicks();
}

/**
 * `notifications` is an optional permission, asked for when the user turns reminders on
 * (options page): until it is granted the browser leaves the API out.
 */
const notificationsApi = (): typeof browser.notifications | undefined => browser.notifications as typeof browser.notifications | undefined;

function onNotificationClicked(id: string): void {
  if (id !== REMINDER_NOTIFICATION) return;
  void notificationsApi()?.clear(id);
  void openSidePanel();
}

function listenForClicks(): void {
  const notifications = notificationsApi();
  if (notifications && !notifications.onClicked.hasListener(onNotificationClicked)) notifications.onClicked.addListener(onNotificationClicked);
}
