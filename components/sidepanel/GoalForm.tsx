/** Create / edit a SMART goal; every field is validated (GoalSchema) with the error beside it. */
import { useEffect, useState, type FormEvent, type JSX } from 'react';
import { GOAL_CATEGORIES, KPI_IDS, TIERS, type GoalCategory, type KpiId } from '../../lib/schemas/enums';
import type { Goal } from '../../lib/schemas/domain';
import { METRICS_BY_CATEGORY, goalFieldErrors, validateGoalDraft, type GoalDraft, type GoalField } from '../../lib/sidepanel/goal-form';
import { toAppError } from '../../lib/messaging/errors';
import type { GoalErrorKey } from '../../lib/sidepanel/goal-form';
import { Button, Field, useCommonT, useErrorText } from '../common';
import { useSpT } from './i18n';

export interface GoalFormProps {
  initial: GoalDraft;
  identity: { id: string; createdAt: number; archived?: boolean };
  editing: boolean;
  segments: readonly string[];
  /** A suggested baseline for a metric and period (the KPI over the period before), if known. */
  suggestBaseline?: (metric: KpiId, periodStart: string, periodLast: string) => Promise<string | null>;
  onSave: (goal: Goal) => Promise<void>;
  onCancel: () => void;
}

export function GoalForm({ initial, identity, editing, segments, suggestBaseline, onSave, onCancel }: GoalFormProps): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string>();
  const [draft, setDraft] = useState<GoalDraft>(initial);
  const [errors, setErrors] = useState<Partial<Record<GoalField, GoalErrorKey>>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof GoalDraft>(k: K, v: GoalDraft[K]): void => setDraft((d) => ({ ...d, [k]: v }));
  const err = (f: GoalField): string | undefined => (errors[f] ? t(errors[f]) : undefined);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSuggestion(null);
    void suggestBaseline?.(draft.metric, draft.periodStart, draft.periodLast)
      .catch(() => null)
      .then((v) => live && setSuggestion(v ?? null));
    return () => {
      live = false;
    };
  }, [suggestBaseline, draft.metric, draft.periodStart, draft.periodLast]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const result = validateGoalDraft(draft, identity);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFailure(undefined);
    setSaving(true);
    try {
      await onSave(result.goal);
    } catch (err) {
      // The background checks the goal again: a refusal names its field, or is shown as a whole.
      const error = toAppError(err);
      if (error.field) setErrors(goalFieldErrors([error]));
      else setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const onCategory = (c: GoalCategory): void =>
    setDraft((d) => ({ ...d, category: c, metric: METRICS_BY_CATEGORY[c].includes(d.metric) ? d.metric : METRICS_BY_CATEGORY[c][0]! }));
  // Metrics of the chosen category first, then the rest.
  const metrics = [...METRICS_BY_CATEGORY[draft.category], ...KPI_IDS.filter((k) => !METRICS_BY_CATEGORY[draft.category].includes(k))];

  return (
    <form className="sp-form sp-card" onSubmit={(e) => void submit(e)} aria-labelledby="sp-goal-form-h" noValidate>
      <h3 id="sp-goal-form-h" className="sp-h3 sp-span2">
        {t(editing ? 'sidepanel.goals.form.editTitle' : 'sidepanel.goals.form.newTitle')}
      </h3>
      <Field label={t('sidepanel.goals.form.name')} hint={t('sidepanel.goals.form.nameHint')} error={err('name')} className="sp-span2">
        {(p) => <input {...p} className="r-input" value={draft.name} onChange={(e) => set('name', e.target.value)} autoFocus />}
      </Field>
      <Field label={t('sidepanel.goals.form.category')} error={err('category')}>
        {(p) => (
          <select {...p} className="r-select" value={draft.category} onChange={(e) => onCategory(e.target.value as GoalCategory)}>
            {GOAL_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`sidepanel.goals.category.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('sidepanel.goals.form.metric')} error={err('metric')}>
        {(p) => (
          <select {...p} className="r-select" value={draft.metric} onChange={(e) => set('metric', e.target.value as KpiId)}>
            {metrics.map((k) => (
              <option key={k} value={k}>
                {ct(`kpi.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('sidepanel.goals.form.baseline')}
        hint={suggestion !== null ? t('sidepanel.goals.form.baselineHint', { value: suggestion }) : undefined}
        error={err('baseline')}
      >
        {(p) => <input {...p} className="r-input" inputMode="decimal" value={draft.baseline} onChange={(e) => set('baseline', e.target.value)} />}
      </Field>
      <Field label={t('sidepanel.goals.form.target')} error={err('target')}>
        {(p) => <input {...p} className="r-input" inputMode="decimal" value={draft.target} onChange={(e) => set('target', e.target.value)} />}
      </Field>
      {suggestion !== null && draft.baseline.trim() !== suggestion ? (
        <div className="sp-span2">
          <Button variant="ghost" onClick={() => set('baseline', suggestion)}>
            {t('sidepanel.goals.form.baselineUse', { value: suggestion })}
          </Button>
        </div>
      ) : null}
      <Field label={t('sidepanel.goals.form.start')} error={err('periodStart')}>
        {(p) => <input {...p} className="r-input" type="date" value={draft.periodStart} onChange={(e) => set('periodStart', e.target.value)} />}
      </Field>
      <Field label={t('sidepanel.goals.form.end')} error={err('periodLast')}>
        {(p) => <input {...p} className="r-input" type="date" value={draft.periodLast} onChange={(e) => set('periodLast', e.target.value)} />}
      </Field>
      <Field label={t('sidepanel.goals.form.scope')} error={err('scope')} className={draft.scopeKind === 'all' ? 'sp-span2' : undefined}>
        {(p) => (
          <select {...p} className="r-select" value={draft.scopeKind} onChange={(e) => set('scopeKind', e.target.value as GoalDraft['scopeKind'])}>
            <option value="all">{t('sidepanel.goals.form.scope.all')}</option>
            <option value="tier">{t('sidepanel.goals.form.scope.tier')}</option>
            <option value="segment">{t('sidepanel.goals.form.scope.segment')}</option>
          </select>
        )}
      </Field>
      {draft.scopeKind === 'tier' ? (
        <Field label={t('sidepanel.goals.form.tier')}>
          {(p) => (
            <select {...p} className="r-select" value={draft.scopeTier} onChange={(e) => set('scopeTier', e.target.value as GoalDraft['scopeTier'])}>
              {TIERS.map((tier) => (
                <option key={tier} value={tier}>
                  {ct(`tier.${tier}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {draft.scopeKind === 'segment' ? (
        <Field label={t('sidepanel.goals.form.segment')} error={err('scope')}>
          {(p) => (
            <>
              <input {...p} className="r-input" list="sp-segments" value={draft.scopeSegment} onChange={(e) => set('scopeSegment', e.target.value)} />
              <datalist id="sp-segments">
                {segments.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      ) : null}
      {failure ? (
        <p role="alert" className="sp-error sp-span2">
          {failure}
        </p>
      ) : null}
      <div className="sp-form-actions">
        <Button onClick={onCancel}>{t('sidepanel.goals.form.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {t('sidepanel.goals.form.save')}
        </Button>
      </div>
    </form>
  );
}
