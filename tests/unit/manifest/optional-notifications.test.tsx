// @vitest-environment happy-dom
/**
 * `notifications` is an optional permission: the options page asks for it when reminders are
 * turned on (the background side is in optional-notifications-background.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RapportPage } from '../../../components/common';
import { SettingsPanel } from '../../../components/options/SettingsPanel';
import { AppDB } from '../../../lib/db/app-db';
import { setDbForTests } from '../../../lib/db/db';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`opt-notif-${Math.random()}`);
  await db.open();
  setDbForTests(db);
});
afterEach(async () => {
  cleanup();
  setDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
});

const en = { ...DEFAULT_SETTINGS, language: 'en' as const };

describe('options page: turning reminders on asks for notifications', () => {
  const checkbox = (): HTMLInputElement => screen.getByRole('checkbox', { name: 'Remind me of overdue actions' }) as HTMLInputElement;

  it('refused: the request is made from the click and the box stays off', async () => {
    const request = vi.fn(async () => false);
    fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
    render(
      <RapportPage settings={en}>
        <SettingsPanel />
      </RapportPage>,
    );
    fireEvent.click(checkbox());
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await new Promise((r) => setTimeout(r, 20));
    expect(checkbox().checked).toBe(false);
  });

  it('granted: the box turns on; turning it off asks for nothing', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as unknown as typeof fakeBrowser.permissions.request;
    render(
      <RapportPage settings={en}>
        <SettingsPanel />
      </RapportPage>,
    );
    fireEvent.click(checkbox());
    await waitFor(() => expect(checkbox().checked).toBe(true));
    fireEvent.click(checkbox());
    await waitFor(() => expect(checkbox().checked).toBe(false));
    expect(request).toHaveBeenCalledTimes(1);
  });
});
