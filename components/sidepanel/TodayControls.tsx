/**
 * Today's plan controls: the daily capacity (saved in settings through the background) and the
 * tier and action-kind filters.
 */
import { useEffect, useState, type JSX } from 'react';
import { send } from '../../lib/messaging/client';
import { ACTION_KINDS, TIERS, type ActionKind, type Tier } from '../../lib/schemas/enums';
import type { PlanFilters } from '../../lib/sidepanel/plan';
import { Button, Field, useCommonT, useErrorText, useSettings } from '../common';
import { useSpT } from './i18n';

export interface TodayControlsProps {
  capacity: number;
  onCapacity: (n: number) => void;
  filters: PlanFilters;
  onFilters: (f: PlanFilters) => void;
  onMessage: (text: string, error?: boolean) => void;
}

const parseCapacity = (s: string): number | null => (/^\d+$/.test(s.trim()) && Number(s) >= 1 && Number(s) <= 100 ? Number(s) : null);

export function TodayControls({ capacity, onCapacity, filters, onFilters, onMessage }: TodayControlsProps): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const errorText = useErrorText();
  const settings = useSettings();
  const [draft, setDraft] = useState(String(capacity));
  useEffect(() => setDraft(String(capacity)), [capacity]);
  const parsed = parseCapacity(draft);

  const save = async (): Promise<void> => {
    if (parsed === null) return;
    onCapacity(parsed);
    try {
      await send('saveSettings', { settings: { ...settings, today: { capacity: parsed } } });
      onMessage(t('sidepanel.plan.savedCapacity', { count: parsed }));
    } catch (e) {
      onMessage(errorText(e), true);
    }
  };

  return (
    <div className="sp-plan-controls">
      <form
        className="sp-row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          label={t('sidepanel.plan.capacity')}
          hint={t('sidepanel.plan.capacityHint')}
          error={parsed === null ? t('sidepanel.plan.capacityError') : undefined}
        >
          {(p) => (
            <input {...p} className="r-input sp-capacity" type="number" min={1} max={100} step={1} value={draft} onChange={(e) => setDraft(e.target.value)} />
          )}
        </Field>
        <Button type="submit" disabled={parsed === null || parsed === capacity}>
          {t('sidepanel.plan.saveCapacity')}
        </Button>
      </form>
      <div className="sp-row">
        <Field label={t('sidepanel.plan.filterTier')}>
          {(p) => (
            <select
              {...p}
              className="r-input"
              value={filters.tiers[0] ?? ''}
              onChange={(e) => onFilters({ ...filters, tiers: e.target.value ? [e.target.value as Tier | 'none'] : [] })}
            >
              <option value="">{t('sidepanel.plan.all')}</option>
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {ct(`tier.${tier}`)}
                </option>
              ))}
              <option value="none">{t('sidepanel.plan.noTier')}</option>
            </select>
          )}
        </Field>
        <Field label={t('sidepanel.plan.filterKind')}>
          {(p) => (
            <select
              {...p}
              className="r-input"
              value={filters.kinds[0] ?? ''}
              onChange={(e) => onFilters({ ...filters, kinds: e.target.value ? [e.target.value as ActionKind] : [] })}
            >
              <option value="">{t('sidepanel.plan.all')}</option>
              {ACTION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {ct(`action.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}
