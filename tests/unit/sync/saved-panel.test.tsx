// @vitest-environment happy-dom
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { SavedPanel } from '../../../components/popup/SavedPanel';
import { RapportPage } from '../../../components/common';
import { AppDB } from '../../../lib/db/app-db';
import { setReadDbForTests } from '../../../lib/db/read-db';
import { syncRepo } from '../../../lib/db/repos/sync';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import type { OutboxRow } from '../../../lib/sync/state';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`saved-${Math.random()}`);
  await db.open();
  setReadDbForTests(db);
});
afterEach(async () => {
  cleanup();
  setReadDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
});

const row: OutboxRow = {
  interactionId: 'ql-1',
  crm: 'hubspot',
  draft: { key: 'ql-1', target: { objectType: 'account', id: '9' }, date: '2026-11-19', channel: 'call', summary: 'Call' },
  state: 'queued',
  attempts: 0,
  nextAt: 0,
  uncertain: false,
};

function show(lang: 'en' | 'zh_CN', writeback?: 'off' | 'queued') {
  const result = { interactionId: 'ql-1', score: null, ...(writeback ? { writeback } : {}) };
  const noop = () => undefined;
  render(
    <RapportPage settings={{ ...DEFAULT_SETTINGS, language: lang }}>
      <SavedPanel customerId="C1" customerName="Acme" result={result} onAnother={noop} onUndo={noop} onClose={noop} undoing={false} />
    </RapportPage>,
  );
  return () => document.querySelector('[data-rapport-saved]')!;
}

describe('the saved panel’s write-back state', () => {
  it('is off without an outbox row, and follows the outbox live: queued, then written', async () => {
    const panel = show('en', 'off');
    expect(panel().getAttribute('data-writeback')).toBe('off');
    await syncRepo(db).putOutbox(row);
    await waitFor(() => expect(panel().getAttribute('data-writeback')).toBe('queued'));
    expect(screen.getByText('Being written to the CRM…')).toBeTruthy();
    await syncRepo(db).updateOutbox('ql-1', { state: 'written', crmId: 'A1' });
    await waitFor(() => expect(panel().getAttribute('data-writeback')).toBe('written'));
  });

  it('a failure shows its reason, translated', async () => {
    await syncRepo(db).putOutbox({ ...row, state: 'failed', reason: 'writeback.forbidden' });
    const panel = show('zh_CN', 'queued');
    await waitFor(() => expect(panel().getAttribute('data-writeback')).toBe('failed'));
    expect(panel().querySelector('[data-rapport-writeback-reason]')!.getAttribute('data-rapport-writeback-reason')).toBe('writeback.forbidden');
    expect(screen.getByText('未写入 CRM：您的 CRM 用户无权在此记录上添加活动。')).toBeTruthy();
  });
});
