// @vitest-environment happy-dom
import type { JSX } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { RapportPage, useCommonT, useLocale, useEffectiveTheme } from '../../../components/shared';
import { saveSettings } from '../../../lib/settings/save';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schemas/settings';

function Probe(): JSX.Element {
  const t = useCommonT();
  return (
    <p data-locale={useLocale()} data-theme={useEffectiveTheme()}>
      {t('risk.label')}
    </p>
  );
}

const settings = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
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

  it('reads stored settings and follows changes live', async () => {
    await saveSettings(settings({ language: 'en', theme: 'light' }));
    render(
      <RapportPage>
        <Probe />
      </RapportPage>,
    );
    expect(await screen.findByText('Churn risk')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('light');
    await act(async () => {
      await saveSettings(settings({ language: 'zh_CN', theme: 'dark' }));
    });
    expect(await screen.findByText('流失风险')).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
