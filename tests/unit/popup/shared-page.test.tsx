// @vitest-environment happy-dom
import type { JSX } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { RapportPage, useCommonT, useLocale, useEffectiveTheme } from '../../../components/common';
import { AppDB } from '../../../lib/db/app-db';
import { setDbForTests } from '../../../lib/db/db';
import { settingsHandlers } from '../../../lib/services/settings';
import { broadcastSettings } from '../../../lib/services/broadcast';
import { saveSettings } from '../../../lib/settings/store';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schemas/settings';
import { installFakeBackground } from '../messaging/fake-background';

function Probe(): JSX.Element {
  const t = useCommonT();
  return (
    <p data-locale={useLocale()} data-theme={useEffectiveTheme()}>
      {t('risk.label')}
    </p>
  );
}

const settings = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`page-${Math.random()}`);
  await db.open();
  setDbForTests(db);
});
afterEach(async () => {
  cleanup();
  delete document.documentElement.dataset.theme;
  setDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
});

describe('RapportPage (shared settings, locale, theme)', () => {
  it('renders in 简体中文 and dark when the settings say so', async () => {
    render(
      <RapportPage settings={settings({ language: 'zh_CN', theme: 'dark' })}>
        <Probe />
      </RapportPage>,
    );
    const p = await screen.findByText('流失风险');
    expect(p.dataset.locale).toBe('zh_CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('asks the background for the settings and follows its saves live', async () => {
    const bg = installFakeBackground(settingsHandlers);
    await saveSettings(settings({ language: 'en', theme: 'light' }));
    render(
      <RapportPage>
        <Probe />
      </RapportPage>,
    );
    expect(await screen.findByText('Churn risk')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(bg.requests).toEqual(['getSettings']);
    await act(async () => {
      await broadcastSettings(await saveSettings(settings({ language: 'zh_CN', theme: 'dark' })));
    });
    expect(await screen.findByText('流失风险')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
