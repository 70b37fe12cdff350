// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { RapportPage } from '../../../components/common';
import { MappingStep } from '../../../components/options/MappingStep';
import { ImportJobCard } from '../../../components/options/ImportJobCard';
import type { ImportJob } from '../../../components/options/useImportJobs';
import { inspectHead } from '../../../lib/import/inspect';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

afterEach(cleanup);

const en = { ...DEFAULT_SETTINGS, language: 'en' as const };
const noop = (): void => undefined;

describe('MappingStep', () => {
  it('needs every required column before it imports, then passes kind and mapping', () => {
    const inspection = inspectHead(new TextEncoder().encode('Kunde,Datum,Betrag,Notiz\nK1,2025-01-01,5,<b>x</b>\n'))!;
    const onStart = vi.fn();
    render(
      <RapportPage settings={en}>
        <MappingStep fileName="k.csv" inspection={inspection} onStart={onStart} onDiscard={noop} />
      </RapportPage>,
    );
    const start = screen.getByRole('button', { name: 'Import with this mapping' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('This file contains'), { target: { value: 'transactions' } });
    fireEvent.change(screen.getByLabelText('Column “Kunde”'), { target: { value: 'customer_id' } });
    fireEvent.change(screen.getByLabelText('Column “Datum”'), { target: { value: 'date' } });
    expect(screen.getByRole('status').textContent).toContain('Amount');
    fireEvent.change(screen.getByLabelText('Column “Betrag”'), { target: { value: 'amount' } });
    expect(start.disabled).toBe(false);
    // Cell text is text: markup in a cell is shown, never parsed.
    expect(screen.getByRole('cell', { name: '<b>x</b>' })).toBeTruthy();
    fireEvent.click(start);
    expect(onStart).toHaveBeenCalledWith('transactions', { Kunde: 'customer_id', Datum: 'date', Betrag: 'amount', Notiz: '' });
  });
});

describe('ImportJobCard contract', () => {
  const base: ImportJob = { id: 'j', fileName: 'f.csv', phase: 'done', startedAt: 0, rejectedPreview: [], rejectedCount: 0 };

  it('a finished file carries data-import-status="done" with its counts', () => {
    const job: ImportJob = {
      ...base,
      log: { id: 'j', fileName: 'f.csv', kind: 'transactions', startedAt: 0, status: 'done', rowsSeen: 7, accepted: 5, rejected: 2, duplicates: 1 },
      rejectedPreview: [{ file: 'f.csv', line: 3, column: 'date', reason: '"x" is not a date', code: 'date', params: { value: 'x' } }],
      rejectedCount: 2,
    };
    const { container } = render(
      <RapportPage settings={en}>
        <ImportJobCard job={job} onStartWithMapping={noop} onDiscard={noop} onDateOrder={noop} onCancel={noop} rejectedRows={() => []} />
      </RapportPage>,
    );
    const el = container.querySelector('[data-import-status]')!;
    expect([
      el.getAttribute('data-import-status'),
      el.getAttribute('data-accepted'),
      el.getAttribute('data-rejected'),
      el.getAttribute('data-duplicates'),
    ]).toEqual(['done', '5', '2', '1']);
    expect(screen.getByText(/Imported 5 rows \(1 already present\), 2 rejected/)).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'not a valid date: “x”' })).toBeTruthy();
    expect(screen.getByText(/and 1 more in the download/)).toBeTruthy();
  });

  it('a refused file carries data-import-status="error" with the reason, in Chinese throughout for zh_CN', () => {
    const job: ImportJob = {
      ...base,
      phase: 'error',
      refused: true,
      error: { code: 'import.missing-columns', params: { file: 'f.csv', columns: 'amount' } },
    };
    const { container } = render(
      <RapportPage settings={{ ...en, language: 'zh_CN' }}>
        <ImportJobCard job={job} onStartWithMapping={noop} onDiscard={noop} onDateOrder={noop} onCancel={noop} rejectedRows={() => []} />
      </RapportPage>,
    );
    const el = container.querySelector('[data-import-status="error"]')!;
    expect(el.getAttribute('data-accepted')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('文件被拒绝：f.csv 缺少必需的列：amount。');
  });

  it('zh_CN: rejected rows, a failed rescore and an interrupted import show no English sentence', () => {
    const job: ImportJob = {
      ...base,
      log: { id: 'j', fileName: 'f.csv', kind: 'feedback', startedAt: 0, status: 'done', rowsSeen: 2, accepted: 1, rejected: 1, duplicates: 0 },
      rejectedPreview: [{ file: 'f.csv', line: 3, column: 'score', reason: 'CSAT score 7 is out of range 1–5', code: 'score', params: { value: 7 } }],
      rejectedCount: 1,
      rescore: { state: 'error', error: { code: 'internal' } },
    };
    const { container } = render(
      <RapportPage settings={{ ...en, language: 'zh_CN' }}>
        <ImportJobCard job={job} onStartWithMapping={noop} onDiscard={noop} onDateOrder={noop} onCancel={noop} rejectedRows={() => []} />
      </RapportPage>,
    );
    expect(screen.getByRole('cell', { name: '评分超出范围：“7”' })).toBeTruthy();
    const text = container.textContent ?? '';
    expect(text).toContain('无法重新计算评分：Rapport 内部出错');
    // Only the file name, the column name and Rapport's own name are Latin letters here.
    expect(text.replace(/f\.csv|score|Rapport|CSV/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
