// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanelApp } from '../../../components/sidepanel/SidePanelApp';
import { RapportPage } from '../../../components/common';
import type { AppDB } from '../../../lib/db/app-db';
import { AS_OF, action, customer, dropDb, freshDb, putCustomers, score, settingsEn } from './support';

let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
  await putCustomers(db, [customer('C-1', { name: 'Northwind Traders' })]);
  await db.scores.put(score('C-1', { tier: 'platinum' }));
  await db.actions.put(action('C-1:revisit', 'C-1', { reason: 'reason.revisit.due' }));
  history.replaceState(null, '', '#');
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const app = (language: 'en' | 'zh_CN' = 'en') =>
  render(
    <RapportPage settings={{ ...settingsEn, language }}>
      <SidePanelApp db={db} asOf={AS_OF} followActiveTab={false} />
    </RapportPage>,
  );

describe('SidePanelApp', () => {
  it('has six named tabs in a navigation landmark, the view in <main>, arrow-key navigation, kept in the URL hash', async () => {
    app();
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Today', 'Goals', 'KPIs', 'Customer', 'Pyramid', 'Score check']);
    expect(screen.getByRole('tablist', { name: 'Side panel views' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Side panel navigation' }).contains(screen.getByRole('tablist'))).toBe(true);
    expect(screen.getByRole('main').contains(screen.getByRole('tabpanel'))).toBe(true);
    expect(screen.getByRole('tab', { name: 'Today' }).getAttribute('aria-selected')).toBe('true');
    screen.getByRole('tab', { name: 'Today' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Goals' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Goals' }));
    expect(location.hash).toBe('#goals');
    expect(await screen.findByRole('heading', { name: 'Goals' })).toBeTruthy();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Score check' }).getAttribute('aria-selected')).toBe('true');
  });

  it('opens a customer from the Today queue in the Customer view', async () => {
    app();
    await userEvent.click(await screen.findByRole('button', { name: 'Open Northwind Traders' }));
    expect(screen.getByRole('tab', { name: 'Customer' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Northwind Traders' })).toBeTruthy());
  });

  it('speaks 简体中文', async () => {
    app('zh_CN');
    expect((await screen.findAllByRole('tab')).map((t) => t.textContent)).toEqual(['今日', '目标', '关键指标', '客户', '客户金字塔', '评分检验']);
    expect(await screen.findByRole('heading', { name: '今日计划' })).toBeTruthy();
  });
});
