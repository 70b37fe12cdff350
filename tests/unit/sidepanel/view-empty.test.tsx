// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { TodayView } from '../../../components/sidepanel/TodayView';
import { GoalsView } from '../../../components/sidepanel/GoalsView';
import { setReadDbForTests } from '../../../lib/db/read-db';
import type { AppDB } from '../../../lib/db/app-db';
import { customer, dropDb, freshDb, panelBackground, putCustomers, renderInPanel } from './support';

let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
  setReadDbForTests(db);
  panelBackground();
});
afterEach(async () => {
  cleanup();
  setReadDbForTests(undefined);
  await dropDb(db);
});

describe('side panel empty states', () => {
  it('with no customers, Today points to the import and the sample instead of “all caught up”', async () => {
    renderInPanel(<TodayView />, { db });
    expect(await screen.findByRole('heading', { name: 'No customers yet' })).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Import your CRM’s export' });
    expect(link.getAttribute('href')).toMatch(/options\.html#import-heading$/);
    expect(await screen.findByRole('button', { name: 'Load sample data' })).toBeTruthy();
    expect(screen.queryByText(/all caught up/)).toBeNull();
  });

  it('with customers, each view keeps its own sentence', async () => {
    await putCustomers(db, [customer('A', { name: 'Acme' })]);
    renderInPanel(<TodayView />, { db });
    expect(await screen.findByText('Nothing is due. You are all caught up.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'No customers yet' })).toBeNull();
    cleanup();
    renderInPanel(<GoalsView />, { db });
    expect(await screen.findByText(/No goals yet/)).toBeTruthy();
  });
});
