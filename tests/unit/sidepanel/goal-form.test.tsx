// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GoalForm } from '../../../components/sidepanel/GoalForm';
import { RapportPage } from '../../../components/common';
import { emptyDraft } from '../../../lib/sidepanel/goal-form';
import type { Goal } from '../../../lib/schemas/domain';
import { AS_OF, settingsEn } from './support';

afterEach(cleanup);

function renderForm(onSave: (g: Goal) => Promise<void>, language: 'en' | 'zh_CN' = 'en') {
  return render(
    <RapportPage settings={{ ...settingsEn, language }}>
      <GoalForm
        initial={emptyDraft(AS_OF)}
        identity={{ id: 'g-1', createdAt: 5 }}
        editing={false}
        segments={['Enterprise', 'SMB']}
        suggestBaseline={async (metric) => (metric === 'csat' ? '81.5' : null)}
        onSave={onSave}
        onCancel={() => undefined}
      />
    </RapportPage>,
  );
}

describe('GoalForm', () => {
  it('shows an error beside each bad field and saves nothing', async () => {
    const onSave = vi.fn(async () => undefined);
    renderForm(onSave);
    await userEvent.type(screen.getByLabelText('Target'), 'lots');
    await userEvent.clear(screen.getByLabelText('End date (inclusive)'));
    await userEvent.type(screen.getByLabelText('End date (inclusive)'), '2026-09-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Target').getAttribute('aria-invalid')).toBe('true');
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['Required.', 'Required.', 'Enter a number, e.g. 90 or 12.5.', 'The end date must not be before the start date.']);
  });

  it('suggests the baseline, keeps metrics matched to the category, and saves a valid goal', async () => {
    const onSave = vi.fn(async (_g: Goal) => undefined);
    renderForm(onSave);
    await userEvent.type(screen.getByLabelText('Name'), 'Key accounts satisfied');
    await userEvent.click(await screen.findByRole('button', { name: 'Use 81.5' }));
    expect((screen.getByLabelText('Baseline') as HTMLInputElement).value).toBe('81.5');
    await userEvent.type(screen.getByLabelText('Target'), '90');
    await userEvent.selectOptions(screen.getByLabelText('Customers'), 'tier');
    await userEvent.selectOptions(screen.getByLabelText('Tier'), 'platinum');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'loyalty');
    expect((screen.getByLabelText('Metric (KPI)') as HTMLSelectElement).value).toBe('retention');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'satisfaction');
    await userEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(onSave).toHaveBeenCalledWith({
      id: 'g-1',
      name: 'Key accounts satisfied',
      category: 'satisfaction',
      metric: 'csat',
      target: 90,
      baseline: 81.5,
      periodStart: '2026-10-01',
      periodEnd: '2027-01-01',
      scope: { kind: 'tier', tier: 'platinum' },
      archived: false,
      createdAt: 5,
    });
  });

  it('speaks 简体中文', () => {
    renderForm(async () => undefined, 'zh_CN');
    expect(screen.getByRole('button', { name: '保存目标' })).toBeTruthy();
    expect(screen.getByLabelText('目标值')).toBeTruthy();
  });
});
